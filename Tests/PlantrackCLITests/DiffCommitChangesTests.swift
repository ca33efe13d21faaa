import PlantrackCore
import PlantrackGit
import Testing

/// `CommitSnapshot.changes(to:under:)`: the pruned tree walk between two commits, the
/// listing comparison against anything else.
@Suite("Diff commit changes")
struct DiffCommitChangesTests {
    @Test func commitToCommitUsesTheTreeComparison() throws {
        let repo = try DiffHistory.make()
        let old = try repo.repository.snapshot(revision: "HEAD~1")
        let new = try repo.repository.snapshot(revision: "HEAD")
        let changes = try old.changes(to: new, under: "Plans")
        #expect(
            changes.map(\.path) == [
                "Plans/sthlm/2021/activities/bu-p1.md",
                "Plans/sthlm/2021/activities/bu-p2.md",
                "Plans/sthlm/2021/activities/bu-p3.md",
                "Plans/sthlm/2021/activities/bu-p4.md",
                "Plans/sthlm/2022/activities/bu-p2.md",
            ])
        #expect(changes.map(\.kind) == [.modified, .removed, .removed, .added, .added])
        #expect(changes.allSatisfy { ($0.old ?? $0.new)?.contentID != nil })
        // The same answer as the generic listing comparison, through the index.
        let index = try repo.repository.indexSnapshot()
        #expect(try old.changes(to: index, under: "Plans").map(\.path) == changes.map(\.path))
        #expect(try new.changes(to: new, under: "Plans").isEmpty)
    }

    @Test func theSemanticDiffReadsOnlyChangedDocuments() throws {
        let repo = try DiffHistory.make()
        let old = try repo.repository.snapshot(revision: "HEAD~1")
        let new = try repo.repository.snapshot(revision: "HEAD")
        let result = try SemanticDiff.compare(from: old, to: new)
        #expect(result.changes.map(\.item).sorted() == ["sthlm/2021/bu-p1", "sthlm/2021/bu-p3", "sthlm/2021/bu-p4", "sthlm/2022/bu-p2"])
        #expect(!result.changes.contains { $0.kind == .plan }, "plan.md is unchanged and not compared")
    }
}
