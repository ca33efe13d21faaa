import Foundation
import Testing

/// Defects found reviewing the figures (#18), each pinned through the binary.
@Suite("figures: review of #18")
struct FiguresReviewTests {
    /// stockholm/2021 with two activities of 9 × 10^18 kr each in one stream: the schemas
    /// bound money below only, and validate only warns (its sums saturate), so the roll-up
    /// and the reports must add them up without trapping on the overflow.
    private static func absurdBudgets() throws -> TestRepository {
        let repo = try TestRepository()
        let base = "Plans/stockholm/2021"
        try repo.stage("Plans/stockholm/county.md", RollUpFixture.county)
        try repo.stage("\(base)/plan.md", RollUpFixture.plan)
        try repo.stage("\(base)/goals/bu-lt-1.md", RollUpFixture.longGoal)
        try repo.stage("\(base)/goals/bu-st-1.md", RollUpFixture.shortGoal)
        let huge = 9_000_000_000_000_000_000
        try repo.stage(
            "\(base)/activities/a1.md",
            RollUpFixture.activity("a1", status: "in-progress", due: "2021-12-31", budget: huge, spent: huge))
        try repo.stage(
            "\(base)/activities/a2.md",
            RollUpFixture.activity("a2", status: "in-progress", due: "2021-12-31", budget: huge, spent: huge))
        _ = try repo.commit("Plan 2021")
        return repo
    }

    @Test("money sums past Int.max saturate in rollup, rollup --rev, trend and the reports, not crash")
    func absurdMoneyDoesNotCrash() throws {
        let repo = try Self.absurdBudgets()
        let validate = try CLI.run(["validate"], in: repo.url)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        for rev in [[], ["--rev", "HEAD"]] {
            let result = try CLI.run(["rollup", "--year", "2021", "--format", "json"] + rev, in: repo.url)
            #expect(result.status == 0, "\(result.stderr)")
            let total = try #require(try rollUpJSON(result)["total"] as? [String: Any])
            #expect(total["budget_sek"] as? Int == Int.max)
            #expect(total["spent_sek"] as? Int == Int.max)
            #expect(total["funding_sek"] as? Int == 1_000_000)
        }
        let byStream = try CLI.run(["rollup", "--year", "2021", "--by", "stream", "--format", "csv"], in: repo.url)
        #expect(byStream.status == 0, "\(byStream.stderr)")
        #expect(byStream.stdout.contains("\(Int.max)"), "\(byStream.stdout)")
        let trend = try CLI.run(["trend", "--year", "2021", "--since", "2021-01-01", "--until", "2021-12-31"], in: repo.url)
        #expect(trend.status == 0, "\(trend.stderr)")
        for arguments in [
            ["report", "--year", "2021"], ["report", "--year", "2021", "--format", "markdown"],
            ["report", "--kind", "redovisning", "--year", "2021", "--format", "csv"],
        ] {
            let report = try CLI.run(arguments, in: repo.url)
            #expect(report.status == 0, "\(arguments): \(report.stderr)")
        }
    }

    /// stockholm/2021 whose short-term goal has indicators measured beyond what an `Int`
    /// holds (the schemas bound indicator values in no way): a count of 10^300 and 2 × 10^19 kr.
    private static func hugeMeasurements() throws -> TestRepository {
        let repo = try TestRepository()
        let base = "Plans/stockholm/2021"
        try repo.stage("Plans/stockholm/county.md", RollUpFixture.county)
        try repo.stage("\(base)/plan.md", RollUpFixture.plan)
        try repo.stage("\(base)/goals/bu-lt-1.md", RollUpFixture.longGoal)
        try repo.stage(
            "\(base)/goals/bu-st-1.md",
            """
            ---
            kind: goal
            id: bu-st-1
            title: Väntetiden minskar
            term: short
            area: bu
            serves: [bu-lt-1]
            assessment: on-track
            indicators:
              - id: i2
                title: Antal kontakter
                unit: count
                baseline: {value: 10, date: 2020-12-31}
                target: {value: 20, date: 2021-12-31}
                measurements:
                  - {date: 2021-01-01, value: 1e300}
              - id: i3
                title: Kostnad
                unit: sek
                baseline: {value: 10, date: 2020-12-31}
                target: {value: 20, date: 2021-12-31}
                measurements:
                  - {date: 2021-01-01, value: 2e19}
            ---

            """)
        try repo.stage(
            "\(base)/activities/a1.md",
            RollUpFixture.activity("a1", status: "in-progress", due: "2021-12-31", budget: 1000, spent: 10))
        _ = try repo.commit("Plan 2021")
        return repo
    }

    @Test("indicator values beyond Int are written as they are in every report, not crash")
    func hugeIndicatorValuesDoNotCrash() throws {
        let repo = try Self.hugeMeasurements()
        let validate = try CLI.run(["validate"], in: repo.url)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        for lang in ["sv", "en"] {
            for arguments in [
                ["report", "--kind", "redovisning", "--format", "csv"],
                ["report", "--kind", "redovisning"], ["report", "--kind", "redovisning", "--format", "markdown"],
                ["report"], ["report", "--format", "markdown"],
            ] {
                let report = try CLI.run(arguments + ["--year", "2021", "--lang", lang], in: repo.url)
                #expect(report.status == 0, "\(arguments) \(lang): \(report.stderr)")
                if arguments.contains("redovisning") {
                    #expect(report.stdout.contains("1e+300"), "\(arguments) \(lang): \(report.stdout)")
                }
            }
        }
        let html = try CLI.run(["report", "--kind", "redovisning", "--year", "2021", "--lang", "sv"], in: repo.url)
        #expect(html.stdout.contains("2e+19\u{00A0}kr"), "\(html.stdout)")
    }

