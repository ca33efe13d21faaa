import Testing

@testable import PlantrackCore

/// An activity document as a coordinator writes it: a comment, quoting and a body.
private let baseActivity = """
    ---
    kind: activity
    id: bu-p1
    title: "Workshops för ungdomsmottagningar"   # kort titel
    status: in-progress
    owner: Samverkanskansliet
    partners:
      - Maskrosbarn
      - Ungdomsmottagningarna
    start: 2021-01-15
    due: 2021-12-15
    progress: 40
    tasks:
      - title: Erbjuda workshops
        done: false
      - title: Ordna konferens
        done: false
    followups:
      - date: 2021-05-31
        note: Åtta mottagningar deltog.
    ---

    Första stycket om aktiviteten.

    Andra stycket.

    Tredje stycket.

    """

private let path = "Plans/stockholm/2021/activities/bu-p1.md"

/// `text` with `old` replaced by `new` once; fails the test when `old` is not there.
private func edit(_ text: String, _ old: String, _ new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    guard let range = text.range(of: old) else {
        Issue.record("no \(old) in the text", sourceLocation: sourceLocation)
        return text
    }
    return text.replacingCharacters(in: range, with: new)
}

private func merge(_ base: String?, _ ours: String, _ theirs: String, at file: String = path) -> (text: String, result: MergeResult) {
    let result = DocumentMerge.merge(
        path: file, base: base.map { Array($0.utf8) }, ours: Array(ours.utf8), theirs: Array(theirs.utf8))
    return (String(decoding: result.bytes ?? [], as: UTF8.self), result)
}

/// The lines of `text` that `a` and `b` both hold unchanged from `base`.
private func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

@Suite("Document merge")
struct DocumentMergeTests {
    @Test("different fields of one activity merge cleanly, and untouched lines keep their bytes")
    func differentFields() throws {
        let ours = edit(baseActivity, "status: in-progress", "status: done")
        let theirs = edit(edit(baseActivity, "progress: 40", "progress: 60"), "    note: Åtta", "    note: Nio")
        let (text, result) = merge(baseActivity, ours, theirs)
        #expect(result.isClean, "\(result.conflicts)")
        #expect(result.fallback == nil)
        let expected = edit(edit(ours, "progress: 40", "progress: 60"), "    note: Åtta", "    note: Nio")
        #expect(text == expected)
        // The comment and the quoting of the title are byte for byte the base's.
        #expect(text.contains("title: \"Workshops för ungdomsmottagningar\"   # kort titel\n"))
    }

    @Test("the same field changed differently is one conflict, with markers around that field only")
    func sameField() throws {
        let ours = edit(edit(baseActivity, "status: in-progress", "status: done"), "progress: 40", "progress: 100")
        let theirs = edit(edit(baseActivity, "status: in-progress", "status: delayed"), "due: 2021-12-15", "due: 2022-03-31")
        let (text, result) = merge(baseActivity, ours, theirs)
        #expect(result.conflicts.count == 1)
        let conflict = try #require(result.conflicts.first)
        #expect(conflict.place == .field("status"))
        #expect(conflict.base == "\"in-progress\"" && conflict.ours == "\"done\"" && conflict.theirs == "\"delayed\"")
        #expect(text.contains("<<<<<<< ours\nstatus: done\n=======\nstatus: delayed\n>>>>>>> theirs\nowner: Samverkanskansliet\n"))
        #expect(text.contains("due: 2022-03-31\nprogress: 100\n"), "their other change and ours are both in")
        let markerLine = lines(text).firstIndex { $0 == "<<<<<<< ours" }.map { $0 + 1 }
        #expect(conflict.line == markerLine)
        // The reader reports each marker line.
        let findings = ConflictMarkers.findings(in: Array(text.utf8)[...], path: path)
        #expect(findings.map(\.location?.line) == [markerLine, markerLine.map { $0 + 2 }, markerLine.map { $0 + 4 }])
        #expect(findings.allSatisfy { $0.rule == "merge.conflict" && $0.severity == .error })
    }

