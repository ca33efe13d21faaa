import PlantrackCore
import Testing

private let text = """
    ---
    kind: goal
    id: g1
    title: "Väntetiden minskar"
    term: short
    area: bu
    serves: [lt-1, lt-2]
    indicators:
      - {id: i1, title: Dagar, unit: days, baseline: {value: 1.5}, target: {value: -3}, flag: true, none: null}
    ---
    Brödtext.

    """

private func parsed() throws -> Document {
    try DocumentReader().read(Array(text.utf8), path: "Plans/s/2021/goals/g1.md", kind: .goal,
                              reference: ItemReference(county: "s", year: 2021, id: "g1"),
                              contentID: "0123456789abcdef0123456789abcdef01234567").get()
}

@Suite("RollUp cache coding")
struct RollUpCacheCodingTests {
    @Test("a document round-trips except its path and reference")
    func roundTrip() throws {
        let document = try parsed()
        let key = DocumentCacheCoding.key(kind: .goal, blob: "0123456789abcdef0123456789abcdef01234567")
        let decoded = try #require(DocumentCacheCoding.decode(DocumentCacheCoding.encode([key: document])))
        var back = try #require(decoded[key])
        back.path = document.path
        back.reference = document.reference
        #expect(back == document)
    }

    @Test("a truncated, altered or other-version file is not trusted at all")
    func corruption() throws {
        let key = DocumentCacheCoding.key(kind: .goal, blob: "0123456789abcdef0123456789abcdef01234567")
        let bytes = DocumentCacheCoding.encode([key: try parsed()])
        #expect(DocumentCacheCoding.decode(Array(bytes.dropLast())) == nil)
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x20
        #expect(DocumentCacheCoding.decode(flipped) == nil)
        var otherVersion = bytes
        otherVersion[4] &+= 1
        #expect(DocumentCacheCoding.decode(otherVersion) == nil)
        #expect(DocumentCacheCoding.decode([]) == nil)
    }

    @Test("the incremental workspace matches a full read after changes")
    func incrementalMatchesFullRead() throws {
        var files = [
            "Plans/s/county.md": "---\nkind: county\nid: s\nname: S\ncode: \"01\"\n---\n",
            "Plans/s/2021/goals/g1.md": text,
            "Plans/s/2021/goals/bad.md": "---\nkey: [unclosed\n---\n",
            "Plans/s/notes.md": "misplaced\n",
        ]
        var state = IncrementalWorkspace()
        let first = MemorySnapshot(files: files)
        state.apply(try IncrementalWorkspace.allAdded(in: first), from: first)
        files["Plans/s/2021/goals/g1.md"] = nil
        files["Plans/s/2021/goals/g2.md"] = text
        let second = MemorySnapshot(files: files)
        state.apply(try first.changes(to: second, under: DocumentLayout.plansFolder), from: second)
        let incremental = state.workspace(label: "memory")
        let full = Workspace.read(from: second)
        #expect(incremental.documents == full.documents)
        #expect(incremental.findings == full.findings)
    }
}

/// A memory snapshot whose entries carry a content id, as git snapshots do.
private struct IdentifiedSnapshot: Snapshot {
    var base: MemorySnapshot
    var label: String { base.label }
    func entries(under directory: String) throws -> [SnapshotEntry] {
        try base.entries(under: directory).map { entry in
            var copy = entry
            copy.contentID = base.files[entry.path].map { bytes in
                String(bytes.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }, radix: 16)
            }
            return copy
        }
    }
    func contents(of entry: SnapshotEntry) throws -> [UInt8] { try base.contents(of: entry) }
}

@Suite("RollUp incremental parsing")
struct RollUpIncrementalTests {
    @Test("only blobs not seen before are parsed")
    func parsesOnlyNewBlobs() throws {
        var files = ["Plans/s/2021/goals/g1.md": text, "Plans/s/2021/goals/g2.md": text + "x\n"]
        let first = IdentifiedSnapshot(base: MemorySnapshot(files: files))
        var state = IncrementalWorkspace()
        state.apply(try IncrementalWorkspace.allAdded(in: first), from: first)
        #expect(state.parseCount == 2)
        files["Plans/s/2021/goals/g3.md"] = text  // same blob as g1, another path
        files["Plans/s/2021/goals/g2.md"] = text + "y\n"
        let second = IdentifiedSnapshot(base: MemorySnapshot(files: files))
        state.apply(try first.changes(to: second, under: DocumentLayout.plansFolder), from: second)
        #expect(state.parseCount == 3)
        let paths = state.workspace(label: "m").documents.map(\.path)
        #expect(paths == ["Plans/s/2021/goals/g1.md", "Plans/s/2021/goals/g2.md", "Plans/s/2021/goals/g3.md"])
        #expect(state.workspace(label: "m").documents.last?.reference?.id == "g3")
    }
}
