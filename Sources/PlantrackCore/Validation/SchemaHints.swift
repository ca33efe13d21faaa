import JSONSchema

/// What to write instead: the schema's messages say what is wrong, these say how a
/// coordinator puts it right for the mistakes the plan format invites (Swedish status
/// words, dates written the Swedish way, amounts with thousands separators).
public enum SchemaHints {
    /// The Swedish words for the status and assessment values, as the contract labels
    /// them (`planned` = Ej påbörjad…) and as coordinators write them (`klar`, `pågår`),
    /// lowercased. A word may mean different values in different fields (`avslutad`: a
    /// plan `closed`, an activity `done`), so each maps to candidates in preference order
    /// and the field's allowed values pick one.
    public static let swedishWords: [String: [String]] = [
        // activity status
        "ej påbörjad": ["planned"], "ej påbörjat": ["planned"], "planerad": ["planned"], "planerat": ["planned"],
        "pågår": ["in-progress"], "pågående": ["in-progress"], "påbörjad": ["in-progress"],
        "klar": ["done"], "klart": ["done"], "genomförd": ["done"], "genomfört": ["done"],
        "avslutad": ["closed", "done"], "avslutat": ["closed", "done"], "slutförd": ["done"],
        "försenad": ["delayed"], "försenat": ["delayed"],
        "avbruten": ["cancelled"], "avbrutet": ["cancelled"], "inställd": ["cancelled"], "struken": ["cancelled"],
        // goal assessment
        "enligt plan": ["on-track"], "i fas": ["on-track"],
        "risk för avvikelse": ["at-risk"], "risk": ["at-risk"],
        "i riskzonen": ["at-risk"], "avvikelse": ["off-track"], "avviker": ["off-track"], "ej enligt plan": ["off-track"],
        "uppnått": ["achieved"], "uppnådd": ["achieved"], "uppnådda": ["achieved"],
        "ej bedömt": ["not-assessed"], "ej bedömd": ["not-assessed"], "inte bedömt": ["not-assessed"],
        // plan status
        "utkast": ["draft"], "antagen": ["adopted"], "fastställd": ["adopted"], "beslutad": ["adopted"],
        "stängd": ["closed"],
    ]

    /// The English value a Swedish word stands for, among the values a field allows; nil
    /// when the word is not one of ``swedishWords`` or means none of them.
    public static func englishValue(for written: String, allowed: [String]) -> String? {
        let key = written.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return swedishWords[key]?.first(where: allowed.contains)
    }

    /// The values of the status-like fields, by document kind and field.
    static func allowedValues(kind: DocumentKind, field: String) -> [String]? {
        switch (kind, field) {
        case (.activity, "status"): return ["planned", "in-progress", "done", "delayed", "cancelled"]
        case (.plan, "status"): return ["draft", "adopted", "closed"]
        case (.goal, "assessment"): return ["not-assessed", "on-track", "at-risk", "off-track", "achieved"]
        default: return nil
        }
    }

    /// The hint for a date written otherwise than YYYY-MM-DD: the same date rewritten when
    /// it is day, month and year in another order (`31/12/2021`, `31.12.2021`), else the form.
    public static func dateHint(_ written: String) -> String {
        // 20211215: the digits of a date without its hyphens.
        if written.count == 8, written.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(written.prefix(4)),
            let month = Int(written.dropFirst(4).prefix(2)), let day = Int(written.suffix(2)),
            let date = CalendarDate(year: year, month: month, day: day)
        {
            return "write YYYY-MM-DD: \(date)"
        }
        let parts = written.split(whereSeparator: { "/.- ".contains($0) }).map(String.init)
        if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }),
            parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            let date = CalendarDate(year: year, month: month, day: day)
        {
            return "write YYYY-MM-DD: \(date)"
        }
        if parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2]), let date = CalendarDate(year: year, month: month, day: day)
        {
            return "write YYYY-MM-DD: \(date)"
        }
        return "write YYYY-MM-DD, a real calendar day (e.g. 2021-03-15)"
    }

    /// The whole kronor an amount written with separators or a currency means
    /// (`300 000`, `300 000 kr`, `300,000`, `300.000 SEK`), or nil when it is not such an amount.
    public static func kronor(_ written: String) -> Int? {
        var text = written.lowercased()
        for unit in ["sek", "kronor", "kr.", "kr", ":-"] where text.hasSuffix(unit) {
            text = String(text.dropLast(unit.count))
            break
        }
        // Spaces of any width (Word puts no-break and thin spaces in amounts) and separators.
        let groups = text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == "," || $0 == "." || $0 == "'" }
        )
        guard !groups.isEmpty, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return nil
        }
        // Thousands groups: the first one to three digits, each later one exactly three.
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return Int(groups.joined())
    }

    /// Whether a field holds whole kronor: `budget_sek`, `spent_sek`, `funding[].amount_sek`.
    static func isMoney(_ field: String) -> Bool { field.hasSuffix("_sek") }
}