    @Test("a field of a task changed differently: the task's field, by its title")
    func recordFieldConflict() throws {
        let ours = edit(baseActivity, "  - title: Ordna konferens\n    done: false", "  - title: Ordna konferens\n    done: true")
        let theirs = edit(baseActivity, "  - title: Ordna konferens\n    done: false", "  - title: Ordna konferens\n    done: \"ja\"")
        let (text, result) = merge(baseActivity, ours, theirs)
        #expect(result.conflicts.map(\.place) == [.field("tasks[Ordna konferens].done")])
        #expect(text.contains("  - title: Ordna konferens\n<<<<<<< ours\n    done: true\n=======\n    done: \"ja\"\n>>>>>>> theirs\n"))
    }

    @Test("the same follow-up recorded on both sides is one follow-up")
    func sameRecordTwice() throws {
        let added = "followups:\n  - date: 2021-05-31\n    note: Åtta mottagningar deltog.\n  - date: 2021-09-30\n    note: Halvtid.\n"
        let ours = edit(baseActivity, "followups:\n  - date: 2021-05-31\n    note: Åtta mottagningar deltog.\n", added)
        let theirs = edit(ours, "status: in-progress", "status: delayed")
        let (text, result) = merge(baseActivity, ours, theirs)
        #expect(result.isClean)
        #expect(text == edit(ours, "status: in-progress", "status: delayed"))
        #expect(text.components(separatedBy: "Halvtid").count == 2)
    }

    /// Found by FuzzMerge: they renamed the first task (its key) and we left the list alone;
    /// small edits would have moved the renamed task last.
    @Test("a list only they changed is theirs, in their order, also when they renamed or reordered")
    func listOnlyTheyChanged() throws {
        let ours = edit(baseActivity, "progress: 40", "progress: 50")
        let renamed = edit(baseActivity, "  - title: Erbjuda workshops\n", "  - title: Erbjuda workshopar\n")
        let reordered = edit(baseActivity, "  - Maskrosbarn\n  - Ungdomsmottagningarna\n", "  - Ungdomsmottagningarna\n  - Maskrosbarn\n")
        for (theirs, field) in [(renamed, "tasks"), (reordered, "partners")] {
            let (text, result) = merge(baseActivity, ours, theirs)
            #expect(result.isClean, "\(result.conflicts)")
            let merged = try DocumentReader().read(Array(text.utf8), path: path, kind: .activity, reference: nil).get()
            let wanted = try DocumentReader().read(Array(theirs.utf8), path: path, kind: .activity, reference: nil).get()
            let got = try #require(merged.frontMatter[field])
            let want = try #require(wanted.frontMatter[field])
            #expect(FieldDiff.sameValue(got, want), "\(field): \(text)")
            #expect(merged.frontMatter["progress"]?.integer == 50)
        }
    }

    @Test("one side removes the first task and adds one, the other edits the second: the new task stays a task")
    func removeFirstAndAppend() throws {
        let ours = edit(baseActivity, "  - title: Ordna konferens\n    done: false\n", "  - title: Ordna konferens\n    done: true\n")
        let theirs = edit(
            edit(baseActivity, "  - title: Erbjuda workshops\n    done: false\n", ""),
            "  - title: Ordna konferens\n    done: false\n",
            "  - title: Ordna konferens\n    done: false\n  - title: Ny uppgift\n    done: false\n")
        let (text, result) = merge(baseActivity, ours, theirs)
        #expect(result.isClean, "\(result.conflicts)")
        let document = try DocumentReader().read(Array(text.utf8), path: path, kind: .activity, reference: nil).get()
        let tasks = try #require(document.frontMatter["tasks"]?.sequence)
        #expect(tasks.compactMap { $0.mapping?["title"]?.string } == ["Ordna konferens", "Ny uppgift"], "\(text)")
        #expect(document.frontMatter["followups"]?.sequence?.count == 1, "\(text)")
    }

