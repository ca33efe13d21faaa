/// The traffic light of a plan: the rule is written in docs/rollup.md.
///
/// - red: any off-track goal; or 3 or more overdue activities; or a done share below half
///   of the elapsed share of the plan period, once a quarter of the period has passed.
/// - yellow: otherwise, any overdue or delayed activity, or any at-risk goal.
/// - green: otherwise.
///
/// A closed plan is judged at its period end.
public enum TrafficLight: String, Hashable, Sendable, CaseIterable {
    case green, yellow, red

    /// How many overdue activities make a plan red.
    public static let overdueForRed = 3

    /// Judges figures of a plan whose period is `period`, on `date`.
    public static func judge(_ figures: StatusFigures, period: Plan.Period?, on date: CalendarDate) -> TrafficLight {
        if figures.count(.offTrack) > 0 || figures.overdue >= overdueForRed { return .red }
        if let period, let done = figures.doneShare {
            let expected = elapsedShare(of: period, on: date)
            if expected >= 25 && done < expected / 2 { return .red }
        }
        if figures.overdue > 0 || figures.count(.delayed) > 0 || figures.count(.atRisk) > 0 { return .yellow }
        return .green
    }

    /// The share (0–100) of the period that has passed by the end of `date`.
    public static func elapsedShare(of period: Plan.Period, on date: CalendarDate) -> Double {
        let length = period.end.daysSinceEpoch - period.start.daysSinceEpoch + 1
        guard length > 0 else { return 100 }
        let passed = date.daysSinceEpoch - period.start.daysSinceEpoch + 1
        return Double(min(max(passed, 0), length)) / Double(length) * 100
    }
}
