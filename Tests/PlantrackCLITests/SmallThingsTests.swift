import Foundation
import PlantrackGit
import Testing

/// Small things of issue 18, item 11, through the binary: approve's refusal names the
/// command that helps, log marks adopted versions, commit subjects fit in 72 characters,
/// and init's README names only what the workspace has.
@Suite("Small things of the yearly cycle")
struct SmallThingsTests {
    /// Every commit's full message, newest first.
    static func fullMessages(_ ws: CycleWorkspace) throws -> [String] {
        let repo = try Repository.open(at: ws.path)
        return try repo.history(from: repo.head().id, firstParentOnly: true).map { try repo.commit($0).message }
    }

    @Test func approveOfAnApprovedVersionSuggestsRaisingTheVersion() throws {
        let ws = try CycleWorkspace(bundled: true)
        #expect(try ws.run(["approve", "uppsala/2026", "--date", "2026-02-01", "--by", "Styrgruppen"]).status == 0)
        let version = try #require(try ws.text("Plans/uppsala/2026/plan.md")
            .split(separator: "\n").first { $0.hasPrefix("version: ") }.flatMap { Int($0.dropFirst(9)) })
        let again = try ws.run(["approve", "uppsala/2026", "--date", "2026-03-01"])
        #expect(again.status == 2)
        let suggestion = "plantrack update uppsala/2026 --set version=\(version + 1)"
        #expect(again.stderr.contains(suggestion), "\(again.stderr)")
        #expect(!again.stderr.contains("revise"))
        // The suggestion works: after it, the changed plan is approved as the next version.
        let raise = try ws.run(Array(suggestion.split(separator: " ").dropFirst().map(String.init)))
        #expect(raise.status == 0, "\(raise.stderr)")
        let approve = try ws.run(["approve", "uppsala/2026", "--date", "2026-03-01"])
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(approve.stdout.contains("tagged uppsala/2026/v\(version + 1)"))
    }
}