    @Test("records only one side added are kept, by key, from both sides")
    func recordsByKey() throws {
        let ours = edit(
            baseActivity, "    done: false\nfollowups:", "    done: false\n  - title: Skriva rapport\n    done: false\nfollowups:")
        let theirs = edit(
            edit(baseActivity, "  - title: Erbjuda workshops\n    done: false\n", "  - title: Erbjuda workshops\n    done: true\n"),
            "    note: Åtta mottagningar deltog.\n", "    note: Åtta mottagningar deltog.\n  - date: 2021-10-01\n    note: Ny.\n")
        let (text, result) = merge(baseActivity, ours, theirs)
        #expect(result.isClean, "\(result.conflicts)")
        let document = try DocumentReader().read(Array(text.utf8), path: path, kind: .activity, reference: nil).get()
        let tasks = try #require(document.frontMatter["tasks"]?.sequence)
        #expect(tasks.compactMap { $0.mapping?["title"]?.string } == ["Erbjuda workshops", "Ordna konferens", "Skriva rapport"])
        #expect(tasks.first?.mapping?["done"]?.bool == true)
        #expect(document.frontMatter["followups"]?.sequence?.count == 2)
    }

    @Test("partners merge as a set: each side's additions and removals")
    func plainListsAsSets() throws {
        let ours = edit(baseActivity, "  - Ungdomsmottagningarna\n", "  - Ungdomsmottagningarna\n  - Skolhälsan\n")
        let theirs = edit(baseActivity, "  - Maskrosbarn\n", "")
        let (text, result) = merge(baseActivity, ours, theirs)
        #expect(result.isClean)
        #expect(text.contains("partners:\n  - Ungdomsmottagningarna\n  - Skolhälsan\nstart:"))
    }

    @Test("identical files added on both sides merge cleanly; different ones merge by field")
    func addedOnBothSides() throws {
        #expect(merge(nil, baseActivity, baseActivity).result == MergeResult(bytes: Array(baseActivity.utf8)))
        let theirs = edit(baseActivity, "progress: 40", "progress: 50")
        let (text, result) = merge(nil, baseActivity, theirs)
        #expect(result.conflicts.map(\.place) == [.field("progress")])
        #expect(result.conflicts.first?.base == nil)
        #expect(text.contains("<<<<<<< ours\nprogress: 40\n=======\nprogress: 50\n>>>>>>> theirs\n"))
    }

