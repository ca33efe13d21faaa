import PlantrackGit
import Testing

@testable import PlantrackCore

/// The reading half of the seam on a git repository: the same expectations as on
/// ``MemoryHistory`` (below), so the two implementations cannot drift apart.
@Suite struct GitHistoryReadingTests {
    /// A bare repository (a shared one, which `plantrack guard` reads) reads the same.
    @Test(arguments: [false, true]) func readsWhatMemoryReads(bare: Bool) throws {
        let test = try TestRepository(bare: bare)
        var ids: [ObjectID] = []
        for step in ReadingCase.files {
            ids.append(try test.commit(step.commit, step.changes.mapValues { $0.map { TestFile($0) } }))
        }
        let side = try test.sideCommit("Sidospår", parent: ids[1], ["Plans/c.md": TestFile("c")])
        let merge = try test.commit("Sammanfogad\n", ["Plans/c.md": TestFile("c")], parents: [side])
        var tagger = TestRepository.author
        tagger.time += 4 * 3600
        try test.repository.createTag(
            named: "stockholm/2024/v1", target: test.repository.commit(ids[1]), tagger: tagger,
            message: "Fastställd\n")
        try test.repository.createTag(
            named: "stockholm/2025/v1", target: test.repository.commit(merge), tagger: tagger,
            message: "Fastställd\n")
        let history = GitHistory(repository: test.repository, root: test.directory.path)
        try expectReading(
            history,
            ReadingCase(
                first: ids[0].hex, second: ids[1].hex, third: ids[2].hex, side: side.hex,
                merge: merge.hex))
    }

    @Test func nothingCommittedYet() throws {
        let test = try TestRepository()
        try expectNothingCommitted(GitHistory(repository: test.repository, root: test.directory.path))
    }

    /// A snapshot is a ``CommitSnapshot``, so readers keep its folder ids and concurrent reader.
    @Test func snapshotIsACommitSnapshot() throws {
        let test = try TestRepository()
        let id = try test.commit("Första", ["Plans/a.md": TestFile("1")])
        let snapshot = try GitHistory(repository: test.repository, root: test.directory.path)
            .snapshot(at: id.hex, label: nil)
        #expect(snapshot is CommitSnapshot)
        #expect(try snapshot.folder("Plans", id: nil)?.files.map(\.path) == ["Plans/a.md"])
    }
}

/// The reading half of the seam on ``MemoryHistory``: the same expectations as on git.
@Suite("MemoryHistory reading")
struct MemoryHistoryReadingTests {
    @Test func readsWhatGitReads() throws {
        let (history, ids) = Self.build()
        try expectReading(history, ids)
    }

    @Test func nothingCommittedYet() throws {
        try expectNothingCommitted(MemoryHistory())
    }

    /// ``ReadingCase``'s history, with the times `TestRepository` gives a git one.
    static func build() -> (MemoryHistory, ReadingCase) {
        let history = MemoryHistory()
        var files: [String: [UInt8]] = [:]
        var ids: [String] = []
        func author(_ seconds: Int64) -> Author {
            Author(
                name: ReadingCase.authorName, email: "test@example.se", time: ReadingCase.firstTime + seconds,
                offsetMinutes: 60)
        }
        for (index, step) in ReadingCase.files.enumerated() {
            for (path, text) in step.changes { files[path] = text.map { Array($0.utf8) } }
            ids.append(history.record(files: files, message: step.commit, author: author(Int64(index) * 3600)).id)
        }
        // As TestRepository.sideCommit does: today's files on top of an older parent.
        var sideFiles = files
        sideFiles["Plans/c.md"] = Array("c".utf8)
        let side = history.record(
            files: sideFiles, message: "Sidospår", author: author(3 * 3600 + 1800),
            parents: [ids[1]], movingHead: false
        ).id
        files["Plans/c.md"] = Array("c".utf8)
        let merge = history.record(
            files: files, message: "Sammanfogad\n", author: author(3 * 3600),
            parents: [ids[2], side]
        ).id
        let tagger = author(4 * 3600)
        history.tagRecords["stockholm/2024/v1"] = (ids[1], tagger, "Fastställd\n")
        history.tagRecords["stockholm/2025/v1"] = (merge, tagger, "Fastställd\n")
        return (history, ReadingCase(first: ids[0], second: ids[1], third: ids[2], side: side, merge: merge))
    }
}

