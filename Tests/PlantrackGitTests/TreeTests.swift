import Dispatch
import Foundation
import PlantrackCore
import PlantrackGit
import Testing

@Suite struct TreeTests {
    /// Three entities, each with a plan, a goal and an activity, plus a file outside Plans.
    static let base: [String: TestFile?] = [
        "README.md": TestFile("läs mig"),
        "Plans/workspace.yaml": TestFile("name: test\n"),
        "Plans/region-a/county.md": TestFile("A"),
        "Plans/region-a/2024/plan.md": TestFile("plan A"),
        "Plans/region-a/2024/goals/bu-lt-1.md": TestFile("mål A"),
        "Plans/region-a/2024/activities/bu-p1.md": TestFile("aktivitet A"),
        "Plans/region-b/county.md": TestFile("B"),
        "Plans/region-b/2024/plan.md": TestFile("plan B"),
        "Plans/region-b/2024/activities/bu-p1.md": TestFile("aktivitet B"),
        "Plans/region-c/county.md": TestFile("C"),
        "Plans/region-c/2024/plan.md": TestFile("plan C"),
        "Plans/region-c/2024/run.sh": TestFile("#!/bin/sh\n", mode: .executable),
    ]

    @Test func walkFilesUnderAFolder() throws {
        let test = try TestRepository()
        try test.commit("bas", Self.base)
        let tree = try test.repository.head().tree()
        let files = try tree.files(under: "Plans")
        #expect(files.count == 11)
        #expect(files.map(\.path) == files.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(files.first?.path == "Plans/region-a/2024/activities/bu-p1.md")
        #expect(files.contains { $0.path == "Plans/region-c/2024/run.sh" && $0.mode == .executable })
        #expect(
            try tree.files(under: "Plans/region-b/").map(\.path) == [
                "Plans/region-b/2024/activities/bu-p1.md", "Plans/region-b/2024/plan.md", "Plans/region-b/county.md",
            ])
        #expect(try tree.files(under: "Saknas").isEmpty)
        #expect(try tree.files().count == 12)