    @Test("bodies merge by line: apart cleanly, the same lines as a conflict of those lines only")
    func bodyLines() throws {
        let ours = edit(baseActivity, "Första stycket", "Första stycket, omskrivet")
        let theirs = edit(baseActivity, "Tredje stycket.", "Tredje stycket, med tillägg.")
        let clean = merge(baseActivity, ours, theirs)
        #expect(clean.result.isClean)
        #expect(clean.text == edit(ours, "Tredje stycket.", "Tredje stycket, med tillägg."))

        let other = edit(baseActivity, "Första stycket", "Första stycket, annorlunda")
        let (text, result) = merge(baseActivity, ours, other)
        #expect(result.conflicts.map(\.place) == [.body])
        #expect(
            text.hasSuffix(
                "---\n\n<<<<<<< ours\nFörsta stycket, omskrivet om aktiviteten.\n=======\nFörsta stycket, annorlunda om aktiviteten.\n"
                    + ">>>>>>> theirs\n\nAndra stycket.\n\nTredje stycket.\n"))
        #expect(result.conflicts.first?.line == lines(text).firstIndex { $0 == "<<<<<<< ours" }.map { $0 + 1 })
    }

    @Test("Plans/workspace.yaml merges by key path")
    func workspaceSettings() throws {
        let base = "# inställningar\nlanguage: sv\nthresholds:\n  green: 0.8   # andel\n  yellow: 0.5\n"
        let ours = "# inställningar\nlanguage: en\nthresholds:\n  green: 0.8   # andel\n  yellow: 0.5\n"
        let theirs = "# inställningar\nlanguage: sv\nthresholds:\n  green: 0.8   # andel\n  yellow: 0.6\n"
        let (text, result) = merge(base, ours, theirs, at: "Plans/workspace.yaml")
        #expect(result.isClean)
        #expect(text == "# inställningar\nlanguage: en\nthresholds:\n  green: 0.8   # andel\n  yellow: 0.6\n")
    }

    @Test("deleted on one side and changed on the other: a conflict that keeps the changed text")
    func deletedAndChanged() throws {
        let theirs = edit(baseActivity, "progress: 40", "progress: 50")
        let result = DocumentMerge.merge(path: path, base: Array(baseActivity.utf8), ours: nil, theirs: Array(theirs.utf8))
        #expect(result.bytes == Array(theirs.utf8))
        #expect(result.conflicts.map(\.place) == [.file])
        let deleted = DocumentMerge.merge(path: path, base: Array(baseActivity.utf8), ours: nil, theirs: Array(baseActivity.utf8))
        #expect(deleted == MergeResult(bytes: nil))
        // A field: we removed `owner`, they changed it.
        let ours = edit(baseActivity, "owner: Samverkanskansliet\n", "")
        let theirsOwner = edit(baseActivity, "owner: Samverkanskansliet", "owner: Kansliet")
        let (text, field) = merge(baseActivity, ours, theirsOwner)
        #expect(field.conflicts.map(\.place) == [.field("owner")])
        #expect(field.conflicts.first?.ours == nil)
        #expect(text.contains("<<<<<<< ours\n=======\nowner: Kansliet\n>>>>>>> theirs\n"))
    }

    @Test("a side that cannot be parsed falls back to a line merge of the whole file")
    func unparseableSide() throws {
        let theirs = edit(baseActivity, "progress: 40", "progress: [40")
        let ours = edit(baseActivity, "status: in-progress", "status: done")
        let (text, result) = merge(baseActivity, ours, theirs)
        #expect(result.fallback?.contains("theirs cannot be parsed") == true)
        #expect(result.isClean)
        #expect(text.contains("status: done\n") && text.contains("progress: [40\n"))
    }

    @Test("the line merge: one side's change, both sides' same change, and a conflict trimmed to its lines")
    func lineMerge() {
        let base = ["a\n", "b\n", "c\n", "d\n"]
        #expect(
            LineMerge.merge(base: base, ours: ["a\n", "B\n", "c\n", "d\n"], theirs: ["a\n", "b\n", "c\n", "D\n"]) == [
                .clean(["a\n", "B\n", "c\n", "D\n"])
            ])
        #expect(
            LineMerge.merge(base: base, ours: ["a\n", "X\n", "c\n", "d\n"], theirs: ["a\n", "X\n", "c\n", "d\n"]) == [
                .clean(["a\n", "X\n", "c\n", "d\n"])
            ])
        #expect(
            LineMerge.merge(base: base, ours: ["a\n", "x\n", "B\n", "c\n", "d\n"], theirs: ["a\n", "x\n", "C\n", "c\n", "d\n"]) == [
                .clean(["a\n", "x\n"]), .conflict(ours: ["B\n"], base: ["b\n"], theirs: ["C\n"]), .clean(["c\n", "d\n"]),
            ])
    }

    @Test("merge.conflict is a reading rule an override may name")
    func ruleIsTheReaders() {
        #expect(ConflictMarkers.descriptor.id == "merge.conflict")
        #expect(WorkspaceValidator.readerAndSchemaRules.contains(ConflictMarkers.descriptor.id))
        #expect(WorkspaceValidator.isReadingRule(ConflictMarkers.descriptor.id))
        #expect(PlanRules.descriptor(for: ConflictMarkers.descriptor.id) == nil)
    }

    @Test("CRLF documents merge by field and keep their line ends; markers use them too")
    func crlf() {
        let base = baseActivity.replacingOccurrences(of: "\n", with: "\r\n")
        let ours = edit(base, "status: in-progress", "status: done")
        let theirs = edit(edit(base, "progress: 40", "progress: 60"), "status: in-progress", "status: delayed")
        let (text, result) = merge(base, ours, theirs)
        #expect(result.conflicts.map(\.place) == [.field("status")])
        #expect(text.contains("\r\n<<<<<<< ours\r\nstatus: done\r\n=======\r\nstatus: delayed\r\n>>>>>>> theirs\r\n"))
        #expect(text.contains("progress: 60\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("marker lines: a lone ======= is a Markdown underline, not a marker")
    func markerDetection() {
        let text = "Rubrik\n=======\n\n<<<<<<< ours\na\n=======\nb\n>>>>>>> theirs\n"
        #expect(ConflictMarkers.find(in: Array(text.utf8)[...]).map(\.location.line) == [4, 6, 8])
    }
}
