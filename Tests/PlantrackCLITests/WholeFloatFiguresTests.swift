import Foundation
import Testing

/// `budget_sek: 1e6` and `progress: 50.0` pass the schemas (JSON Schema counts a whole
/// float as an integer), so the figures must count them too, not as nothing.
@Suite("rollup: whole numbers written as floats")
struct WholeFloatFiguresTests {
    @Test("budget 1e6 and progress 50.0 validate and count, from scratch and through the memo")
    func wholeFloatsCount() throws {
        let repo = try TestRepository()
        let base = "Plans/stockholm/2021"
        try repo.stage("Plans/stockholm/county.md", RollUpFixture.county)
        try repo.stage("\(base)/plan.md", RollUpFixture.plan)
        try repo.stage("\(base)/goals/bu-lt-1.md", RollUpFixture.longGoal)
        try repo.stage("\(base)/goals/bu-st-1.md", RollUpFixture.shortGoal)
        let activity = RollUpFixture.activity(
            "a1", status: "in-progress", due: "2021-12-31", budget: 0, spent: 250_000,
            extra: "progress: 50.0\n"
        )
        .replacingOccurrences(of: "budget_sek: 0", with: "budget_sek: 1e6")
        try repo.stage("\(base)/activities/a1.md", activity)
        _ = try repo.commit("C1")

        let validate = try CLI.run(["validate"], in: repo.url)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")

        // The working tree (from scratch) and --rev HEAD (the incremental path) alike.
        for args in [["rollup", "--year", "2021", "--format", "json"], ["rollup", "--year", "2021", "--rev", "HEAD", "--format", "json"]] {
            let result = try CLI.run(args, in: repo.url)
            #expect(result.status == 0, "\(args): \(result.stderr)")
            let json = try rollUpJSON(result)
            let plans = try #require(json["plans"] as? [[String: Any]])
            #expect(plans.first?["budget_sek"] as? Int == 1_000_000, "\(args)")
            #expect(plans.first?["spent_sek"] as? Int == 250_000, "\(args)")
        }
    }
}
