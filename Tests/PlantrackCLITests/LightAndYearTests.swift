import Foundation
import PlantrackCore
import Testing

/// The plans of a `rollup --format json`, by `county/year`.
private func plansByReference(_ json: [String: Any]) throws -> [String: [String: Any]] {
    let plans = try #require(json["plans"] as? [[String: Any]])
    var table: [String: [String: Any]] = [:]
    for plan in plans {
        table["\(plan["county"] as? String ?? "?")/\(plan["year"] as? Int ?? 0)"] = plan
    }
    return table
}

private func activityCounts(_ figures: [String: Any]?) -> [String: Int] {
    (figures?["activities"] as? [String: Int]) ?? [:]
}

/// Seconds since 1970 at noon UTC of `day`.
private func noon(_ day: String) -> Int64 {
    Int64((CalendarDate(day)?.daysSinceEpoch ?? 0) * 86_400 + 12 * 3600)
}

/// stockholm/2021 with three activities due in November, worked out by hand on 2021-04-15
/// (day 105 of 2021):
/// - a1 in progress 2021-01-01 → 11-30: 105 of 334 days = 31.4 % passed; progress 30;
/// - a2 planned 2021-06-01 → 11-30: not begun, expected 0;
/// - a3 in progress 2021-02-01 → 11-30: 74 of 303 days = 24.4 %; progress 25.
/// With the default tolerance of 20 points all three are on schedule: green, though none is
/// done (the old rule made this red: done share 0 below half of the 28.8 % of the year passed).
private struct AprilWorkspace {
    let repo: TestRepository

    static func activity(_ id: String, status: String, start: String, progress: Int) -> String {
        """
        ---
        kind: activity
        id: \(id)
        title: Aktivitet \(id) — för äldre i Södertälje
        area: bu
        priority: prioritized
        goals: [bu-st-1]
        status: \(status)
        start: \(start)
        due: 2021-11-30
        progress: \(progress)
        ---
        Text.

        """
    }

    static let goal = """
        ---
        kind: goal
        id: bu-st-1
        title: Väntetiden minskar
        term: short
        area: bu
        assessment: on-track
        ---

        """

    init(a1: Int = 30) throws {
        repo = try TestRepository()
        let base = "Plans/stockholm/2021"
        try repo.stage("Plans/stockholm/county.md", RollUpFixture.county)
        try repo.stage("\(base)/plan.md", RollUpFixture.plan)
        try repo.stage("\(base)/goals/bu-st-1.md", Self.goal)
        try repo.stage("\(base)/activities/a1.md", Self.activity("a1", status: "in-progress", start: "2021-01-01", progress: a1))
        try repo.stage("\(base)/activities/a2.md", Self.activity("a2", status: "planned", start: "2021-06-01", progress: 0))
        try repo.stage("\(base)/activities/a3.md", Self.activity("a3", status: "in-progress", start: "2021-02-01", progress: 25))
        try repo.commit("Plan 2021", time: noon("2021-04-10"))
    }
}

@Suite("rollup: the traffic light through the binary")
struct LightCLITests {
    @Test("all activities on schedule in April, due in November: green")
    func green() throws {
        let workspace = try AprilWorkspace()
        let result = try CLI.run(["rollup", "--as-of", "2021-04-15", "--format", "json"], in: workspace.repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try #require(try plansByReference(rollUpJSON(result))["stockholm/2021"])
        #expect(
            plan["schedule"] as? [String: Int]
                == ["on-schedule": 3, "behind": 0, "overdue": 0, "delayed": 0, "not-judged": 0])
        #expect(plan["done_share"] as? Double == 0)
        #expect(plan["light"] as? String == "green")
    }

    @Test("one activity behind: yellow; the light says why")
    func yellow() throws {
        // a1 at 10: below 31.4 − 20 = 11.4.
        let workspace = try AprilWorkspace(a1: 10)
        let result = try CLI.run(["rollup", "--as-of", "2021-04-15", "--format", "json"], in: workspace.repo.url)
        let plan = try #require(try plansByReference(rollUpJSON(result))["stockholm/2021"])
        #expect((plan["schedule"] as? [String: Int])?["behind"] == 1)
        #expect(plan["off_schedule"] as? Int == 1)
        #expect(plan["light"] as? String == "yellow")
    }

