/// The traffic light of a plan: the rule, with worked examples, is written in docs/rollup.md.
///
/// Each activity is judged on the judgement day (``ScheduleState``): done is on schedule;
/// overdue, `delayed`, or progress more than ``Thresholds/tolerance`` points below the share
/// of its [start, due] that has passed is off schedule. Each goal is judged by its assessment
/// and by its indicators (``IndicatorProgress/isBehind``). Then:
///
/// - red: any off-track goal; or ``Thresholds/redOverdue`` or more overdue activities; or at
///   least ``Thresholds/redOffSchedulePercent`` % of the activities not cancelled off schedule
///   (behind, overdue or delayed);
/// - yellow: otherwise, any activity off schedule, any at-risk goal, or any goal behind by its
///   indicators;
/// - green: otherwise — a plan whose activities are all on schedule and whose goals are
///   neither at risk nor behind is green whatever the time of year.
///
/// A closed plan is judged at its period end.
public enum TrafficLight: String, Hashable, Sendable, CaseIterable {
    case green, yellow, red

    /// The thresholds of the rule, from `traffic_light:` in `Plans/workspace.yaml` (see
    /// `Schemas/workspace.schema.json`), each defaulting to ``standard``.
    public struct Thresholds: Hashable, Sendable {
        /// How many percentage points an activity's progress (or an indicator's) may lag the
        /// share of its time that has passed before it counts as behind.
        public var tolerance: Double
        /// How many overdue activities make a plan red.
        public var redOverdue: Int
        /// The share (0–100) of the activities not cancelled that, off schedule, makes a plan red.
        public var redOffSchedulePercent: Double

        /// Tolerance 20 points, red at 3 overdue or at 50 % off schedule.
        public static let standard = Thresholds(tolerance: 20, redOverdue: 3, redOffSchedulePercent: 50)

        /// Creates thresholds.
        public init(tolerance: Double, redOverdue: Int, redOffSchedulePercent: Double) {
            self.tolerance = tolerance
            self.redOverdue = redOverdue
            self.redOffSchedulePercent = redOffSchedulePercent
        }

        /// The thresholds of the workspace settings document (`Plans/workspace.yaml`); a
        /// setting that is missing or out of range keeps its default (the schema reports it).
        public init(settings: Document?) {
            self = .standard
            guard let table = settings?.frontMatter["traffic_light"]?.mapping else { return }
            if let value = table["tolerance"]?.number, (0...100).contains(value) { tolerance = value }
            // `1.0` is an integer to the schema (JSON Schema counts whole numbers), so it must
            // count here too, not fall back to the default in silence.
            if let value = table["red_overdue"]?.number, value >= 1, value == value.rounded(), value < 1e15 {
                redOverdue = Int(value)
            }
            if let value = table["red_off_schedule_percent"]?.number, value > 0, value <= 100 {
                redOffSchedulePercent = value
            }
        }

        /// Names the thresholds in memo keys, so a changed threshold never serves a stale light.
        var memoText: String {
            "L\(tolerance.bitPattern),\(redOverdue),\(redOffSchedulePercent.bitPattern)"
        }
    }

    /// Judges figures (of a plan, judged on its judgement day) with `thresholds`.
    public static func judge(_ figures: StatusFigures, thresholds: Thresholds = .standard) -> TrafficLight {
        let open = figures.activityCount - figures.count(.cancelled)
        let offSchedule = figures.offSchedule
        if figures.count(.offTrack) > 0 || figures.overdue >= thresholds.redOverdue { return .red }
        if open > 0 && Double(offSchedule) * 100 >= thresholds.redOffSchedulePercent * Double(open) { return .red }
        if offSchedule > 0 || figures.count(.atRisk) > 0 || figures.goalsBehind > 0 {
            return .yellow
        }
        return .green
    }

    /// Where an activity stands against its schedule on `date` (checked in this order):
    /// cancelled is not judged; done is on schedule; due before `date` is overdue; `delayed`
    /// is delayed; with a start, a due date not before it and a progress (a planned activity
    /// without one counts as 0), behind when the progress is more than `tolerance` points
    /// below ``expectedShare(from:to:on:)``, else on schedule; otherwise not judged against
    /// time (its status says nothing is wrong).
    public static func schedule(of activity: Activity, on date: CalendarDate, tolerance: Double) -> ScheduleState? {
        switch activity.status {
        case .cancelled: return nil
        case .done: return .onSchedule
        default: break
        }
        if activity.isOverdue(on: date) { return .overdue }
        if activity.status == .delayed { return .delayed }
        guard let start = activity.start, let due = activity.due, start <= due,
            let progress = activity.progress ?? (activity.status == .planned ? 0 : nil)
        else { return .notJudged }
        return progress < expectedShare(from: start, to: due, on: date) - tolerance ? .behind : .onSchedule
    }

    /// The share (0–100) of the days from `start` to `end` (both included) that have passed
    /// by the end of `date`: 0 before `start`, 100 from `end` on.
    public static func expectedShare(from start: CalendarDate, to end: CalendarDate, on date: CalendarDate) -> Double {
        let length = end.daysSinceEpoch - start.daysSinceEpoch + 1
        guard length > 0 else { return 100 }
        let passed = date.daysSinceEpoch - start.daysSinceEpoch + 1
        return Double(min(max(passed, 0), length)) / Double(length) * 100
    }

    /// The share (0–100) of the period that has passed by the end of `date`.
    public static func elapsedShare(of period: Plan.Period, on date: CalendarDate) -> Double {
        expectedShare(from: period.start, to: period.end, on: date)
    }
}

/// Where an activity stands against its schedule (``TrafficLight/schedule(of:on:tolerance:)``).
public enum ScheduleState: String, Hashable, Sendable, CaseIterable {
    /// Done, or progress keeping up with the time passed (within the tolerance).
    case onSchedule = "on-schedule"
    /// Progress more than the tolerance below the share of its time that has passed.
    case behind
    /// Due before the judgement day and neither done nor cancelled.
    case overdue
    /// Marked `delayed` by the coordinator (and not overdue).
    case delayed
    /// Without start, due date or progress: judged by its status only.
    case notJudged = "not-judged"
}
