/// The performance targets (prestationsmål) of a set of goals and the money that depends on
/// them: a plan, a county or a whole workspace. The one place targets are judged; `rollup`
/// and the follow-up report show what this says (docs/indicators.md, "Performance targets").
///
/// A target is judged on the latest measurement of its indicator dated on or before the
/// target's day (``PerformanceTarget/by``, else the indicator's target date, else the plan
/// period's end) and within the plan's period:
/// - **met** when that value reaches the threshold (at least it for an indicator that should
///   increase, at most it for one that should decrease): its amount is earned;
/// - **not met** when it does not;
/// - **not assessed** when there is no such measurement (none yet, only `value: null`, or
///   only measurements after the day or outside the period).
///
/// Money not earned — not met or not assessed — is at risk: nothing shows it was earned,
/// and the payer pays on reported figures. So ``earnedSEK`` + ``atRiskSEK`` = ``amountSEK``.
public struct PerformanceFigures: Hashable, Sendable {
    /// How a target stands.
    public enum Outcome: String, Hashable, Sendable, CaseIterable {
        case met
        case notMet = "not-met"
        case notAssessed = "not-assessed"
    }

    /// One target, judged.
    public struct Target: Hashable, Sendable {
        /// The goal's reference, `county/year/goal-id`.
        public var goal: String
        /// The indicator's id.
        public var indicator: String
        public var threshold: Double
        public var direction: Indicator.Direction
        public var amountSEK: Int
        /// The day the threshold is to be reached by (nil: no day could be found, and every
        /// measurement within the period counts).
        public var by: CalendarDate?
        public var fundingStream: String?
        /// The measurement judged, when there is one.
        public var value: Double?
        public var measuredOn: CalendarDate?
        public var outcome: Outcome

        /// Creates a judged target.
        public init(
            goal: String, indicator: String, threshold: Double, direction: Indicator.Direction, amountSEK: Int,
            by: CalendarDate?, fundingStream: String?, value: Double?, measuredOn: CalendarDate?, outcome: Outcome
        ) {
            self.goal = goal
            self.indicator = indicator
            self.threshold = threshold
            self.direction = direction
            self.amountSEK = amountSEK
            self.by = by
            self.fundingStream = fundingStream
            self.value = value
            self.measuredOn = measuredOn
            self.outcome = outcome
        }
    }

    /// Every target, in goal order and then in the goal's order.
    public var targets: [Target] = []

    /// No targets.
    public init() {}

    /// The targets of `goals`, of a plan whose period is `period`, judged.
    public init(goals: [Goal], period: Plan.Period?) {
        for goal in goals {
            for target in goal.performance {
                targets.append(Self.judge(target, of: goal, period: period))
            }
        }
    }

    /// Judges one target of `goal` (see the type's description).
    public static func judge(_ target: PerformanceTarget, of goal: Goal, period: Plan.Period?) -> Target {
        let indicator = goal.indicators.first { $0.id == target.indicator }
        let direction = indicator?.direction ?? .increase
        let by = target.by ?? indicator?.target?.date ?? period?.end
        var latest: Indicator.Measurement?
        for m in indicator?.measurements ?? [] {
            if let by, m.date > by { continue }
            if let period, !period.contains(m.date) { continue }
            if latest.map({ $0.date < m.date }) ?? true { latest = m }
        }
        let outcome: Outcome
        if let latest {
            let reached = direction == .increase ? latest.value >= target.threshold : latest.value <= target.threshold
            outcome = reached ? .met : .notMet
        } else {
            outcome = .notAssessed
        }
        return Target(
            goal: goal.reference.description, indicator: target.indicator, threshold: target.threshold,
            direction: direction, amountSEK: target.amountSEK, by: by, fundingStream: target.fundingStream,
            value: latest?.value, measuredOn: latest?.date, outcome: outcome)
    }

    /// Whether there are any targets.
    public var isEmpty: Bool { targets.isEmpty }

    /// The number of targets with `outcome`.
    public func count(_ outcome: Outcome) -> Int { targets.filter { $0.outcome == outcome }.count }

    /// The money of every target (sums saturate, as the other money figures do).
    public var amountSEK: Int { sum(targets) }
    /// The money of the targets met.
    public var earnedSEK: Int { sum(targets.filter { $0.outcome == .met }) }
    /// The money of the targets not met or not assessed.
    public var atRiskSEK: Int { sum(targets.filter { $0.outcome != .met }) }
    /// Of ``atRiskSEK``, the money of the targets not assessed.
    public var notAssessedSEK: Int { sum(targets.filter { $0.outcome == .notAssessed }) }

    /// Adds `other`'s targets to these.
    public mutating func add(_ other: PerformanceFigures) {
        targets += other.targets
    }

    private func sum(_ targets: [Target]) -> Int {
        targets.reduce(0) { $0.addingSaturated($1.amountSEK) }
    }
}
