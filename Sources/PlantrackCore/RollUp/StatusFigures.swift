/// The status figures of a set of activities, goals and funding: a plan, a county, an area,
/// a priority, a funding stream or a whole workspace.
public struct StatusFigures: Hashable, Sendable {
    /// Money of one funding stream: what the plan was granted, what its activities budget
    /// and what they have spent.
    public struct Stream: Hashable, Sendable {
        /// The stream's name (`funding_stream` of activities, `stream` of plan funding).
        public var stream: String
        public var fundingSEK: Int
        public var budgetSEK: Int
        public var spentSEK: Int

        /// Creates stream figures.
        public init(stream: String, fundingSEK: Int = 0, budgetSEK: Int = 0, spentSEK: Int = 0) {
            self.stream = stream
            self.fundingSEK = fundingSEK
            self.budgetSEK = budgetSEK
            self.spentSEK = spentSEK
        }
    }

    /// How far one indicator has come from baseline to target in its plan's year.
    public struct IndicatorProgress: Hashable, Sendable {
        /// The goal's reference, `county/year/goal-id`.
        public var goal: String
        /// The indicator's id.
        public var id: String
        /// 0–100 (``Indicator/progress(in:)``); nil when it cannot be computed.
        public var progress: Double?
        /// 0–100: the share of the time to the target date passed on the latest measurement's
        /// date (``Indicator/PeriodProgress/expected``); nil when not judged on time.
        public var expected: Double?
        /// Whether the progress lags `expected` by more than the tolerance.
        public var isBehind: Bool
        /// On or off track (``Indicator/PeriodProgress/track(tolerance:)``).
        public var track: Indicator.Track
        /// The indicator's own light (``Indicator/PeriodProgress/light(tolerance:)``).
        public var light: TrafficLight?
        /// The latest measurement of the year: its date and value.
        public var latest: Indicator.Value?
        /// Days from ``latest``'s date to the day the figures are judged on.
        public var ageDays: Int?
        /// The newest period the source had no value for, after ``latest``.
        public var missingSince: CalendarDate?
        /// The Kolada key figure the indicator names (`source.kolada`).
        public var kolada: KoladaSource?
        /// Whether the latest value was fetched or imported from Kolada (it has provenance).
        public var latestFromKolada: Bool

        /// Creates an indicator's figures.
        public init(
            goal: String, id: String, progress: Double?, expected: Double? = nil, isBehind: Bool = false,
            track: Indicator.Track = .notJudged, light: TrafficLight? = nil, latest: Indicator.Value? = nil,
            ageDays: Int? = nil, missingSince: CalendarDate? = nil, kolada: KoladaSource? = nil,
            latestFromKolada: Bool = false
        ) {
            self.goal = goal
            self.id = id
            self.progress = progress
            self.expected = expected
            self.isBehind = isBehind
            self.track = track
            self.light = light
            self.latest = latest
            self.ageDays = ageDays
            self.missingSince = missingSince
            self.kolada = kolada
            self.latestFromKolada = latestFromKolada
        }

        /// Whether the values shown come from Kolada: the indicator names a Kolada source or
        /// its latest value has Kolada provenance ("Källa: Kolada").
        public var isFromKolada: Bool { kolada != nil || latestFromKolada }
    }

    /// Activities by status; every status is present (zero when none).
    public var activities: [Activity.Status: Int]
    /// Activities due before the as-of date that are neither done nor cancelled.
    public var overdue: Int
    /// Sum of `budget_sek` of the activities that are not cancelled.
    public var budgetSEK: Int
    /// Sum of `spent_sek` of all activities (money spent stays spent when cancelled).
    public var spentSEK: Int
    /// Sum of the plans' funding.
    public var fundingSEK: Int
    /// Per funding stream, sorted by name. Activities without `funding_stream` count in
    /// the totals above but in no stream.
    public var streams: [Stream]
    /// Goals by assessment; every assessment is present.
    public var goals: [Goal.Assessment: Int]
    /// Every indicator of the goals, in goal order.
    public var indicators: [IndicatorProgress]
    /// Activities not cancelled by where they stand against their schedule
    /// (``TrafficLight/schedule(of:on:tolerance:)``); every state is present.
    public var schedule: [ScheduleState: Int]
    /// Goals behind by their indicators: not assessed achieved, off-track or at-risk (those
    /// count by their assessment), with an indicator behind.
    public var goalsBehind: Int
    /// The goals' performance targets, judged, and the money that depends on them.
    public var performance = PerformanceFigures()
    /// Links of the plans' activities and goals that are suspect (`links.suspect`,
    /// docs/review.md): counted per plan, summed for a county and a total; zero for areas,
    /// priorities and streams, which are not counted.
    public var suspectLinks = 0

