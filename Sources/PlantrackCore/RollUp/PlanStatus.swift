/// Where one plan stands at a date: its figures and its traffic light.
public struct PlanStatus: Hashable, Sendable {
    /// `county/year`.
    public var reference: ItemReference
    /// The plan's own status (draft, adopted, closed).
    public var planStatus: Plan.Status
    /// The day the plan is judged on: the as-of date, or the period end for a closed plan.
    public var judgedOn: CalendarDate
    public var figures: StatusFigures
    public var light: TrafficLight

    /// The county's id.
    public var county: String { reference.county }
    /// The plan year.
    public var year: Int { reference.year ?? 0 }

    /// A status as computed before (``RollUpMemo`` keeps them between runs).
    init(reference: ItemReference, planStatus: Plan.Status, judgedOn: CalendarDate, figures: StatusFigures, light: TrafficLight) {
        self.reference = reference
        self.planStatus = planStatus
        self.judgedOn = judgedOn
        self.figures = figures
        self.light = light
    }

    /// Computes the status of `plan` from its goals and activities, its light with `thresholds`.
    public init(
        plan: Plan, goals: [Goal], activities: [Activity], asOf: CalendarDate,
        thresholds: TrafficLight.Thresholds = .standard
    ) {
        reference = plan.reference
        planStatus = plan.status
        judgedOn = Self.judgementDate(of: plan, asOf: asOf)
        figures = StatusFigures(
            activities: activities, goals: goals, funding: plan.funding, asOf: judgedOn,
            period: plan.period, thresholds: thresholds)
        light = TrafficLight.judge(figures, thresholds: thresholds)
    }

    /// A closed plan is judged at its period end (when that is before `asOf`); others on `asOf`.
    public static func judgementDate(of plan: Plan, asOf: CalendarDate) -> CalendarDate {
        judgementDate(status: plan.status, periodEnd: plan.period?.end, asOf: asOf)
    }

    /// The judgement date of a plan with this status and period end (see ``judgementDate(of:asOf:)``).
    static func judgementDate(status: Plan.Status, periodEnd: CalendarDate?, asOf: CalendarDate) -> CalendarDate {
        if status == .closed, let end = periodEnd, end < asOf { return end }
        return asOf
    }
}