    @Test("thresholds in workspace.yaml change the light, also where the memo knows the plan")
    func thresholds() throws {
        let workspace = try AprilWorkspace()
        let first = try CLI.run(["rollup", "--rev", "HEAD", "--format", "json"], in: workspace.repo.url)
        #expect(try plansByReference(rollUpJSON(first))["stockholm/2021"]?["light"] as? String == "green")
        // With no tolerance a1 (30 < 31.4) is behind on 2021-04-15: 1 of 3 = 33.3 % ≥ 30 % → red.
        try workspace.repo.stage(
            "Plans/workspace.yaml",
            """
            name: Test
            traffic_light:
              tolerance: 0
              red_off_schedule_percent: 30

            """)
        try workspace.repo.commit("Strict light", time: noon("2021-04-15"))
        let strict = try CLI.run(["rollup", "--as-of", "2021-04-15", "--format", "json"], in: workspace.repo.url)
        #expect(strict.status == 0, "\(strict.stderr)")
        #expect(try plansByReference(rollUpJSON(strict))["stockholm/2021"]?["light"] as? String == "red")
        // The first commit judged on 2021-04-15 has the plan folder of the second and the same
        // day: only the thresholds tell the two apart in the memo.
        try workspace.repo.stage("Plans/workspace.yaml", "name: Test\n")
        try workspace.repo.commit("Default light", time: noon("2021-04-15") + 60)
        let relaxed = try CLI.run(["rollup", "--rev", "HEAD", "--format", "json"], in: workspace.repo.url)
        #expect(try plansByReference(rollUpJSON(relaxed))["stockholm/2021"]?["light"] as? String == "green")
        let again = try CLI.run(["rollup", "--rev", "HEAD~1", "--format", "json"], in: workspace.repo.url)
        #expect(try plansByReference(rollUpJSON(again))["stockholm/2021"]?["light"] as? String == "red")
    }

    @Test("a bad threshold is a finding of the workspace schema")
    func badThreshold() throws {
        let workspace = try AprilWorkspace()
        try workspace.repo.write("Plans/workspace.yaml", "traffic_light:\n  tolerance: 150\n")
        let result = try CLI.run(["validate"], in: workspace.repo.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("Plans/workspace.yaml:2:"), "\(result.stdout)")
    }