    /// Empty figures.
    public init() {
        activities = Dictionary(uniqueKeysWithValues: Activity.Status.allCases.map { ($0, 0) })
        goals = Dictionary(uniqueKeysWithValues: Goal.Assessment.allCases.map { ($0, 0) })
        schedule = Dictionary(uniqueKeysWithValues: ScheduleState.allCases.map { ($0, 0) })
        goalsBehind = 0
        overdue = 0
        budgetSEK = 0
        spentSEK = 0
        fundingSEK = 0
        streams = []
        indicators = []
    }

    /// The figures of these activities, goals and funding of a plan whose period is
    /// `period`, with schedules judged on `asOf` with `thresholds` and indicator progress
    /// counted within the period (``Indicator/progress(in:)``).
    public init(
        activities items: [Activity], goals goalItems: [Goal], funding: [Plan.Funding], asOf: CalendarDate,
        period: Plan.Period? = nil, thresholds: TrafficLight.Thresholds = .standard
    ) {
        self.init()
        var byStatus = CaseCounts<Activity.Status>()
        var byAssessment = CaseCounts<Goal.Assessment>()
        var bySchedule = CaseCounts<ScheduleState>()
        var money: [Stream] = []
        for item in items {
            byStatus.add(item.status)
            if item.isOverdue(on: asOf) { overdue += 1 }
            if let state = TrafficLight.schedule(of: item, on: asOf, tolerance: thresholds.tolerance) { bySchedule.add(state) }
            let budget = item.status == .cancelled ? 0 : (item.budgetSEK ?? 0)
            let spent = item.spentSEK ?? 0
            budgetSEK = budgetSEK.addingSaturated(budget)
            spentSEK = spentSEK.addingSaturated(spent)
            if let name = item.fundingStream { money.append(Stream(stream: name, budgetSEK: budget, spentSEK: spent)) }
        }
        for grant in funding {
            fundingSEK = fundingSEK.addingSaturated(grant.amountSEK)
            money.append(Stream(stream: grant.stream, fundingSEK: grant.amountSEK))
        }
        streams = Self.summedByName(money)
        for goal in goalItems {
            byAssessment.add(goal.assessment)
            let progress = Self.indicators(of: goal, period: period, tolerance: thresholds.tolerance, asOf: asOf)
            indicators += progress
            if Self.isBehindByIndicators(goal, progress) { goalsBehind += 1 }
        }
        activities = byStatus.table
        goals = byAssessment.table
        schedule = bySchedule.table
        performance = PerformanceFigures(goals: goalItems, period: period)
    }

    /// How far each indicator of `goal` has come in a plan year with `period`, whether it is
    /// behind with `tolerance` (``Indicator/PeriodProgress/isBehind(tolerance:)``), its track
    /// and light, and its latest value's age on `asOf` (none without `asOf`): the one place
    /// the figures and the reports take an indicator's figures from.
    public static func indicators(
        of goal: Goal, period: Plan.Period?, tolerance: Double, asOf: CalendarDate? = nil
    ) -> [IndicatorProgress] {
        goal.indicators.map { indicator in
            let year = indicator.progress(in: period)
            return IndicatorProgress(
                goal: goal.reference.description, id: indicator.id, progress: year.progress,
                expected: year.expected, isBehind: year.isBehind(tolerance: tolerance),
                track: year.track(tolerance: tolerance), light: year.light(tolerance: tolerance),
                latest: year.latest.map { Indicator.Value(value: $0.value, date: $0.date) },
                ageDays: asOf.flatMap { year.age(on: $0) }, missingSince: year.missingSince,
                kolada: indicator.kolada, latestFromKolada: year.latest?.kolada != nil)
        }
    }

    /// Whether `goal` counts in ``goalsBehind``: not assessed or assessed on track (an
    /// assessment of at risk, off track or achieved speaks for itself) with an indicator of
    /// `indicators` (``indicators(of:period:tolerance:)``) behind.
    public static func isBehindByIndicators(_ goal: Goal, _ indicators: [IndicatorProgress]) -> Bool {
        [.notAssessed, .onTrack].contains(goal.assessment) && indicators.contains(where: \.isBehind)
    }

    /// How many activities there are.
    public var activityCount: Int { activities.values.reduce(0, +) }

    /// The number of activities with `status`.
    public func count(_ status: Activity.Status) -> Int { activities[status] ?? 0 }

