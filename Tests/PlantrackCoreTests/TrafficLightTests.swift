import PlantrackCore
import Testing

private func activity(
    _ id: String, status: String = "in-progress", start: String? = "2021-01-01",
    due: String? = "2021-11-30", progress: Int? = nil
) throws -> Activity {
    var yaml = "kind: activity\nid: \(id)\ntitle: A\narea: bu\npriority: prioritized\nstatus: \(status)\n"
    if let start { yaml += "start: \(start)\n" }
    if let due { yaml += "due: \(due)\n" }
    if let progress { yaml += "progress: \(progress)\n" }
    if status == "done" { yaml += "completed: 2021-03-01\n" }
    return try Activity(document: document("Plans/stockholm/2021/activities/\(id).md", yaml))
}

private func goal(_ id: String, assessment: String, indicators: String = "") throws -> Goal {
    try Goal(
        document: document(
            "Plans/stockholm/2021/goals/\(id).md",
            "kind: goal\nid: \(id)\ntitle: G\nterm: short\narea: bu\nassessment: \(assessment)\n" + indicators))
}

private func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(text)) }

/// The status of stockholm/2021 with these items on `on`.
private func status(
    _ activities: [Activity], goals: [Goal] = [], on: String,
    thresholds: TrafficLight.Thresholds = .standard
) throws -> PlanStatus {
    PlanStatus(plan: try Plan(document: stockholmPlan()), goals: goals, activities: activities, asOf: try day(on), thresholds: thresholds)
}

/// Three activities on 2021-04-15 (day 105 of 2021), worked out by hand (docs/rollup.md):
/// - a1 in progress 2021-01-01 → 11-30 (334 days): 105/334 = 31.4 % of its time passed;
///   progress 30 is on schedule (behind only under 11.4 with the tolerance of 20);
/// - a2 planned 2021-06-01 → 11-30: its time has not begun, expected 0: on schedule;
/// - a3 in progress 2021-02-01 → 11-30 (303 days): day 74 of them, 24.4 %; progress 25: on schedule.
/// None is done: the old rule (done share 0 below half the 28.8 % of the year passed) made this red.
private func aprilPlan(a1: Int = 30, a3: Int = 25) throws -> [Activity] {
    [
        try activity("a1", progress: a1), try activity("a2", status: "planned", start: "2021-06-01"),
        try activity("a3", start: "2021-02-01", progress: a3),
    ]
}

@Suite("Traffic light: activities against their own time, goals by assessment and indicators")
struct TrafficLightTests {
    @Test("expected share of [start, due] passed by the end of a day")
    func expectedShare() throws {
        let start = try day("2021-01-01")
        let due = try day("2021-11-30")
        #expect(TrafficLight.expectedShare(from: start, to: due, on: try day("2020-12-31")) == 0)
        #expect(TrafficLight.expectedShare(from: start, to: due, on: try day("2021-04-15")) == 105.0 / 334.0 * 100)
        #expect(TrafficLight.expectedShare(from: start, to: due, on: try day("2021-11-30")) == 100)
        #expect(TrafficLight.expectedShare(from: start, to: due, on: try day("2022-06-01")) == 100)
    }

    @Test("green in April when every activity is on schedule and due in November")
    func allOnSchedule() throws {
        let s = try status(aprilPlan(), on: "2021-04-15")
        #expect(s.figures.count(schedule: .onSchedule) == 3)
        #expect(s.figures.offSchedule == 0)
        #expect(s.figures.doneShare == 0)
        #expect(s.light == .green)
    }

    @Test("one activity behind makes the plan yellow")
    func oneBehind() throws {
        // a1 at 10: under 31.4 − 20 = 11.4.
        let s = try status(aprilPlan(a1: 10), on: "2021-04-15")
        #expect(s.figures.count(schedule: .behind) == 1)
        #expect(s.light == .yellow)
        // At 12 it is within the tolerance.
        #expect(try status(aprilPlan(a1: 12), on: "2021-04-15").light == .green)
    }