    /// The bundled 2026 plans as of 2026-11-16 (day 320), by hand (docs/rollup.md, example 4):
    /// - norrbotten: dv-p2 (60 %, 275 of 307 days = 89.6 % passed) behind, sp-p2 delayed;
    ///   5 on schedule (bu-l1 75 of 87.2, sp-p1 80 of 91.3, two done, sp-p3 not begun):
    ///   2 of 7 off schedule, at-risk goals → yellow;
    /// - skane: bu-p1 (70 of 91.3) and um-l1 (65 of 90.0) behind, um-p1 delayed; 5 on
    ///   schedule: 3 of 8 → yellow;
    /// - uppsala: sam-l1 (65 of 91.3) behind, bu-p2 delayed; 6 on schedule: 2 of 8 → yellow.
    @Test("the bundled 2026 plans get the light worked out by hand")
    func bundled2026() throws {
        let history = try BundledPlansHistory()
        let result = try CLI.run(["rollup", "--rev", "HEAD", "--format", "json"], in: history.repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try rollUpJSON(result)
        #expect(json["as_of"] as? String == "2026-11-16")
        let plans = try plansByReference(json)
        func schedule(_ onSchedule: Int, _ behind: Int, _ delayed: Int) -> [String: Int] {
            ["on-schedule": onSchedule, "behind": behind, "overdue": 0, "delayed": delayed, "not-judged": 0]
        }
        #expect(plans["norrbotten/2026"]?["schedule"] as? [String: Int] == schedule(5, 1, 1))
        #expect(plans["skane/2026"]?["schedule"] as? [String: Int] == schedule(5, 2, 1))
        #expect(plans["uppsala/2026"]?["schedule"] as? [String: Int] == schedule(6, 1, 1))
        for reference in ["norrbotten/2026", "skane/2026", "uppsala/2026"] {
            #expect(plans[reference]?["light"] as? String == "yellow", "\(reference)")
        }
    }
}

@Suite("rollup and trend: totals per plan year")
struct YearTotalCLITests {
    @Test("the default is the current plan year; the total says which")
    func defaultYear() throws {
        let history = try BundledPlansHistory()
        let json = try rollUpJSON(CLI.run(["rollup", "--rev", "HEAD", "--format", "json"], in: history.repo.url))
        #expect(json["year"] as? Int == 2026)
        #expect(json["years"] as? [Int] == [2026])
        let plans = try plansByReference(json)
        #expect(plans.keys.sorted() == ["norrbotten/2026", "skane/2026", "uppsala/2026"])
        let total = try #require(json["total"] as? [String: Any])
        #expect(total["year"] as? Int == 2026)
        // The sum of the three 2026 plans, nothing of 2020, 2021 or 2025.
        var sum: [String: Int] = [:]
        for plan in plans.values { sum.merge(activityCounts(plan)) { $0 + $1 } }
        #expect(activityCounts(total) == sum)
        #expect(activityCounts(total).values.reduce(0, +) == 26)
        let totals = try #require(json["totals"] as? [[String: Any]])
        #expect(totals.map { $0["year"] as? Int } == [2026])

        let table = try CLI.run(["rollup", "--rev", "HEAD", "--lang", "en"], in: history.repo.url)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("total 2026 ") })
        #expect(!lines.contains { $0.hasPrefix("stockholm/") })
        #expect(lines.last?.contains("3 plans of 2026") == true)
    }

    @Test("--year chooses, --all-years gives a total per year and none across years")
    func chosenYears() throws {
        let history = try BundledPlansHistory()
        let y2021 = try rollUpJSON(
            CLI.run(
                ["rollup", "--rev", "HEAD", "--year", "2021", "--format", "json"],
                in: history.repo.url))
        #expect(try plansByReference(y2021).keys.sorted() == ["stockholm/2021"])
        #expect((y2021["total"] as? [String: Any])?["year"] as? Int == 2021)
        // Stockholm 2021: 13 done, 1 delayed, 1 cancelled (seed 002).
        #expect(
            activityCounts(y2021["total"] as? [String: Any])
                == ["planned": 0, "in-progress": 0, "done": 13, "delayed": 1, "cancelled": 1])

        let all = try CLI.run(["rollup", "--rev", "HEAD", "--all-years", "--format", "json"], in: history.repo.url)
        let json = try rollUpJSON(all)
        #expect(json["total"] == nil)
        #expect(json["year"] is NSNull)
        #expect(json["years"] as? [Int] == [2020, 2021, 2025, 2026])
        let totals = try #require(json["totals"] as? [[String: Any]])
        #expect(totals.map { $0["year"] as? Int } == [2020, 2021, 2025, 2026])
        #expect(activityCounts(totals[1]) == activityCounts(y2021["total"] as? [String: Any]))
        #expect(try plansByReference(json).count == 6)

        let csv = try CLI.run(["rollup", "--rev", "HEAD", "--all-years", "--format", "csv", "--lang", "en"], in: history.repo.url)
        let rows = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(
            rows.filter { $0.hasPrefix("total") }.map { String($0.prefix(10)) }
                == ["total 2020", "total 2021", "total 2025", "total 2026"])
        // Each year's plans come before its total.
        #expect(rows.firstIndex { $0.hasPrefix("stockholm/2021,") } ?? 99 < rows.firstIndex { $0.hasPrefix("total 2021,") } ?? 0)

        let both = try CLI.run(["rollup", "--year", "2021", "--all-years"], in: history.repo.url)
        // A usage error (ArgumentParser's ValidationError; its exit code is item 8 of #18).
        #expect(both.status != 0)
        #expect(both.stdout.isEmpty)
        #expect(both.stderr.contains("--year and --all-years"))
    }

    @Test("--by groups one year; with --all-years each group names its year")
    func grouped() throws {
        let history = try BundledPlansHistory()
        let markdown = try CLI.run(
            ["rollup", "--rev", "HEAD", "--by", "county", "--format", "markdown", "--lang", "en"], in: history.repo.url)
        let lines = markdown.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.dropFirst(2).map { $0.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) } }
                == ["norrbotten", "skane", "uppsala", "total 2026"])
        let json = try rollUpJSON(
            CLI.run(
                ["rollup", "--rev", "HEAD", "--by", "county", "--all-years", "--format", "json"],
                in: history.repo.url))
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(
            groups.map { "\($0["key"] as? String ?? "?") \($0["year"] as? Int ?? 0)" }
                == ["stockholm 2020", "stockholm 2021", "uppsala 2025", "norrbotten 2026", "skane 2026", "uppsala 2026"])
        let table = try CLI.run(["rollup", "--rev", "HEAD", "--by", "area", "--all-years", "--lang", "en"], in: history.repo.url)
        #expect(table.stdout.contains("total 2020"))
        #expect(table.stdout.contains(" (2021) "))
        // Priority and stream groups of the current year add up to that year's total, no more.
        for grouping in ["priority", "stream"] {
            let json = try rollUpJSON(
                CLI.run(
                    ["rollup", "--rev", "HEAD", "--by", grouping, "--format", "json"],
                    in: history.repo.url))
            let groups = try #require(json["groups"] as? [[String: Any]])
            #expect(groups.allSatisfy { $0["year"] as? Int == 2026 }, "\(grouping)")
            #expect(groups.map { activityCounts($0).values.reduce(0, +) }.reduce(0, +) == 26, "\(grouping)")
            #expect(groups.map { $0["spent_sek"] as? Int ?? 0 }.reduce(0, +) == 6_997_000, "\(grouping)")
        }
    }

    @Test("report's headline figures are rollup's total of the same plan year")
    func reportAgrees() throws {
        let history = try BundledPlansHistory()
        let total = try #require(
            try rollUpJSON(
                CLI.run(
                    ["rollup", "--as-of", "2026-11-20", "--format", "json"],
                    in: history.repo.url))["total"] as? [String: Any])
        #expect(total["year"] as? Int == 2026)
        #expect(total["spent_sek"] as? Int == 6_997_000)
        #expect(total["funding_sek"] as? Int == 18_700_000)
        let report = try CLI.run(
            ["report", "--as-of", "2026-11-20", "--lang", "en", "--format", "markdown"],
            in: history.repo.url)
        #expect(report.stdout.contains("Plan year 2026"))
        // Behind: norrbotten 1, skane 2, uppsala 1 (the bundled 2026 plans' lights, below).
        #expect(report.stdout.contains("| 3 | 26 | 30% | 0 | 3 | 4 | SEK 18,700,000 | SEK 6,997,000 |"))
    }

    @Test("a workspace without plans has an empty total and says so")
    func noPlans() throws {
        let repo = try TestRepository()
        try repo.stage("Plans/stockholm/county.md", RollUpFixture.county)
        try repo.commit("County only")
        let json = try rollUpJSON(CLI.run(["rollup", "--rev", "HEAD", "--format", "json"], in: repo.url))
        #expect(json["years"] as? [Int] == [])
        #expect((json["total"] as? [String: Any])?["year"] is NSNull)
        let table = try CLI.run(["rollup", "--rev", "HEAD", "--lang", "en"], in: repo.url)
        #expect(table.status == 0)
        #expect(table.stdout.contains("\ntotal "))
        #expect(table.stdout.contains("\n0 plans (HEAD"), "\(table.stdout)")
    }

    @Test("trend: each point is the plan year current on its day; a next year's draft waits for its year")
    func trendAcrossYears() throws {
        let repo = try TestRepository()
        try repo.stage("Plans/stockholm/county.md", RollUpFixture.county)
        try repo.stage("Plans/stockholm/2021/plan.md", RollUpFixture.plan)
        func activity(_ id: String, status: String, extra: String = "") -> String {
            RollUpFixture.activity(id, status: status, due: "2021-11-30", budget: 1, spent: nil, extra: extra)
                .replacingOccurrences(of: "goals: [bu-st-1]\n", with: "")
        }
        for id in ["a1", "a2"] {
            try repo.stage("Plans/stockholm/2021/activities/\(id).md", activity(id, status: "done", extra: "completed: 2021-11-01\n"))
        }
        try repo.commit("2021", time: noon("2021-11-05"))
        // A draft of 2022 with one planned activity, made in December 2021.
        let plan2022 = RollUpFixture.plan.replacingOccurrences(of: "2021", with: "2022")
            .replacingOccurrences(of: "status: adopted", with: "status: draft")
            .replacingOccurrences(of: "adopted: {date: 2022-01-01, by: Styrgruppen}\n", with: "")
        try repo.stage("Plans/stockholm/2022/plan.md", plan2022)
        try repo.stage(
            "Plans/stockholm/2022/activities/b1.md",
            activity("b1", status: "planned").replacingOccurrences(of: "2021-", with: "2022-"))
        try repo.commit("Draft 2022", time: noon("2021-12-10"))
        let result = try CLI.run(
            ["trend", "--since", "2021-11-01", "--until", "2022-01-31", "--format", "json"],
            in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let points = try #require(object?["points"] as? [[String: Any]])
        #expect(points.map { $0["date"] as? String } == ["2021-11-30", "2021-12-31", "2022-01-31"])
        #expect(points.map { $0["year"] as? Int } == [2021, 2021, 2022])
        #expect(points.map { activityCounts($0)["done"] } == [2, 2, 0])
        #expect(points.map { activityCounts($0)["planned"] } == [0, 0, 1])
        // rollup --as-of agrees with each point.
        let december = try rollUpJSON(CLI.run(["rollup", "--as-of", "2021-12-31", "--format", "json"], in: repo.url))
        #expect((december["total"] as? [String: Any])?["year"] as? Int == 2021)
        let fixed = try CLI.run(
            [
                "trend", "--since", "2021-11-01", "--until", "2022-01-31", "--year", "2022",
                "--format", "csv",
            ], in: repo.url)
        #expect(fixed.stdout.contains("\r\n2021-12-31,"))
        #expect(fixed.stdout.split(separator: "\r\n").dropFirst().allSatisfy { $0.split(separator: ",")[2] == "2022" })
    }
}