    /// The number of goals assessed `assessment`.
    public func count(_ assessment: Goal.Assessment) -> Int { goals[assessment] ?? 0 }

    /// The number of activities (not cancelled) in schedule state `state`.
    public func count(schedule state: ScheduleState) -> Int { schedule[state] ?? 0 }

    /// Activities off schedule: behind, overdue or delayed.
    public var offSchedule: Int { count(schedule: .behind) + count(schedule: .overdue) + count(schedule: .delayed) }

    /// Indicators behind (``IndicatorProgress/isBehind``).
    public var indicatorsBehind: Int { indicators.filter(\.isBehind).count }

    /// Done activities as a percentage (0–100) of those not cancelled; nil when every
    /// activity is cancelled or there are none.
    public var doneShare: Double? {
        let open = activityCount - count(.cancelled)
        guard open > 0 else { return nil }
        return Double(count(.done)) / Double(open) * 100
    }

    /// Adds `other`'s figures to these (streams merged by name).
    public mutating func add(_ other: StatusFigures) {
        for (status, n) in other.activities { activities[status, default: 0] += n }
        for (assessment, n) in other.goals { goals[assessment, default: 0] += n }
        for (state, n) in other.schedule { schedule[state, default: 0] += n }
        goalsBehind += other.goalsBehind
        suspectLinks += other.suspectLinks
        overdue += other.overdue
        budgetSEK = budgetSEK.addingSaturated(other.budgetSEK)
        spentSEK = spentSEK.addingSaturated(other.spentSEK)
        fundingSEK = fundingSEK.addingSaturated(other.fundingSEK)
        streams = Self.merging(streams, other.streams)
        indicators += other.indicators
        performance.add(other.performance)
    }

    /// Two stream lists summed per stream, sorted by name. Each list is sorted by name with
    /// one entry per stream already (what ``init(activities:goals:funding:asOf:)`` and
    /// ``add(_:)`` make, see ``summedByName(_:)``), so one pass merges them; a list set
    /// otherwise is put so first.
    /// (A table per addition showed in profiles of `trend`, which adds up every plan at
    /// every point.)
    private static func merging(_ first: [Stream], _ second: [Stream]) -> [Stream] {
        let a = isSortedByName(first) ? first : summedByName(first)
        let b = isSortedByName(second) ? second : summedByName(second)
        var result: [Stream] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].stream < b[j].stream) {
                result.append(a[i])
                i += 1
            } else if i == a.count || b[j].stream < a[i].stream {
                result.append(b[j])
                j += 1
            } else {
                var sum = a[i]
                sum.add(b[j])
                result.append(sum)
                i += 1
                j += 1
            }
        }
        return result
    }

    private static func isSortedByName(_ streams: [Stream]) -> Bool {
        zip(streams, streams.dropFirst()).allSatisfy { $0.stream < $1.stream }
    }

    /// The streams summed per name, one entry each, sorted by name.
    private static func summedByName(_ streams: [Stream]) -> [Stream] {
        var table: [String: Stream] = [:]
        for s in streams {
            table[s.stream, default: Stream(stream: s.stream)].add(s)
        }
        return table.values.sorted { $0.stream < $1.stream }
    }
}

extension StatusFigures.Stream {
    /// Adds another entry's money (of the same stream) to this one.
    fileprivate mutating func add(_ other: Self) {
        fundingSEK = fundingSEK.addingSaturated(other.fundingSEK)
        budgetSEK = budgetSEK.addingSaturated(other.budgetSEK)
        spentSEK = spentSEK.addingSaturated(other.spentSEK)
    }
}

extension Int {
    /// The sum, held at `Int.max` (or `Int.min`) instead of trapping: the schemas bound money
    /// below only, so absurd amounts (which `budget.stream-over-funding` reports) must add up
    /// without a crash, as the rules' sums do.
    func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}

/// Counts values of a small enum per case without hashing each value: a dictionary update
/// per activity and goal showed in profiles of `trend`, which rolls up every changed plan
/// at every point.
private struct CaseCounts<Case: CaseIterable & Hashable> {
    private let cases = Array(Case.allCases)
    private var counts: [Int]

    init() { counts = Array(repeating: 0, count: cases.count) }

    mutating func add(_ value: Case) {
        if let i = cases.firstIndex(of: value) { counts[i] += 1 }
    }

    /// Every case with its count (zero when none).
    var table: [Case: Int] { Dictionary(uniqueKeysWithValues: zip(cases, counts)) }
}