    @Test("half the activities off schedule is red")
    func halfOffSchedule() throws {
        // a1 at 10 (< 11.4) and a3 at 0 (< 24.4 − 20 = 4.4): 2 of 3 = 66.7 % ≥ 50 %.
        let s = try status(aprilPlan(a1: 10, a3: 0), on: "2021-04-15")
        #expect(s.figures.count(schedule: .behind) == 2)
        #expect(s.light == .red)
    }

    @Test("overdue, delayed, done, cancelled and activities without dates")
    func states() throws {
        let items = [
            try activity("d", status: "done", due: "2021-03-01"),
            try activity("o", due: "2021-03-31", progress: 90),  // overdue on 04-15
            try activity("l", status: "delayed", progress: 80),
            try activity("c", status: "cancelled", start: nil, due: nil),
            try activity("n", start: nil, due: "2021-11-30"),  // no start: status only
            try activity("p", due: "2021-11-30"),  // in progress without progress: status only
            try activity("e", status: "planned", start: "2021-04-01", due: "2021-04-20"),  // 15 of 20 days, 75 % > 0 + 20
        ]
        let s = try status(items, on: "2021-04-15")
        #expect(s.figures.schedule == [.onSchedule: 1, .overdue: 1, .delayed: 1, .notJudged: 2, .behind: 1])
        // Off schedule: 3 of 6 not cancelled = 50 % → red.
        #expect(s.figures.offSchedule == 3)
        #expect(s.light == .red)
        // Without the behind one: 2 of 5 = 40 %: yellow.
        #expect(try status(items.filter { $0.id != "e" }, on: "2021-04-15").light == .yellow)
    }

    @Test("three overdue is red, an off-track goal is red, an at-risk goal is yellow")
    func goalsAndOverdue() throws {
        var items = try aprilPlan()
        items += try (1...3).map { try activity("o\($0)", due: "2021-03-31", progress: 99) }
        items += try (1...4).map { try activity("x\($0)", progress: 50) }
        // 3 overdue of 10 = 30 % off schedule, but 3 overdue → red; 2 overdue → yellow.
        #expect(try status(items, on: "2021-04-15").light == .red)
        #expect(try status(items.filter { $0.id != "o3" }, on: "2021-04-15").light == .yellow)
        #expect(try status(aprilPlan(), goals: [goal("g", assessment: "off-track")], on: "2021-04-15").light == .red)
        #expect(try status(aprilPlan(), goals: [goal("g", assessment: "at-risk")], on: "2021-04-15").light == .yellow)
        #expect(try status(aprilPlan(), goals: [goal("g", assessment: "achieved")], on: "2021-04-15").light == .green)
    }

    @Test("a goal with an indicator behind its time is behind, unless assessed otherwise")
    func indicatorsBehind() throws {
        // 2021-06-30 is day 181 of 365: 49.6 % of the way to a target dated 2021-12-31.
        func indicator(_ value: Int) -> String {
            indicatorsYAML(baseline: (0, "2020-12-31"), target: (100, "2021-12-31"), measurements: [("2021-06-30", value)])
        }
        let behind = try status([], goals: [goal("g", assessment: "on-track", indicators: indicator(29))], on: "2021-07-01")
        // 29 < 49.6 − 20.
        #expect(behind.figures.indicators.first?.isBehind == true)
        #expect(behind.figures.goalsBehind == 1)
        #expect(behind.light == .yellow)
        let keeping = try status([], goals: [goal("g", assessment: "on-track", indicators: indicator(30))], on: "2021-07-01")
        #expect(keeping.figures.indicators.first?.isBehind == false)
        #expect(keeping.light == .green)
        // Assessed achieved, the assessment stands.
        let achieved = try status([], goals: [goal("g", assessment: "achieved", indicators: indicator(29))], on: "2021-07-01")
        #expect(achieved.figures.goalsBehind == 0)
        #expect(achieved.light == .green)
    }