@Suite("indicator progress in a plan year, through the binary")
struct IndicatorYearCLITests {
    static func goal(measurements: [(String, Int)]) -> String {
        """
        ---
        kind: goal
        id: bu-st-1
        title: Väntetiden minskar
        term: short
        area: bu
        assessment: on-track
        indicators:
          - id: i1
            title: Andel kommuner med avtal
            unit: percent
            baseline: {value: 10, date: 2020-12-31}
            target: {value: 20, date: 2022-12-31}
            measurements:
        \(measurements.map { "      - {date: \($0.0), value: \($0.1)}" }.joined(separator: "\n"))
        ---

        """
    }

    /// stockholm/2022 whose goal carries 2021's measurements (15 on 2021-06-30, 18 on 2021-12-31).
    static func workspace() throws -> TestRepository {
        let repo = try TestRepository()
        try repo.stage("Plans/stockholm/county.md", RollUpFixture.county)
        try repo.stage("Plans/stockholm/2022/plan.md", RollUpFixture.plan.replacingOccurrences(of: "2021", with: "2022"))
        try repo.stage("Plans/stockholm/2022/goals/bu-st-1.md", goal(measurements: [("2021-06-30", 15), ("2021-12-31", 18)]))
        try repo.commit("2022 with last year's series", time: noon("2022-02-01"))
        return repo
    }