// MARK: The expectations every History meets

/// The commits of the history both implementations build for ``expectReading(_:_:)``:
///
///     first ── second ── third ──────── merge (HEAD)
///                   └──────────── side ──┘
///
/// `first`: Plans/a.md "1", Schemas/s.json "s". `second`: a.md "2", b.md "1" (the bytes a.md
/// had). `third`: s.json "s2". `side` (child of `second`, made after `third` and half an hour
/// newer than `merge`): Plans/c.md "c". `merge`: `third` and `side`. Annotated tags
/// `stockholm/2024/v1` on `second` and `stockholm/2025/v1` on `merge`.
struct ReadingCase {
    var first: String
    var second: String
    var third: String
    var side: String
    var merge: String

    static let authorName = "Test Författare"
    /// 2024-01-01T01:00:00+01:00; each main-line commit an hour after the one before.
    static let firstTime: Int64 = 1_704_067_200
    static let files: [(commit: String, changes: [String: String?])] = [
        ("Första", ["Plans/a.md": "1", "Schemas/s.json": "s"]),
        ("Andra", ["Plans/a.md": "2", "Plans/b.md": "1"]),
        ("Tredje", ["Schemas/s.json": "s2"]),
    ]
}

/// What every ``History`` must read from ``ReadingCase``'s history: the same expectations
/// for `GitHistory` and `MemoryHistory`.
func expectReading(_ history: any History, _ ids: ReadingCase) throws {
    // Revisions, and the label a snapshot of one gets.
    #expect(try history.head()?.id == ids.merge)
    #expect(try history.headBranch() == "refs/heads/main")
    #expect(try history.commit(named: "HEAD").id == ids.merge)
    #expect(try history.commit(named: "HEAD~1").id == ids.third)
    #expect(try history.commit(named: "HEAD^2").id == ids.side)
    #expect(try history.commit(named: "HEAD~3").id == ids.first)
    #expect(try history.commit(named: ids.second).id == ids.second)
    #expect(try history.commit(named: String(ids.second.prefix(10))).id == ids.second)
    #expect(try history.commit(named: "stockholm/2024/v1").id == ids.second)
    let third = try history.commit(named: "HEAD~1")
    #expect(third.shortID.count >= 7 && ids.third.hasPrefix(third.shortID))
    #expect(third.label(forRevision: "HEAD~1") == "HEAD~1 (\(third.shortID))")
    #expect(third.label(forRevision: String(ids.third.prefix(9)).uppercased()) == third.shortID)

    // What a commit says.
    let merge = try history.commit(id: ids.merge)
    #expect(merge.parentIDs == [ids.third, ids.side])
    #expect(merge.message == "Sammanfogad\n")
    #expect(merge.author.name == ReadingCase.authorName)
    #expect(merge.author.time == ReadingCase.firstTime + 3 * 3600)
    #expect(merge.author.offsetMinutes == 60)
    #expect(merge.date == CalendarDate(year: 2024, month: 1, day: 1))
    #expect(try history.commit(id: ids.first).parentIDs.isEmpty)

    // Walks.
    #expect(try history.mainline(from: ids.merge).map(\.id) == [ids.merge, ids.third, ids.second, ids.first])
    // The side commit is newer than the merge, yet comes after it (parents after children),
    // and before `third` (by time).
    #expect(try history.ancestry(from: ids.merge).map(\.id) == [ids.merge, ids.side, ids.third, ids.second, ids.first])
    #expect(try history.ancestry(from: ids.second).map(\.id) == [ids.second, ids.first])
    #expect(try history.isAncestor(ids.first, of: ids.merge))
    #expect(try history.isAncestor(ids.side, of: ids.merge))
    #expect(try history.isAncestor(ids.merge, of: ids.merge))
    #expect(try !history.isAncestor(ids.side, of: ids.third))
    #expect(try !history.isAncestor(ids.merge, of: ids.first))

    // Changes under a folder, with content ids: equal bytes, equal ids.
    let one = GitBlobID.of(Array("1".utf8))
    let two = GitBlobID.of(Array("2".utf8))
    let added = try history.changes(from: nil, to: ids.first, under: "Plans")
    #expect(
        added == [
            SnapshotChange(
                path: "Plans/a.md", kind: .added, old: nil,
                new: SnapshotEntry(path: "Plans/a.md", kind: .file, contentID: one))
        ])
    let second = try history.changes(from: ids.first, to: ids.second, under: "Plans")
    #expect(second.map(\.path) == ["Plans/a.md", "Plans/b.md"])
    #expect(second.map(\.kind) == [.modified, .added])
    #expect(second.map { $0.old?.contentID } == [one, nil])
    #expect(second.map { $0.new?.contentID } == [two, one])
    #expect(try history.changes(from: ids.second, to: ids.third, under: "Plans").isEmpty)
    #expect(try history.changes(from: ids.second, to: ids.third, under: "Schemas").map(\.path) == ["Schemas/s.json"])
    #expect(try history.changes(from: ids.third, to: ids.merge, under: "Plans/").map(\.path) == ["Plans/c.md"])
    #expect(try history.changes(from: ids.merge, to: ids.first, under: "Plans").map(\.kind) == [.modified, .removed, .removed])
    // Under "": every file of the commits, whatever folder (what the guard of a push reads).
    #expect(try history.changes(from: ids.first, to: ids.third, under: "").map(\.path) == ["Plans/a.md", "Plans/b.md", "Schemas/s.json"])
    #expect(try history.changes(from: nil, to: ids.first, under: "").map(\.path) == ["Plans/a.md", "Schemas/s.json"])

    #expect(try history.contentID(of: "Plans/b.md", at: ids.second) == one)
    #expect(try history.contentID(of: "Plans/a.md", at: ids.first) == one)
    #expect(try history.contentID(of: "Plans/a.md", at: ids.second) == two)
    #expect(try history.contentID(of: "Plans/b.md", at: ids.first) == nil)
    #expect(try history.contentID(of: "Plans", at: ids.first) == nil)
    #expect(try history.contents(ofContent: two, path: "Plans/a.md") == Array("2".utf8))

    // A snapshot reads the commit's files, with their content ids.
    let snapshot = try history.snapshot(at: ids.second, label: nil)
    #expect(snapshot.label == (try history.commit(id: ids.second).shortID))
    #expect(try history.snapshot(at: ids.second, label: "HEAD~2 (x)").label == "HEAD~2 (x)")
    let entries = try snapshot.entries(under: "Plans")
    #expect(entries.map(\.path) == ["Plans/a.md", "Plans/b.md"])
    #expect(entries.map(\.contentID) == [two, one])
    #expect(try entries.map { try snapshot.contents(of: $0) } == [Array("2".utf8), Array("1".utf8)])

    // Tags, in name order, with the commits they name.
    #expect(
        try history.tags(matching: nil) == [
            HistoryTag(name: "stockholm/2024/v1", commitID: ids.second),
            HistoryTag(name: "stockholm/2025/v1", commitID: ids.merge),
        ])
    #expect(try history.tags(matching: "stockholm/2024/*") == [HistoryTag(name: "stockholm/2024/v1", commitID: ids.second)])
    #expect(try history.tags(matching: "göteborg/*").isEmpty)

    // An unknown revision names every tag, so the caller can suggest the nearest.
    let tags = ["stockholm/2024/v1", "stockholm/2025/v1"]
    #expect(throws: HistoryError.unknownRevision("stockholm/2024/v2", tags: tags)) {
        try history.commit(named: "stockholm/2024/v2")
    }
    #expect(throws: HistoryError.unknownRevision("HEAD~9", tags: tags)) { try history.commit(named: "HEAD~9") }
}

/// Before the first commit there is no HEAD, and `HEAD…` names nothing.
func expectNothingCommitted(_ history: any History) throws {
    #expect(try history.head() == nil)
    #expect(try history.headBranch() == "refs/heads/main")
    #expect(throws: HistoryError.noCommits(revision: "HEAD")) { try history.commit(named: "HEAD") }
    #expect(throws: HistoryError.noCommits(revision: "HEAD~1")) { try history.commit(named: "HEAD~1") }
    #expect(throws: HistoryError.unknownRevision("v1", tags: [])) { try history.commit(named: "v1") }
}
