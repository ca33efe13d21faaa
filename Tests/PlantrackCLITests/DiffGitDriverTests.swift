import Foundation
import Testing

/// The modes docs/git-integration.md configures, called with the arguments git passes.
@Suite("Diff git driver")
struct DiffGitDriverTests {
    private static let path = "Plans/sthlm/2021/activities/bu-p1.md"

    @Test func externalDiffWithGitsSevenArguments() throws {
        let folder = try TemporaryFolder()
        try folder.write("old.md", DiffHistory.activity("bu-p1", status: "planned"))
        try folder.write("new.md", DiffHistory.activity("bu-p1", status: "done", extra: "completed: 2021-06-01\n"))
        let result = try CLI.run(
            [
                "diff", "--lang", "en", "--git-external-diff", Self.path,
                folder.path + "/old.md", String(repeating: "a", count: 40), "100644",
                folder.path + "/new.md", String(repeating: "b", count: 40), "100644",
            ], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("modified activity sthlm/2021/bu-p1"))
        #expect(result.stdout.contains("~ status: planned → done"))
        #expect(result.stdout.contains("+ completed: 2021-06-01"))
    }

    @Test func externalDiffOfANewFileAndARelativeWorkingTreePath() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.path, DiffHistory.activity("bu-p1", status: "planned"))
        let result = try CLI.run(
            [
                "diff", "--lang", "en", "--git-external-diff", Self.path,
                "/dev/null", ".", ".", Self.path, String(repeating: "0", count: 40), "100644",
            ], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("added activity sthlm/2021/bu-p1"))
    }

    @Test func externalDiffWithAnUnparseableSide() throws {
        let folder = try TemporaryFolder()
        try folder.write("old.md", DiffHistory.activity("bu-p1", status: "planned"))
        try folder.write("new.md", "---\nkind: activity\nid: [bu-p1\n---\n")
        let result = try CLI.run(
            [
                "diff", "--lang", "en", "--git-external-diff", Self.path,
                folder.path + "/old.md", "x", "100644", folder.path + "/new.md", "y", "100644",
            ], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("warning: \(Self.path):"))
    }

    @Test func externalDiffNeedsGitsArguments() throws {
        let result = try CLI.run(["diff", "--lang", "en", "--git-external-diff", "only-one"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("7 arguments"))
    }

    @Test func textconvRendersCanonicalFieldLines() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "a.md",
            DiffHistory.activity(
                "bu-p1", status: "planned",
                extra: "tasks:\n  - title: Ta fram stödmaterial\n    done: true\n"))
        let result = try CLI.run(["diff", "--textconv", folder.path + "/a.md"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("kind: activity\n"))
        #expect(result.stdout.contains("status: \"planned\"\n"))
        #expect(result.stdout.contains("tasks[Ta fram stödmaterial].done: true\n"))
        #expect(result.stdout.contains("---\n\nVi stödjer kommunerna i länet.\n"))
    }

    @Test func textconvOfABrokenFileIsTheFileItself() throws {
        let folder = try TemporaryFolder()
        let broken = "---\nid: [x\n---\nText\n"
        try folder.write("b.md", broken)
        let result = try CLI.run(["diff", "--textconv", folder.path + "/b.md"])
        #expect(result.status == 0)
        #expect(result.stdout == broken)
        #expect(result.stderr.contains("warning"))
    }
}
