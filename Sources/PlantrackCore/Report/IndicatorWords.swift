/// The words for an indicator's progress — its track, its light, its latest value's age and
/// its source — in one language: `rollup --indicators`, `trend --indicator` and the reports
/// say these.
public struct IndicatorWords: Hashable, Sendable {
    /// The language of the words.
    public var language: ReportLanguage

    /// The words of `language`.
    public init(language: ReportLanguage) {
        self.language = language
    }

    private var sv: Bool { language == .sv }

    /// Where an indicator stands against the straight line from baseline to target.
    public func track(_ track: Indicator.Track) -> String {
        switch track {
        case .onTrack: return sv ? "i fas" : "on track"
        case .offTrack: return sv ? "efter plan" : "off track"
        case .notJudged: return sv ? "ej bedömd" : "not judged"
        case .noValue: return sv ? "inget värde" : "no value"
        }
    }

    /// Kolada's attribution, the same in every language (Kolada asks for these words).
    public var koladaAttribution: String { "Källa: Kolada" }

    /// A Kolada key figure for a municipality or region: `Kolada N74000 (0001)`.
    public func kolada(_ source: KoladaSource?) -> String {
        guard let source else { return "Kolada" }
        return "Kolada \(source.kpi) (\(source.municipality)\(source.gender == .total ? "" : ", \(source.gender.rawValue)"))"
    }

    /// The age of the latest value in days: `245 dagar`, `1 day`.
    public func age(days: Int) -> String {
        sv ? "\(days) \(days == 1 ? "dag" : "dagar")" : EnglishWords.count(days, "day")
    }

    /// The newest period without a value: `inget värde för 2023-12-31`.
    public func noValue(since date: CalendarDate) -> String {
        sv ? "inget värde för \(date)" : "no value for \(date)"
    }

    /// Column headings of the per-indicator table (`rollup --indicators`), in capitals.
    public var rollUpHeader: [String] {
        let words =
            sv
            ? [
                "Mål", "Indikator", "Senaste", "Datum", "Ålder dagar", "Framsteg %", "Väntat %", "Läge", "Ljus",
                "Källa",
            ]
            : ["Goal", "Indicator", "Latest", "Date", "Age days", "Progress %", "Expected %", "Track", "Light", "Source"]
        return words.map { $0.uppercased() }
    }

    /// Column headings of `trend --indicator`, in capitals.
    public var trendHeader: [String] {
        let words =
            sv
            ? ["Datum", "Incheckning", "Senaste", "Mätdatum", "Ålder dagar", "Framsteg %", "Väntat %", "Läge", "Ljus"]
            : ["Date", "Commit", "Latest", "Measured", "Age days", "Progress %", "Expected %", "Track", "Light"]
        return words.map { $0.uppercased() }
    }

    /// The heading of the measurements table under an indicator's chart.
    public var measurements: String { sv ? "Mätvärden" : "Measurements" }
    /// A measurement's date (column heading).
    public var date: String { sv ? "Datum" : "Date" }
    /// A measurement's value (column heading).
    public var value: String { sv ? "Värde" : "Value" }
    /// The baseline, in the table under a chart.
    public var baselineWord: String { sv ? "utgångsläge" : "baseline" }
    /// The target, in the table under a chart.
    public var targetWord: String { sv ? "målvärde" : "target" }
    /// "fetched", as in `Kolada 2022, hämtat 2026-12-07`.
    public var fetchedWord: String { sv ? "hämtat" : "fetched" }
    /// What the dashed line of the chart is.
    public var expectedLine: String {
        sv ? "Streckad linje: rak väg från utgångsläget till målvärdet" : "Dashed line: straight way from baseline to target"
    }
    /// A target with its date: `målvärde 90 den 2023-12-31`.
    public func target(_ value: String, by date: CalendarDate?) -> String {
        let word = sv ? "målvärde" : "target"
        guard let date else { return "\(word) \(value)" }
        return sv ? "\(word) \(value) senast \(date)" : "\(word) \(value) by \(date)"
    }

    /// The heading of the Markdown report's table of the indicators whose values come from
    /// Kolada.
    public var koladaValues: String { sv ? "Värden från Kolada" : "Values from Kolada" }

    /// Column headings of that table.
    public var koladaValuesHeader: [String] {
        sv
            ? ["Län", "Indikator", "Senaste", "Period", "Läge", "Källa"]
            : ["County", "Indicator", "Latest", "Period", "Track", "Source"]
    }

    /// The text alternative of an indicator's chart.
    public func chartLabel(title: String, baseline: String, points: String, target: String, track: String) -> String {
        sv
            ? "\(title): utgångsläge \(baseline); mätvärden \(points); \(target); läge: \(track)"
            : "\(title): baseline \(baseline); measurements \(points); \(target); track: \(track)"
    }
}
