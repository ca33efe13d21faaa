import Crypto

/// Which of a goal's fields make up what the goal means: a change to one of them makes the
/// links to the goal suspect (`links.suspect`, docs/review.md); a change to any other field
/// (the assessment, a new measurement) does not.
///
/// `Plans/workspace.yaml` may set the list (`goal_meaning: [title, term, …]`); without it
/// the list is ``defaultFields``. A name is a top-level field of the goal, `indicators.X`
/// (field `X` of every indicator, matched by the indicator's id), or `body` (the Markdown
/// text, with line ends and trailing blanks ignored).
public struct GoalMeaning: Hashable, Sendable {
    /// The fields that count unless the workspace says otherwise.
    public static let defaultFields = [
        "title", "term", "serves", "indicators.unit", "indicators.direction", "indicators.baseline",
        "indicators.target", "body",
    ]

    /// Every name `goal_meaning` may hold. Measurements are not among them: new ones arrive
    /// all the time and change nothing the links were planned for.
    public static let knownFields = [
        "title", "term", "area", "serves", "assessment", "performance", "carried_from", "indicators.title",
        "indicators.unit", "indicators.direction", "indicators.baseline", "indicators.target", "indicators.source",
        "indicators.source_ref", "body",
    ]

    /// The fields that count, in the order given.
    public var fields: [String]

    /// A list of fields (``defaultFields`` unless given).
    public init(fields: [String] = GoalMeaning.defaultFields) {
        self.fields = fields
    }

    /// The list the workspace settings document (`Plans/workspace.yaml`) gives in
    /// `goal_meaning`; ``defaultFields`` when it gives none. Names outside ``knownFields``
    /// are skipped: the schema reports them.
    public init(settings: Document?) {
        guard let list = settings?.frontMatter["goal_meaning"]?.sequence else {
            self.init()
            return
        }
        self.init(fields: list.compactMap(\.string).filter { GoalMeaning.knownFields.contains($0) })
    }

    /// The fingerprint of a goal whose fields read `texts`: the first 8 hex digits of the
    /// SHA-256 of the canonical text of each field of ``fields`` (sorted, so the order of
    /// the list does not matter).
    public func fingerprint(of texts: GoalMeaningTexts) -> String {
        var joined = ""
        for field in Set(fields).sorted() {
            joined += field + "\u{1F}" + (texts.texts[field] ?? "") + "\u{1E}"
        }
        let digest = SHA256.hash(data: Array(joined.utf8))
        return digest.prefix(4).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The fingerprint of a goal document.
    public func fingerprint(of goal: Document) -> String {
        fingerprint(of: GoalMeaningTexts(goal))
    }

    /// The fields of ``fields`` a field path of ``FieldDiff`` (`indicators[i1].target.value`,
    /// `title`) belongs to, so `review` can show only the changes that count.
    public func counts(_ fieldPath: String) -> Bool {
        let top = String(fieldPath.prefix { $0 != "[" && $0 != "." })
        if fields.contains(top) { return true }
        guard top == "indicators", let close = fieldPath.firstIndex(of: "]") else { return false }
        let rest = fieldPath[fieldPath.index(after: close)...]
        guard rest.hasPrefix(".") else { return fields.contains { $0.hasPrefix("indicators.") } }
        let inner = String(rest.dropFirst().prefix { $0 != "[" && $0 != "." })
        return fields.contains("indicators." + inner)
    }

    /// A short text of the list for keys of memo records.
    public var settingsText: String { fields.joined(separator: ",") }
}

/// The canonical text of every field a ``GoalMeaning`` may name, read once from a goal
/// document (the rules keep these, not the document).
public struct GoalMeaningTexts: Hashable, Sendable {
    /// Field name → canonical text; a field the goal does not have is absent.
    public var texts: [String: String]

    /// Reads the texts of `goal`.
    public init(_ goal: Document) {
        self.init(frontMatter: goal.frontMatter, body: goal.body)
    }

    /// Reads the texts of a goal's front matter and body.
    public init(frontMatter: YAMLMapping, body: String) {
        var texts: [String: String] = [:]
        for field in GoalMeaning.knownFields {
            if field == "body" {
                texts[field] = Self.canonicalBody(body)
            } else if field.hasPrefix("indicators.") {
                guard let indicators = frontMatter["indicators"]?.sequence else { continue }
                let inner = String(field.dropFirst("indicators.".count))
                var parts: [String] = []
                for (position, indicator) in indicators.enumerated() {
                    let id = indicator.mapping?["id"].flatMap(FieldDiff.scalarText) ?? "#\(position)"
                    let value = indicator.mapping?[inner].map(Self.canonical) ?? "-"
                    parts.append(Self.quoted(id) + "=" + value)
                }
                texts[field] = parts.sorted().joined(separator: ";")
            } else if let node = frontMatter[field] {
                texts[field] = field == "serves" ? Self.canonicalSet(node) : Self.canonical(node)
            }
        }
        self.texts = texts
    }

    /// A value written so that equal values (80 and 80.0, keys in any order) read the same.
    static func canonical(_ node: YAMLNode) -> String {
        switch node.content {
        case .string(let s): return quoted(s)
        case .integer(let i): return String(i)
        case .float(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
            return String(d)
        case .bool(let b): return String(b)
        case .null: return "~"
        case .sequence(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .mapping(let mapping):
            let entries = mapping.entries.map { quoted($0.key) + ":" + canonical($0.value) }.sorted()
            return "{" + entries.joined(separator: ",") + "}"
        }
    }

    /// A list whose order does not matter (`serves`).
    private static func canonicalSet(_ node: YAMLNode) -> String {
        guard let items = node.sequence else { return canonical(node) }
        return "[" + items.map(canonical).sorted().joined(separator: ",") + "]"
    }

    /// Text with its length in front, so no character inside can be mistaken for a separator.
    private static func quoted(_ text: String) -> String {
        "\(text.utf8.count)'" + text
    }

    /// The body with CRLF read as LF, trailing blanks of each line and blank lines at either
    /// end left out: re-saving a file in another editor changes nothing.
    static func canonicalBody(_ body: String) -> String {
        var lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line -> Substring in
            var line = line
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            return line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }
}