    @Test("an empty weekly trend does not suggest --every week")
    func emptyWeeklyTrendHint() throws {
        let repo = try Self.absurdBudgets()
        // 2021-01-05 is a Tuesday: no Sunday up to the Saturday 2021-01-09.
        let weekly = try CLI.run(["trend", "--every", "week", "--since", "2021-01-05", "--until", "2021-01-09"], in: repo.url)
        #expect(weekly.status == 0, "\(weekly.stderr)")
        #expect(weekly.stderr.contains("no week ends between 2021-01-05 and 2021-01-09"), "\(weekly.stderr)")
        #expect(weekly.stderr.contains("try an earlier --since or a later --until"), "\(weekly.stderr)")
        #expect(!weekly.stderr.contains("--every week"), "\(weekly.stderr)")
        let monthly = try CLI.run(["trend", "--since", "2021-01-05", "--until", "2021-01-09"], in: repo.url)
        #expect(monthly.stderr.contains("try --every week, an earlier --since or a later --until"), "\(monthly.stderr)")
    }

    /// stockholm/2021 on 2021-04-15 with one of three activities overdue (a1, due 03-31) and
    /// two on schedule (a2, a3: 04-01 → 11-30, not begun enough to lag): 1 of 3 off schedule
    /// (33 %) is under 50 %, so the light is yellow by default and red with `red_overdue: 1`.
    @Test("red_overdue written 1.0 counts as 1, as the schema accepts it")
    func redOverdueAsWholeFloat() throws {
        let repo = try TestRepository()
        let base = "Plans/stockholm/2021"
        try repo.stage("Plans/stockholm/county.md", RollUpFixture.county)
        try repo.stage("\(base)/plan.md", RollUpFixture.plan)
        try repo.stage("\(base)/goals/bu-lt-1.md", RollUpFixture.longGoal)
        try repo.stage("\(base)/goals/bu-st-1.md", RollUpFixture.shortGoal.replacingOccurrences(of: "at-risk", with: "on-track"))
        try repo.stage(
            "\(base)/activities/a1.md",
            RollUpFixture.activity(
                "a1", status: "in-progress", due: "2021-03-31", budget: 1000, spent: 10,
                extra: "progress: 90\n"))
        for id in ["a2", "a3"] {
            try repo.stage(
                "\(base)/activities/\(id).md",
                RollUpFixture.activity(
                    id, status: "in-progress", due: "2021-11-30", budget: 1000, spent: 10,
                    extra: "progress: 50\n"))
        }
        _ = try repo.commit("Plan 2021", time: 1_618_488_000)  // 2021-04-15 12:00 UTC
        func light() throws -> String? {
            let result = try CLI.run(["rollup", "--rev", "HEAD", "--format", "json"], in: repo.url)
            #expect(result.status == 0, "\(result.stderr)")
            let plans = try #require(try rollUpJSON(result)["plans"] as? [[String: Any]])
            #expect(plans.first?["overdue"] as? Int == 1)
            return plans.first?["light"] as? String
        }
        #expect(try light() == "yellow")
        for written in ["1", "1.0"] {
            try repo.stage("Plans/workspace.yaml", "traffic_light:\n  red_overdue: \(written)\n")
            _ = try repo.commit("red_overdue \(written)")
            let validate = try CLI.run(["validate"], in: repo.url)
            #expect(!validate.stdout.contains("Plans/workspace.yaml:"), "\(validate.stdout)")
            #expect(try light() == "red", "red_overdue: \(written)")
        }
    }

    /// `300000.0` is an integer to the schemas (money is `type: integer`, and JSON Schema
    /// counts whole numbers), so validate accepts it; the figures must count it too.
    @Test("money written as a whole float (300000.0) counts in the figures and the rules")
    func wholeFloatMoneyCounts() throws {
        let repo = try TestRepository()
        let base = "Plans/stockholm/2021"
        try repo.stage("Plans/stockholm/county.md", RollUpFixture.county)
        try repo.stage(
            "\(base)/plan.md",
            RollUpFixture.plan.replacingOccurrences(
                of: "amount_sek: 1000000",
                with: "amount_sek: 1000000.0"))
        try repo.stage("\(base)/goals/bu-lt-1.md", RollUpFixture.longGoal)
        try repo.stage("\(base)/goals/bu-st-1.md", RollUpFixture.shortGoal)
        try repo.stage(
            "\(base)/activities/a1.md",
            RollUpFixture.activity("a1", status: "in-progress", due: "2021-12-31", budget: 300_000, spent: 1000)
                .replacingOccurrences(of: "budget_sek: 300000", with: "budget_sek: 1300000.0")
                .replacingOccurrences(of: "spent_sek: 1000", with: "spent_sek: 1000.0"))
        _ = try repo.commit("Plan 2021")
        // The rules read the same amounts: the budget exceeds the stream's funding.
        let validate = try CLI.run(["validate"], in: repo.url)
        #expect(validate.stdout.contains("budget.stream-over-funding"), "\(validate.stdout)")
        for rev in [[], ["--rev", "HEAD"]] {
            let result = try CLI.run(["rollup", "--year", "2021", "--format", "json"] + rev, in: repo.url)
            #expect(result.status == 0, "\(result.stderr)")
            let total = try #require(try rollUpJSON(result)["total"] as? [String: Any])
            #expect(total["budget_sek"] as? Int == 1_300_000, "\(rev)")
            #expect(total["spent_sek"] as? Int == 1000, "\(rev)")
            #expect(total["funding_sek"] as? Int == 1_000_000, "\(rev)")
        }
    }
}
