/// The language a report is written in: its words, and how it writes numbers, money and dates.
public enum ReportLanguage: String, Hashable, Sendable, CaseIterable {
    case sv, en

    /// The language of a workspace's `Plans/workspace.yaml` (`language: sv|en`), nil when it
    /// names none or one reports cannot be written in.
    public static func of(_ workspace: Workspace) -> ReportLanguage? {
        let settings = workspace.documents.first { $0.kind == .workspace }
        return settings.flatMap { of(settings: $0.frontMatter) }
    }

    /// The language `Plans/workspace.yaml`'s front matter names, nil when none or one
    /// reports cannot be written in.
    public static func of(settings: YAMLMapping) -> ReportLanguage? {
        guard let code = settings["language"]?.string else { return nil }
        // `sv-SE`, `en-GB`: the region does not change the words.
        let base = code.split(separator: "-").first.map(String.init)?.lowercased() ?? code
        return ReportLanguage(rawValue: base)
    }

    /// Writes numbers, money, shares and dates the way the language does:
    /// `1 234 567 kr`, `45,5 %`, `30 september 2026` and `SEK 1,234,567`, `45.5%`,
    /// `30 September 2026`.
    public var format: ReportFormat { ReportFormat(language: self) }

    /// The report's words in this language.
    public var words: ReportWords { self == .sv ? .swedish : .english }

    /// The report's words in this language, with the status words of `statuses`
    /// (`status_labels` of the workspace, see ``StatusWords``).
    public func words(_ statuses: StatusWords) -> ReportWords {
        var words = self.words
        words.statuses = statuses
        return words
    }
}

/// Number, money, share and date formatting for one language. Hand-written rather than
/// Foundation's formatters so the output is the same on every machine and locale.
public struct ReportFormat: Hashable, Sendable {
    public var language: ReportLanguage

    /// The no-break space Swedish groups thousands with and puts before `kr` and `%`, so a
    /// figure never breaks over two lines.
    public static let noBreakSpace = "\u{00A0}"

    /// An integer with thousands grouped: `1 234 567` or `1,234,567`.
    public func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 {
                grouped += language == .sv ? Self.noBreakSpace : ","
            }
            grouped.append(character)
        }
        return (value < 0 ? "−" : "") + grouped
    }

    /// An amount of Swedish kronor: `1 234 567 kr` or `SEK 1,234,567`.
    public func money(_ sek: Int) -> String {
        language == .sv ? integer(sek) + Self.noBreakSpace + "kr" : "SEK " + integer(sek)
    }

    /// A number with at most one decimal: `12,5` or `12.5`; whole numbers without decimals.
    public func number(_ value: Double) -> String {
        guard Self.fitsInt(value * 10) else { return beyondInt(value) }
        let tenths = Int((value.magnitude * 10).rounded())
        var text = integer(tenths / 10)
        if tenths % 10 != 0 { text += (language == .sv ? "," : ".") + String(tenths % 10) }
        return (value < 0 && tenths != 0 ? "−" : "") + text
    }

    /// A share in 0–100: `45 %` or `45%`, rounded to whole percent; `–` when unknown.
    public func percent(_ value: Double?) -> String {
        guard let value else { return "–" }
        let whole = Self.fitsInt(value) ? integer(Int(value.rounded())) : beyondInt(value)
        return language == .sv ? whole + Self.noBreakSpace + "%" : whole + "%"
    }

    /// A day: `30 september 2026` or `30 September 2026`.
    public func date(_ date: CalendarDate) -> String {
        "\(date.day) \(monthName(date.month)) \(date.year)"
    }

    /// The month's name (lowercase in Swedish).
    public func monthName(_ month: Int) -> String {
        let names =
            language == .sv
            ? [
                "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
                "november", "december",
            ]
            : [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ]
        return names[min(max(month, 1), 12) - 1]
    }

    /// The month's three-letter abbreviation, for chart axes.
    public func monthAbbreviation(_ month: Int) -> String {
        String(monthName(month).prefix(3))
    }

    /// An indicator value with its unit: `42 %`, `12 dagar`, `1 234 kr`, `0,8`.
    public func measure(_ value: Double, unit: Indicator.Unit) -> String {
        switch unit {
        case .percent: return language == .sv ? number(value) + Self.noBreakSpace + "%" : number(value) + "%"
        case .days: return number(value) + " " + (language == .sv ? "dagar" : "days")
        case .sek:
            guard Self.fitsInt(value) else {
                return language == .sv ? beyondInt(value) + Self.noBreakSpace + "kr" : "SEK " + beyondInt(value)
            }
            return money(Int(value.rounded()))
        case .count, .ratio: return number(value)
        }
    }

    /// Whether `value`, rounded, fits in an `Int`: indicator values have no maximum in the
    /// schemas, and converting one beyond it would trap.
    static func fitsInt(_ value: Double) -> Bool { value.isFinite && value.magnitude.rounded() < 9.0e18 }

    /// A number too large to write digit by digit, as Swift writes it (`1.5e+300`; with a
    /// decimal comma in Swedish, `1,5e+300`): shown as it is, not trapping or clamped to a
    /// false figure.
    private func beyondInt(_ value: Double) -> String {
        let text = "\(value.magnitude)"
        return (value < 0 ? "−" : "") + (language == .sv ? String(text.map { $0 == "." ? "," : $0 }) : text)
    }
}
