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
