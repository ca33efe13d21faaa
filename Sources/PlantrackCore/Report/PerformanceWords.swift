/// The words `rollup` and the reports use for performance targets (prestationsmål,
/// ``PerformanceFigures``), in the report's language.
public struct PerformanceWords: Sendable {
    public var language: ReportLanguage

    /// Creates the words of `language`.
    public init(language: ReportLanguage) {
        self.language = language
    }

    private var sv: Bool { language == .sv }

    /// The section's heading.
    public var heading: String { sv ? "Prestationsmål" : "Performance targets" }
    public var goal: String { sv ? "Mål" : "Goal" }
    public var indicator: String { sv ? "Indikator" : "Indicator" }
    public var threshold: String { sv ? "Tröskel" : "Threshold" }
    public var by: String { sv ? "Senast" : "By" }
    public var measured: String { sv ? "Uppmätt" : "Measured" }
    public var outcomeHeading: String { sv ? "Utfall" : "Outcome" }
    public var amount: String { sv ? "Belopp" : "Amount" }
    public var county: String { sv ? "Län" : "County" }
    public var earned: String { sv ? "Intjänat" : "Earned" }
    public var atRisk: String { sv ? "I riskzonen" : "At risk" }
    public var total: String { sv ? "Totalt" : "Total" }

    /// `uppnått`, `ej uppnått`, `ej bedömt`.
    public func outcome(_ outcome: PerformanceFigures.Outcome) -> String {
        switch (outcome, sv) {
        case (.met, true): return "Uppnått"
        case (.notMet, true): return "Ej uppnått"
        case (.notAssessed, true): return "Ej bedömt"
        case (.met, false): return "Met"
        case (.notMet, false): return "Not met"
        case (.notAssessed, false): return "Not assessed"
        }
    }

    /// A column of counts of targets in a table of other figures: `Prestationsmål uppnått`,
    /// `Targets met` (a goal's assessment `Uppnått` may stand in the same table).
    public func column(_ outcome: PerformanceFigures.Outcome) -> String {
        (sv ? "Prestationsmål " : "Targets ") + self.outcome(outcome).lowercased()
    }

    /// `≥ 90` for an increasing indicator, `≤ 20` for a decreasing one.
    public func threshold(_ target: PerformanceFigures.Target, _ format: ReportFormat) -> String {
        (target.direction == .increase ? "≥ " : "≤ ") + format.number(target.threshold)
    }

    /// The measurement judged, `84,1 (31 december 2022)`, or `–`.
    public func measurement(_ target: PerformanceFigures.Target, _ format: ReportFormat) -> String {
        guard let value = target.value else { return "–" }
        return format.number(value) + (target.measuredOn.map { " (\(format.date($0)))" } ?? "")
    }

    /// What the money came to: `2 av 3 uppnådda; intjänat 2 000 000 kr, i riskzonen 500 000 kr
    /// (varav ej bedömt 500 000 kr)`.
    public func summary(_ figures: PerformanceFigures, _ format: ReportFormat) -> String {
        let met = figures.count(.met)
        let all = figures.targets.count
        let counts =
            sv
            ? "\(met) av \(all) uppnådda, \(figures.count(.notMet)) ej uppnådda, \(figures.count(.notAssessed)) ej bedömda"
            : "\(met) of \(all) met, \(figures.count(.notMet)) not met, \(figures.count(.notAssessed)) not assessed"
        var text =
            "\(counts); \(earned.lowercased()) \(format.money(figures.earnedSEK)), "
            + "\(atRisk.lowercased()) \(format.money(figures.atRiskSEK))"
        if figures.notAssessedSEK > 0 {
            text +=
                sv
                ? " (varav ej bedömt \(format.money(figures.notAssessedSEK)))"
                : " (of which not assessed \(format.money(figures.notAssessedSEK)))"
        }
        return text
    }
}