    @Test("thresholds from workspace.yaml change the light")
    func thresholdsFromSettings() throws {
        let strict = TrafficLight.Thresholds(
            settings: try settings(
                """
                traffic_light:
                  tolerance: 0
                  red_overdue: 1
                  red_off_schedule_percent: 30
                """))
        #expect(strict == TrafficLight.Thresholds(tolerance: 0, redOverdue: 1, redOffSchedulePercent: 30))
        // a1 at 30 is under 31.4 with no tolerance: 1 of 3 = 33.3 % ≥ 30 % → red.
        #expect(try status(aprilPlan(), on: "2021-04-15", thresholds: strict).light == .red)
        #expect(try status(aprilPlan(), on: "2021-04-15").light == .green)
        // One overdue is red with red_overdue: 1.
        let overdue =
            try aprilPlan() + [try activity("o", due: "2021-03-31", progress: 99)]
            + (1...4).map {
                try activity("x\($0)", progress: 50)
            }
        let onlyOverdue = TrafficLight.Thresholds(settings: try settings("traffic_light: {red_overdue: 1}\n"))
        #expect(onlyOverdue == TrafficLight.Thresholds(tolerance: 20, redOverdue: 1, redOffSchedulePercent: 50))
        #expect(try status(overdue, on: "2021-04-15", thresholds: onlyOverdue).light == .red)
        #expect(try status(overdue, on: "2021-04-15").light == .yellow)
        // Out of range or missing: the default (the schema reports the value).
        #expect(TrafficLight.Thresholds(settings: try settings("traffic_light: {tolerance: -5, red_overdue: 0}\n")) == .standard)
        #expect(TrafficLight.Thresholds(settings: nil) == .standard)
    }
}

@Suite("Indicator progress in a plan year")
struct IndicatorYearTests {
    private func indicator(_ measurements: [(String, Int)]) throws -> Indicator {
        let g = try goal(
            "g", assessment: "on-track",
            indicators: indicatorsYAML(baseline: (10, "2020-12-31"), target: (20, "2022-12-31"), measurements: measurements))
        return try #require(g.indicators.first)
    }

    @Test("a new year starts from the last measurement before it and shows no progress until one of its own")
    func newYear() throws {
        let period2022 = try Plan(document: stockholmPlan(year: 2022)).period
        let carried = try indicator([("2021-06-30", 15), ("2021-12-31", 18)])
        let none = carried.progress(in: period2022)
        #expect(none.baseline?.value == 18)
        #expect(none.latest == nil)
        #expect(none.progress == nil)
        #expect(carried.progress == 80)  // over every measurement, from the stated baseline

        let measured = try indicator([("2021-06-30", 15), ("2021-12-31", 18), ("2022-06-30", 19)])
        let year = measured.progress(in: period2022)
        // (19 − 18) / (20 − 18) = 50 %; 2022-06-30 is day 181 of 365 to the target 2022-12-31.
        #expect(year.progress == 50)
        #expect(year.expected == 181.0 / 365.0 * 100)
        #expect(!year.isBehind(tolerance: 20))

        // What reports show: the year's baseline and measurements, the same progress.
        let shown = measured.inPeriod(period2022)
        #expect(shown.baseline?.value == 18)
        #expect(shown.measurements.map(\.value) == [19])
        #expect(shown.progress == year.progress)
        #expect(carried.inPeriod(period2022).progress == nil)
        #expect(carried.inPeriod(nil) == carried)
    }

    @Test("in its own year the stated baseline counts, later measurements do not")
    func ownYear() throws {
        let period2021 = try Plan(document: stockholmPlan(year: 2021)).period
        let measured = try indicator([("2021-06-30", 15), ("2021-12-31", 18), ("2022-06-30", 19)])
        let year = measured.progress(in: period2021)
        #expect(year.baseline?.value == 10)
        #expect(year.latest?.value == 18)
        #expect(year.progress == 80)
        // 365 of the 730 days from 2021-01-01 to the target date.
        #expect(year.expected == 50)
        #expect(measured.progress(in: nil).progress == 90)
    }
}