        let entry = try #require(try tree.entry(atPath: "Plans/region-a/2024/plan.md"))
        #expect(entry.mode == .file)
        #expect(entry.name == "plan.md")
        #expect(try test.repository.blobBytes(entry.id).text == "plan A")
        #expect(try tree.entry(atPath: "Plans/region-a/2024/saknas.md") == nil)
        #expect(try tree.entry(atPath: "Plans")?.mode == .tree)
        #expect(try tree.subtree(atPath: "Plans/region-a")?.entries.map(\.name) == ["2024", "county.md"])
        #expect(try tree.subtree(atPath: "README.md") == nil)
    }

    @Test func commitSnapshotListsOneFolderLevelWithTreeIDs() throws {
        let test = try TestRepository()
        try test.commit("bas", Self.base)
        let head = try test.repository.head()
        let snapshot = CommitSnapshot(commit: head)
        let region = try #require(try snapshot.folder("Plans/region-a"))
        #expect(region.files.map(\.path) == ["Plans/region-a/county.md"])
        #expect(region.files.first?.contentID?.count == 40)
        #expect(region.subfolders.map(\.path) == ["Plans/region-a/2024"])
        // The id is the plan folder's tree id: it changes with a file below, and only then.
        let tree = try #require(try head.tree().subtree(atPath: "Plans/region-a/2024"))
        #expect(region.subfolders.first?.id == tree.id.hex)
        let top = try #require(try snapshot.folder("Plans"))
        #expect(top.files.map(\.path) == ["Plans/workspace.yaml"])
        #expect(top.subfolders.map(\.path) == ["Plans/region-a", "Plans/region-b", "Plans/region-c"])
        let missing = try #require(try snapshot.folder("Plans/saknas"))
        #expect(missing.files.isEmpty && missing.subfolders.isEmpty)

        try test.commit("ändring", ["Plans/region-b/2024/plan.md": TestFile("plan B, ändrad")])
        let after = try #require(try CommitSnapshot(commit: test.repository.head()).folder("Plans"))
        let ids = Dictionary(uniqueKeysWithValues: top.subfolders.map { ($0.path, $0.id) })
        for folder in after.subfolders {
            #expect((ids[folder.path] == folder.id) == (folder.path != "Plans/region-b"), "\(folder.path)")
        }
    }

    @Test func commitSnapshotReadsOnManyThreadsWhatItReadsOnOne() throws {
        let test = try TestRepository()
        var files = Self.base
        for i in 0..<300 { files["Plans/region-a/2024/activities/a-\(i).md"] = TestFile("aktivitet \(i) å ä ö") }
        try test.commit("många", files)
        let snapshot = CommitSnapshot(commit: try test.repository.head())
        let reader = try #require(snapshot.concurrentReader)
        // The same pool for every snapshot of the repository.
        #expect(
            (snapshot.concurrentReader as? BlobPool) === (CommitSnapshot(commit: try test.repository.head()).concurrentReader as? BlobPool))
        let entries = try snapshot.entries(under: "Plans").filter { $0.kind == .file }
        #expect(entries.count == 311)
        let serial = try entries.map { try snapshot.contents(of: $0) }
        let box = Results(count: entries.count)
        DispatchQueue.concurrentPerform(iterations: entries.count) { i in
            box.set(i, Result { try reader.contents(of: entries[i]) })
        }
        for (i, bytes) in serial.enumerated() { #expect(try box.get(i).get() == bytes, "\(entries[i].path)") }
        // Folders by id: what the snapshot lists below them (an executable file included).
        let top = try #require(try snapshot.folder("Plans"))
        for county in top.subfolders {
            let byID = try #require(try reader.files(under: county.path, id: county.id))
            #expect(Set(byID) == Set(try snapshot.entries(under: county.path)), "\(county.path)")
        }
        #expect(throws: SnapshotError.self) { try reader.folder(at: "Plans/x", id: "inte-ett-id") }
        // An entry without a blob id, or not a file, is refused with its path.
        #expect(throws: SnapshotError.self) { try reader.contents(of: SnapshotEntry(path: "Plans/x.md", kind: .file)) }
        let link = SnapshotEntry(path: "Plans/l.md", kind: .symlink(target: "x"), contentID: entries[0].contentID)
        #expect((try? reader.contents(of: link)) == nil)
        let missing = SnapshotEntry(path: "Plans/gone.md", kind: .file, contentID: String(repeating: "ab", count: 20))
        do {
            _ = try reader.contents(of: missing)
            Issue.record("a missing blob was read")
        } catch let error as SnapshotError {
            #expect(error.path == "Plans/gone.md")
        }
    }

    /// Results written by many threads, each into its own slot.
    private final class Results: @unchecked Sendable {
        private var slots: [Result<[UInt8], any Error>?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: Result<[UInt8], any Error>) { lock.withLock { slots[i] = value } }
        func get(_ i: Int) throws -> Result<[UInt8], any Error> { try #require(lock.withLock { slots[i] }) }
    }

    @Test func prunedComparisonReportsAddedDeletedModifiedAndMoves() throws {
        let test = try TestRepository()
        let before = try test.commit("bas", Self.base)
        let after = try test.commit(
            "ändringar",
            [
                "Plans/region-a/2024/plan.md": TestFile("plan A, version 2"),  // modified
                "Plans/region-a/2024/goals/bu-lt-2.md": TestFile("nytt mål"),  // added
                "Plans/region-b/2024/activities/bu-p1.md": nil,  // moved ...
                "Plans/region-b/2024/activities/bu-p9.md": TestFile("aktivitet B"),  // ... here
                "Plans/region-c/2024/run.sh": TestFile("#!/bin/sh\n", mode: .file),  // mode only
                "README.md": TestFile("utanför Plans"),
            ])
        let repository = test.repository
        let old = try repository.commit(before).tree()
        let new = try repository.commit(after).tree()

        var statistics = TreeComparisonStatistics()
        let changes = try repository.changes(from: old, to: new, under: "Plans", statistics: &statistics)
        #expect(
            changes.map(\.path) == [
                "Plans/region-a/2024/goals/bu-lt-2.md",
                "Plans/region-a/2024/plan.md",
                "Plans/region-b/2024/activities/bu-p1.md",
                "Plans/region-b/2024/activities/bu-p9.md",
                "Plans/region-c/2024/run.sh",
            ])
        #expect(changes.map(\.kind) == [.added, .modified, .deleted, .added, .modified])
        #expect(changes[0].oldID == nil && changes[0].newMode == .file)
        #expect(changes[2].newID == nil && changes[2].oldID == changes[3].newID)
        #expect(changes[4].oldMode == .executable && changes[4].newMode == .file && changes[4].oldID == changes[4].newID)
        // region-a/2024/activities is unchanged and skipped; nothing outside Plans is reported.
        #expect(statistics.subtreesSkipped >= 1)

        let everything = try repository.changes(from: old, to: new)
        #expect(everything.count == 6)
        #expect(everything.last?.path == "README.md")
    }

    @Test func unchangedSubtreesAreNotRead() throws {
        let test = try TestRepository()
        var many: [String: TestFile?] = [:]
        for entity in 0..<50 {
            for document in 0..<5 {
                many["Plans/e\(entity)/2024/activities/a\(document).md"] = TestFile("\(entity)-\(document)")
            }
        }
        let before = try test.commit("bas", many)
        let after = try test.commit("en ändring", ["Plans/e7/2024/activities/a3.md": TestFile("ny")])
        let repository = test.repository
        var statistics = TreeComparisonStatistics()
        let changes = try repository.changes(
            from: try repository.commit(before).tree(), to: try repository.commit(after).tree(), under: nil,
            statistics: &statistics)
        #expect(changes.map(\.path) == ["Plans/e7/2024/activities/a3.md"])
        #expect(changes.first?.kind == .modified)
        // Plans, e7, e7/2024, e7/2024/activities on each side: 8 trees, not 50 × 3 × 2.
        #expect(statistics.treesLoaded == 8)
        #expect(statistics.subtreesSkipped == 49)
    }

    @Test func comparisonAgainstNothingListsEverything() throws {
        let test = try TestRepository()
        let root = try test.commit("bas", Self.base)
        let tree = try test.repository.commit(root).tree()
        let added = try test.repository.changes(from: nil, to: tree, under: "Plans/region-b")
        #expect(added.map(\.kind) == [.added, .added, .added])
        let deleted = try test.repository.changes(from: tree, to: nil, under: "Plans")
        #expect(deleted.count == 11)
        #expect(deleted.allSatisfy { $0.kind == .deleted })
        #expect(try test.repository.changes(from: tree, to: tree).isEmpty)
    }

    @Test func fileTurningIntoAFolder() throws {
        let test = try TestRepository()
        let before = try test.commit("fil", ["Plans/x": TestFile("fil"), "Plans/x.md": TestFile("m")])
        try test.commit("mapp", ["Plans/x": nil, "Plans/x/y.md": TestFile("y")])
        let repository = test.repository
        let changes = try repository.changes(
            from: try repository.commit(before).tree(), to: try repository.head().tree())
        #expect(changes.map(\.path) == ["Plans/x", "Plans/x/y.md"])
        #expect(changes.map(\.kind) == [.deleted, .added])
    }

    @Test func treeBuilderWritesTrees() throws {
        let test = try TestRepository()
        let repository = test.repository
        let blob = try repository.createBlob(Array("innehåll".utf8))
        let inner = try TreeBuilder(repository: repository)
        try inner.insert(name: "plan.md", id: blob, mode: .file)
        let innerID = try inner.write()
        let outer = try TreeBuilder(repository: repository)
        try outer.insert(name: "2024", id: innerID, mode: .tree)
        try outer.insert(name: "county.md", id: blob, mode: .file)
        #expect(outer.count == 2)
        let tree = try repository.tree(try outer.write())
        #expect(try tree.files().map(\.path) == ["2024/plan.md", "county.md"])

        let edited = try TreeBuilder(repository: repository, base: tree)
        try edited.remove(name: "county.md")
        let error = try #require(throws: GitError.self) { try edited.remove(name: "county.md") }
        #expect(error.function == "git_treebuilder_remove")
        let bad = try #require(throws: GitError.self) { try edited.insert(name: "a/b", id: blob, mode: .file) }
        #expect(bad.function == "git_treebuilder_insert")
        #expect(try repository.tree(try edited.write()).entries.map(\.name) == ["2024"])
    }

    @Test func blobSizesWithoutLoading() throws {
        let test = try TestRepository()
        let bytes = Array("åäö\n".utf8)
        let id = try test.repository.createBlob(bytes)
        let header = try test.repository.objectDatabase().header(of: id)
        #expect(header.size == bytes.count)
        #expect(header.kind == .blob)
        let blob = try test.repository.blob(id)
        #expect(blob.size == bytes.count)
        #expect(blob.bytes == bytes)
        #expect(!blob.isBinary)
        #expect(try test.repository.createBlob([]) != id)
        #expect(try test.repository.blob(test.repository.createBlob([])).bytes.isEmpty)
    }
}
