/// The mark reports put on plans, goals and activities that carry `x-illustrative`
/// (docs/report.md, "Example data"): made-up content must never pass for a county's own.
public struct IllustrativeMark: Sendable {
    public var language: ReportLanguage

    /// Creates the mark's words in `language`.
    public init(language: ReportLanguage) {
        self.language = language
    }

    private var sv: Bool { language == .sv }

    /// The mark of a whole made-up item: `Exempeldata`, `Illustrative`.
    public var whole: String { sv ? "Exempeldata" : "Illustrative" }
    /// The mark of an item with some made-up fields: `Delvis exempeldata`, `Partly illustrative`.
    public var partly: String { sv ? "Delvis exempeldata" : "Partly illustrative" }

    /// The mark's word for `illustrative`.
    public func word(_ illustrative: Illustrative) -> String {
        illustrative.isWhole ? whole : partly
    }

    /// Which fields are made up, for a tooltip: `Påhittat: owner, status`.
    public func fields(_ illustrative: Illustrative) -> String {
        illustrative.isWhole
            ? (sv ? "Hela dokumentet är påhittat" : "The whole document is made up")
            : (sv ? "Påhittat: " : "Made up: ") + illustrative.fieldNames.joined(separator: ", ")
    }

    /// What a whole made-up item is, after its mark in the legend.
    public var wholeMeaning: String {
        sv ? "påhittat för att visa verktyget, inte hämtat ur en verklig plan." : "made up to show the tool, not taken from a real plan."
    }

    /// What a partly made-up item is, after its mark in the legend.
    public var partlyMeaning: String {
        sv
            ? "texten är hämtad ur en verklig plan, men vissa uppgifter (till exempel status, datum, ansvariga och "
                + "belopp) är påhittade."
            : "the text is taken from a real plan, but some details (such as status, dates, owners and amounts) are made up."
    }

    /// ` <span class="illustrative" title="…">Exempeldata</span>`, or nothing when unmarked.
    public func html(_ illustrative: Illustrative?) -> String {
        guard let illustrative else { return "" }
        return " <span class=\"illustrative\" title=\"\(ReportEscaping.html(fields(illustrative)))\">"
            + "\(ReportEscaping.html(word(illustrative)))</span>"
    }

    /// ` _(Exempeldata)_`, or nothing when unmarked.
    public func markdown(_ illustrative: Illustrative?) -> String {
        guard let illustrative else { return "" }
        return " _(\(ReportEscaping.markdown(word(illustrative))))_"
    }

    /// The legend as an HTML paragraph, or nothing when no item shown is marked.
    public func htmlLegend(shown marks: [Illustrative?]) -> String? {
        guard marks.contains(where: { $0 != nil }) else { return nil }
        return "<p class=\"legend illustrative-legend\"><span class=\"illustrative\">\(ReportEscaping.html(whole))</span> "
            + "\(ReportEscaping.html(wholeMeaning)) <span class=\"illustrative\">\(ReportEscaping.html(partly))</span> "
            + "\(ReportEscaping.html(partlyMeaning))</p>"
    }

    /// The legend as a Markdown paragraph, or nothing when no item shown is marked.
    public func markdownLegend(shown marks: [Illustrative?]) -> String? {
        guard marks.contains(where: { $0 != nil }) else { return nil }
        return "_(\(ReportEscaping.markdown(whole)))_ \(ReportEscaping.markdown(wholeMeaning)) "
            + "_(\(ReportEscaping.markdown(partly)))_ \(ReportEscaping.markdown(partlyMeaning))"
    }
}