    @Test("a goal carried into 2022 shows no progress until a 2022 measurement, then only the year's change")
    func carriedSeries() throws {
        let repo = try Self.workspace()
        func indicator() throws -> [String: Any]? {
            let json = try rollUpJSON(CLI.run(["rollup", "--rev", "HEAD", "--format", "json"], in: repo.url))
            return try plansByReference(json)["stockholm/2022"].flatMap { ($0["indicators"] as? [[String: Any]])?.first }
        }
        // The whole series from the stated baseline would be (18 − 10) / (20 − 10) = 80 %.
        #expect(try indicator()?["progress"] is NSNull)
        var csv = try CLI.run(["report", "--kind", "redovisning", "--year", "2022", "--format", "csv"], in: repo.url)
        #expect(csv.status == 0, "\(csv.stderr)")
        // The year's baseline is 2021's last measurement; no value of the year yet.
        #expect(
            csv.stdout.contains("stockholm,2022,indicator,bu-st-1/i1,Andel kommuner med avtal,,,,,,18 →  → 20"),
            "\(csv.stdout)")

        try repo.stage(
            "Plans/stockholm/2022/goals/bu-st-1.md",
            Self.goal(measurements: [("2021-06-30", 15), ("2021-12-31", 18), ("2022-06-30", 19)]))
        try repo.commit("Measured 2022-06-30", time: noon("2022-07-01"))
        // (19 − 18) / (20 − 18) = 50 %; 2022-06-30 is day 181 of the 365 to the target date.
        let measured = try indicator()
        #expect(measured?["progress"] as? Double == 50)
        #expect(measured?["expected"] as? Double == 49.6)
        #expect(measured?["behind"] as? Bool == false)
        csv = try CLI.run(["report", "--kind", "redovisning", "--year", "2022", "--format", "csv"], in: repo.url)
        #expect(
            csv.stdout.contains("stockholm,2022,indicator,bu-st-1/i1,Andel kommuner med avtal,50,,,,2022-06-30,18 → 19 → 20"),
            "\(csv.stdout)")
    }
}

