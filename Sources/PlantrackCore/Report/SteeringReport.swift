/// The steering group's report of one plan year: headline figures, each county's plan with
/// its traffic light, the activities that need attention, money per funding stream,
/// indicator progress, the trend over the year and the changes since the last meeting.
///
/// Language-neutral: ``ReportHTML`` and ``ReportMarkdown`` write it out in Swedish or English.
public struct SteeringReport: Sendable {
    /// A county and its plan of the report year, if it has one.
    public struct CountySection: Sendable {
        /// The county's id.
        public var id: String
        /// The county's name (`Skåne län`); its id when the county document is missing.
        public var name: String
        /// The plan's title.
        public var planTitle: String?
        /// The plan's status and figures; nil when the county has no plan that year.
        public var status: PlanStatus?
        /// What of the plan is made up for illustration (`x-illustrative`).
        public var planIllustrative: Illustrative?
    }

    /// An activity off schedule on its plan's judgement day: overdue, delayed or behind
    /// (``TrafficLight/schedule(of:on:tolerance:)``, the judgement the light is made of).
    public struct AttentionItem: Sendable {
        public var reference: ItemReference
        public var countyName: String
        public var title: String
        public var owner: String?
        public var due: CalendarDate?
        public var status: Activity.Status
        /// Where it stands: ``ScheduleState/overdue``, ``ScheduleState/delayed`` or ``ScheduleState/behind``.
        public var schedule: ScheduleState
        /// Days past the due date on the plan's judgement day; 0 when not overdue.
        public var daysLate: Int
        /// When behind: its progress (0–100; a planned activity without one counts as 0).
        public var progress: Double?
        /// When behind: the share (0–100) of its time from start to due date passed
        /// (``TrafficLight/expectedShare(from:to:on:)``).
        public var expected: Double?
        /// What of the activity is made up for illustration (`x-illustrative`).
        public var illustrative: Illustrative?
    }

    /// A goal that makes its plan's light yellow or red: assessed at risk or off track, or
    /// behind by its indicators (``StatusFigures/isBehindByIndicators(_:_:)``).
    public struct GoalAttention: Sendable {
        public var reference: ItemReference
        public var countyName: String
        public var title: String
        public var assessment: Goal.Assessment
        /// Its indicators that are behind, with their titles (empty when none is).
        public var indicatorsBehind: [(title: String, progress: StatusFigures.IndicatorProgress)]
        /// What of the goal is made up for illustration (`x-illustrative`).
        public var illustrative: Illustrative?
    }

    /// One indicator of a goal, with the figures its chart shows.
    public struct IndicatorRow: Sendable {
        public var goal: ItemReference
        public var goalTitle: String
        public var countyName: String
        /// The indicator as the plan year sees it (``Indicator/inPeriod(_:)``).
        public var indicator: Indicator
        /// 0–100, within the plan year; nil when it cannot be computed (``Indicator/progress(in:)``).
        public var progress: Double?
        /// The plan's period: the chart's time runs from its start.
        public var period: Plan.Period?
        /// Its track, light and latest value's age on the plan's judgement day
        /// (``StatusFigures/indicators(of:period:tolerance:asOf:)``).
        public var figures: StatusFigures.IndicatorProgress?
        /// What of the indicator's goal is made up for illustration (`x-illustrative`).
        public var goalIllustrative: Illustrative?
    }

    /// The trend over the year, or why there is none.
    public enum TrendSection: Sendable {
        /// Monthly points from the year's start to the report date.
        case points([Trend.Point])
        /// No history to take points from.
        case unavailable
    }

    /// What changed since an earlier version.
    public struct Changes: Sendable {
        /// The earlier version's label (`HEAD~3 (1a2b3c4)`, or the date asked for).
        public var since: String
        /// The changes, item by item.
        public var result: DiffResult

        /// Creates the changes section.
        public init(since: String, result: DiffResult) {
            self.since = since
            self.result = result
        }
    }

    /// The workspace's name from `Plans/workspace.yaml`.
    public var workspaceName: String?
    /// The plan year reported on.
    public var year: Int
    /// The day the figures are judged on.
    public var asOf: CalendarDate
    /// Which version was read (`working tree`, `HEAD (1a2b3c4)`).
    public var source: String
    /// The plans of the year, summed.
    public var total: StatusFigures
    /// How many plans of the year there are.
    public var planCount: Int
    /// Every county of the workspace (or of the filter), sorted by id.
    public var counties: [CountySection]
    /// Activities off schedule: overdue (most days late first), then delayed, then behind.
    public var attention: [AttentionItem]
    /// Goals at risk, off track or behind by their indicators, by county and goal.
    public var goalsAttention: [GoalAttention]
    /// Every indicator of the year's goals, by county and goal.
    public var indicators: [IndicatorRow]
    public var trend: TrendSection
    public var changes: Changes?
    /// The report year's documents left out of the figures: the report is incomplete when
    /// there are any, and says so first.
    public var skipped: [RollUp.Skipped]
    /// The words for statuses and assessments (the workspace's `status_labels`); nil: the
    /// language's standard words.
    public var statusWords: StatusWords?