extension SchemaHints {
    /// Adds the workspace's own words to status findings: a file that says `Klart` where
    /// `workspace.yaml` labels `done` as "Klart" is told to write `done`. Labels rename what
    /// reports show; files keep the English values (docs/format.md).
    static func withWorkspaceLabels(_ findings: [Finding], settings: Document?) -> [Finding] {
        guard let labels = settings?.frontMatter["status_labels"]?.mapping, !labels.entries.isEmpty else { return findings }
        return findings.map { finding in
            guard finding.rule == "schema.enum", let pointer = finding.pointer, pointer.hasPrefix("/"),
                finding.message.hasSuffix("\""), let got = finding.message.range(of: "; got \"", options: .backwards),
                case .document(let kind, _) = DocumentLayout.place(of: finding.path),
                let allowed = allowedValues(kind: kind, field: String(pointer.dropFirst()))
            else { return finding }
            let written = String(finding.message[got.upperBound...].dropLast())
            guard
                let entry = labels.entries.first(where: {
                    allowed.contains($0.key) && $0.value.string?.lowercased() == written.lowercased()
                })
            else { return finding }
            var copy = finding
            copy.message +=
                ": write \(entry.key) (\(written) is the label workspace.yaml gives \(entry.key); "
                + "labels are what reports show, the files use the English words)"
            return copy
        }
    }
}

extension SchemaFinding {
    /// The findings for one document's schema errors, with what to write instead where the
    /// mistake is a familiar one. A date's errors (its pattern and its format may both fail)
    /// become one finding per field.
    static func findings(for errors: [ValidationError], in document: Document) -> [Finding] {
        var findings: [Finding] = []
        var datesReported: Set<String> = []
        for error in errors {
            let tokens = error.instanceLocation.map { component -> String in
                switch component {
                case .key(let key): return key
                case .index(let index): return String(index)
                }
            }
            let root = YAMLNode(.mapping(document.frontMatter), at: document.frontMatterLocation)
            let value = root.node(at: tokens)
            if error.schemaLocation.contains("common.schema.json#/$defs/date/") {
                guard datesReported.insert(error.jsonPointer).inserted else { continue }
                var finding = finding(for: error, in: document)
                finding.rule = "schema.format"
                let scalar = value.flatMap { $0.string ?? FieldDiff.scalarText($0) }
                let shown = value?.string.map { "\"\($0)\"" } ?? scalar ?? value.map(\.typeDescription) ?? "this"
                finding.message = "\(fieldName(tokens)) \(shown) is not a date; " + SchemaHints.dateHint(scalar ?? "")
                findings.append(finding)
                continue
            }
            var finding = finding(for: error, in: document)
            if error.keyword == "enum", let field = tokens.last, tokens.count == 1,
                let allowed = SchemaHints.allowedValues(kind: document.kind, field: field),
                let written = value?.string, let english = SchemaHints.englishValue(for: written, allowed: allowed)
            {
                // The Swedish word's value, not an edit-distance guess.
                finding.message =
                    "\(fieldName(tokens)) \(error.message): write \(english) (\(written)); "
                    + "the files use the English words, reports show them in Swedish"
            } else if error.keyword == "type", let written = value?.string,
                let truth = ["ja": true, "nej": false, "sant": true, "falskt": false][written.lowercased()]
            {
                finding.message += "; write \(truth) (\(written))"
            } else if error.keyword == "type", let field = tokens.last, SchemaHints.isMoney(field),
                let written = value?.string
            {
                if let kronor = SchemaHints.kronor(written) {
                    finding.message += "; write \(kronor) (whole kronor, digits only)"
                } else {
                    finding.message += "; write whole kronor in digits only, e.g. 300000"
                }
            }
            findings.append(finding)
        }
        return findings
    }
}