/// Why a plan's light is yellow, said where the steering group reads it: AprilWorkspace with
/// a1 at 10 % (behind: 105 of 334 days = 31.4 % passed, 10 < 31.4 − 20) and a goal bu-st-2,
/// assessed on track, whose indicator is behind: from 10 (2020-12-31) to 20 by 2021-12-31,
/// measured 10 on 2021-04-14: progress 0 of 104 of 365 days = 28.5 % expected (0 < 8.5).
/// One of three activities off schedule (33 % < 50 %), no goal off track: yellow.
@Suite("the light explained: behind in rollup and report")
struct LightExplainedTests {
    static let goalBehind = """
        ---
        kind: goal
        id: bu-st-2
        title: Fler skolor har en elevhälsoplan
        term: short
        area: bu
        assessment: on-track
        indicators:
          - id: i9
            title: Andel skolor med elevhälsoplan
            unit: percent
            baseline: {value: 10, date: 2020-12-31}
            target: {value: 20, date: 2021-12-31}
            measurements:
              - {date: 2021-04-14, value: 10}
        ---

        """

    private func workspace() throws -> AprilWorkspace {
        let workspace = try AprilWorkspace(a1: 10)
        try workspace.repo.stage("Plans/stockholm/2021/goals/bu-st-2.md", Self.goalBehind)
        try workspace.repo.commit("A goal behind", time: noon("2021-04-14"))
        return workspace
    }