    /// The plan year a report shows by default: the roll-up's current year
    /// (``RollUp/currentYear``), as `rollup` and `trend` show.
    public static func defaultYear(of rollUp: RollUp) -> Int? { rollUp.currentYear }

    /// Builds the report of `year` from a roll-up (of any years; only `year`'s plans are
    /// used), the workspace's county documents, and the trend and changes the caller
    /// computed from history.
    public init(
        rollUp: RollUp, year: Int, counties countyDocuments: [County], workspaceName: String?, source: String,
        trend: TrendSection, changes: Changes?, countyFilter: [String] = []
    ) {
        self.year = year
        self.asOf = rollUp.asOf
        self.workspaceName = workspaceName
        self.source = source
        self.trend = trend
        self.changes = changes
        // Only the report year's documents make its figures incomplete.
        self.skipped = rollUp.skipped.filter { $0.plan?.year == year }
        let entries = rollUp.entries.filter { $0.plan.year == year }
        var names: [String: String] = [:]
        for county in countyDocuments { names[county.id] = county.name }
        var ids = Set(countyDocuments.map(\.id)).union(rollUp.entries.map(\.plan.county))
        if !countyFilter.isEmpty { ids.formIntersection(countyFilter) }
        func name(_ id: String) -> String { names[id] ?? id }
        counties = ids.sorted().map { id in
            let entry = entries.first { $0.plan.county == id }
            return CountySection(
                id: id, name: name(id), planTitle: entry?.plan.title, status: entry?.status,
                planIllustrative: entry?.plan.illustrative)
        }
        var total = StatusFigures()
        for entry in entries { total.add(entry.status.figures) }
        self.total = total
        planCount = entries.count
        attention = entries.flatMap { entry in
            let day = entry.status.judgedOn
            return entry.activities.compactMap { activity -> AttentionItem? in
                // The one judgement the light is made of (docs/rollup.md).
                let state = TrafficLight.schedule(of: activity, on: day, tolerance: entry.thresholds.tolerance)
                guard let state, [.overdue, .delayed, .behind].contains(state) else { return nil }
                let late = state == .overdue ? day.daysSinceEpoch - (activity.due?.daysSinceEpoch ?? day.daysSinceEpoch) : 0
                var expected: Double?
                if state == .behind, let start = activity.start, let due = activity.due {
                    expected = TrafficLight.expectedShare(from: start, to: due, on: day)
                }
                return AttentionItem(
                    reference: activity.reference, countyName: name(entry.plan.county),
                    title: activity.title, owner: activity.owner, due: activity.due,
                    status: activity.status, schedule: state, daysLate: late,
                    progress: state == .behind ? activity.progress ?? 0 : nil, expected: expected,
                    illustrative: activity.illustrative)
            }
        }.sorted { a, b in
            let rank: [ScheduleState: Int] = [.overdue: 0, .delayed: 1, .behind: 2]
            return (rank[a.schedule] ?? 3, b.daysLate, a.reference) < (rank[b.schedule] ?? 3, a.daysLate, b.reference)
        }
        goalsAttention = entries.flatMap { entry in
            entry.goals.compactMap { goal -> GoalAttention? in
                let progress = StatusFigures.indicators(
                    of: goal, period: entry.plan.period,
                    tolerance: entry.thresholds.tolerance)
                guard [.atRisk, .offTrack].contains(goal.assessment) || StatusFigures.isBehindByIndicators(goal, progress)
                else { return nil }
                let behind = zip(goal.indicators, progress).filter { $0.1.isBehind }.map { (title: $0.0.title, progress: $0.1) }
                return GoalAttention(
                    reference: goal.reference, countyName: name(entry.plan.county), title: goal.title,
                    assessment: goal.assessment, indicatorsBehind: behind, illustrative: goal.illustrative)
            }
        }
        indicators = entries.flatMap { entry in
            entry.goals.flatMap { goal in
                let figures = StatusFigures.indicators(
                    of: goal, period: entry.plan.period, tolerance: entry.thresholds.tolerance,
                    asOf: entry.status.judgedOn)
                return zip(goal.indicators, figures).map { indicator, figures in
                    // As the plan year sees it: its baseline, its measurements (docs/rollup.md).
                    let shown = indicator.inPeriod(entry.plan.period)
                    return IndicatorRow(
                        goal: goal.reference, goalTitle: goal.title, countyName: name(entry.plan.county),
                        indicator: shown, progress: shown.progress, period: entry.plan.period, figures: figures,
                        goalIllustrative: goal.illustrative)
                }
            }
        }
    }
}
