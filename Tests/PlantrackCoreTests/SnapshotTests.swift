import Foundation
import Testing

@testable import PlantrackCore

@Suite("Snapshots")
struct SnapshotTests {
    @Test func changesBetweenMemorySnapshots() throws {
        let old = MemorySnapshot(files: [
            "Plans/a/county.md": "a",
            "Plans/a/2021/plan.md": "plan v1",
            "Plans/a/2021/goals/g.md": "same",
            "Plans/b/county.md": "gone",
        ])
        let new = MemorySnapshot(files: [
            "Plans/a/county.md": "a",
            "Plans/a/2021/plan.md": "plan v2",
            "Plans/a/2021/goals/g.md": "same",
            "Plans/c/county.md": "new",
        ])
        let changes = try old.changes(to: new, under: "Plans")
        #expect(changes.map(\.path) == ["Plans/a/2021/plan.md", "Plans/b/county.md", "Plans/c/county.md"])
        #expect(changes.map(\.kind) == [.modified, .removed, .added])
        #expect(try new.changes(to: new, under: "Plans").isEmpty)
    }

    @Test func workingTreeReadsAFileWholeWhateverItsSizeWhenListed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plantrack-read-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("Plans/s")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("county.md")
        let small = Array("---\nkind: county\nname: Skåne\n---\n".utf8)
        try Data(small).write(to: file)
        let snapshot = DirectorySnapshot(root: root.path)
        let listed = try #require(try snapshot.entries(under: "Plans").first)
        #expect(listed.size == small.count)
        #expect(try snapshot.contents(of: listed) == small)
        // Grown since it was listed (past the first read's buffer), and shrunk: always the
        // bytes on disk now, never the listed length.
        let grown = small + Array(repeating: UInt8(ascii: "x"), count: 200_000)
        try Data(grown).write(to: file)
        #expect(try snapshot.contents(of: listed) == grown)
        let shrunk = Array(small.prefix(10))
        try Data(shrunk).write(to: file)
        #expect(try snapshot.contents(of: listed) == shrunk)
        try Data().write(to: file)
        #expect(try snapshot.contents(of: listed).isEmpty)
    }

    @Test func workspaceReadsEveryKindFromTheLayout() throws {
        let snapshot = MemorySnapshot(files: [
            "Plans/workspace.yaml": "name: x\n",
            "Plans/s/county.md": "---\nkind: county\n---\n",
            "Plans/s/2021/plan.md": "---\nkind: plan\n---\n",
            "Plans/s/2021/goals/g-1.md": "---\nkind: goal\n---\n",
            "Plans/s/2021/activities/a-1.md": "---\nkind: activity\n---\n",
            "Plans/s/2021/notes/n.md": "stray",
            "Plans/s/2021/README.md": "notes for people",
            "Plans/s/logo.png": "png",
        ])
        let workspace = try Workspace.read(from: snapshot)
        #expect(workspace.documents.map(\.kind) == [.activity, .goal, .plan, .county, .workspace])
        #expect(
            workspace.documents.compactMap(\.reference).map(\.description)
                == ["s/2021/a-1", "s/2021/g-1", "s/2021", "s"])
        #expect(workspace.findings.map(\.rule) == ["layout.misplaced"])
        #expect(workspace.findings.first?.path == "Plans/s/2021/notes/n.md")
    }
}