    @Test("rollup's table and CSV count the activity and the goal behind, next to overdue")
    func rollUpColumns() throws {
        let workspace = try workspace()
        let csv = try CLI.run(["rollup", "--as-of", "2021-04-15", "--format", "csv", "--lang", "en"], in: workspace.repo.url)
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(
            lines.first == "ITEM,TRAFFIC LIGHT,PLANNED,IN PROGRESS,DONE,DELAYED,CANCELLED,SHARE DONE %,OVERDUE,BEHIND,"
                + "BUDGETED SEK,SPENT SEK,GRANTED SEK,ON TRACK,AT RISK,OFF TRACK,ACHIEVED,NOT ASSESSED,GOALS BEHIND,SUSPECT LINKS")
        // Yellow with 0 overdue and 0 delayed: the 1 behind and the 1 goal behind say why.
        #expect(lines.contains("stockholm/2021,yellow,1,2,0,0,0,0.0,0,1,0,0,1000000,2,0,0,0,0,1,0"), "\(csv.stdout)")
        // Per group, over the group's own activities and goals: the area has both (no funding
        // of its own), a priority has no goals.
        let byArea = try CLI.run(
            ["rollup", "--as-of", "2021-04-15", "--by", "area", "--format", "csv", "--lang", "en"],
            in: workspace.repo.url)
        #expect(byArea.stdout.contains("\r\nbu,,1,2,0,0,0,0.0,0,1,0,0,0,2,0,0,0,0,1,-\r\n"), "\(byArea.stdout)")
        let byPriority = try CLI.run(
            ["rollup", "--as-of", "2021-04-15", "--by", "priority", "--format", "csv", "--lang", "en"],
            in: workspace.repo.url)
        #expect(byPriority.stdout.contains("\r\nprioritized,,1,2,0,0,0,0.0,0,1,0,0,0,0,0,0,0,0,0,-\r\n"), "\(byPriority.stdout)")
        let table = try CLI.run(["rollup", "--as-of", "2021-04-15"], in: workspace.repo.url)
        let rows = table.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        let header = try #require(rows.first.map { $0.joined(separator: " ") })
        #expect(header.contains("FÖRFALLNA EFTER PLAN BUDGETERAT KR"), "\(table.stdout)")
        #expect(header.hasSuffix("EJ BEDÖMT MÅL EFTER PLAN LÄNKAR ATT GRANSKA"), "\(table.stdout)")
        let plan = try #require(rows.first { $0.first == "stockholm/2021" })
        // PLAN, TRAFIKLJUS, five statuses, share, FÖRFALLNA, EFTER PLAN …, MÅL EFTER PLAN, then
        // the suspect links last.
        #expect(plan[1] == "gul" && plan[8] == "0" && plan[9] == "1" && plan.dropLast().last == "1", "\(table.stdout)")
        #expect(plan.last == "0", "\(table.stdout)")
    }

    @Test("the status report names the activity and the goal behind, with progress against the share expected")
    func reportNamesThem() throws {
        let workspace = try workspace()
        let markdown = try CLI.run(
            ["report", "--as-of", "2021-04-15", "--format", "markdown", "--lang", "en"],
            in: workspace.repo.url)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        let text = markdown.stdout
        #expect(text.contains("## What is behind"), "\(text)")
        #expect(
            text.contains(
                "| Aktivitet a1 — för äldre i Södertälje (`stockholm/2021/a1`) | Stockholms län | none given "
                    + "| 30 November 2021 | In progress, 10% of 31% expected |"), "\(text)")
        #expect(!text.contains("stockholm/2021/a2`) |") && !text.contains("stockholm/2021/a3`) |"), "\(text)")
        #expect(
            text.contains(
                "| Fler skolor har en elevhälsoplan (`stockholm/2021/bu-st-2`) | Stockholms län | On track "
                    + "| Andel skolor med elevhälsoplan: 0% of 28% expected |"), "\(text)")
        #expect(!text.contains("(`stockholm/2021/bu-st-1`) | Stockholms län | On track"), "\(text)")
        #expect(text.contains("The traffic light is based on how the activities keep to their schedules"))
        // Headline: overdue 0, delayed 0, behind 1.
        #expect(text.contains("| 1 | 3 | 0% | 0 | 0 | 1 | SEK 1,000,000 | SEK 0 |"), "\(text)")

        let html = try CLI.run(["report", "--as-of", "2021-04-15"], in: workspace.repo.url)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("<h2 id=\"attention\">Det som ligger efter</h2>"))
        #expect(html.stdout.contains("Pågående · 10\u{00A0}% av väntade 31\u{00A0}%"), "\(html.stdout)")
        #expect(html.stdout.contains("Andel skolor med elevhälsoplan: 0\u{00A0}% av väntade 28\u{00A0}%"))
        #expect(html.stdout.contains("Trafikljuset bygger på hur aktiviteterna följer sin tidplan"))
    }

    @Test("a green plan's report says nothing is behind")
    func greenSaysNone() throws {
        let workspace = try AprilWorkspace()
        let report = try CLI.run(["report", "--as-of", "2021-04-15", "--format", "markdown"], in: workspace.repo.url)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("🟢"), "\(report.stdout)")
        #expect(report.stdout.contains("Ingen aktivitet är förfallen, försenad eller efter plan."))
        #expect(report.stdout.contains("Inget mål är bedömt i risk eller med avvikelse"))
    }
}
