import JSONSchema
import Testing

@testable import PlantrackCore

@Suite("Diff")
struct DiffTests {
    typealias F = DiffFixtures

    private func mapping(_ yaml: String) throws -> YAMLMapping {
        let root = try YAMLParser().parse(Array(yaml.utf8)[...], firstLine: 1)
        return root?.mapping ?? YAMLMapping()
    }

    private func fields(_ old: String, _ new: String) throws -> [String: FieldChange] {
        let changes = FieldDiff.compare(try mapping(old), try mapping(new))
        return Dictionary(changes.map { ($0.field, $0) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: fields

    @Test func scalarChangesHaveOldAndNewValues() throws {
        let f = try fields("status: planned\nprogress: 10\nowner: A\n", "status: done\nprogress: 100\ncompleted: 2021-11-25\n")
        #expect(f["status"]?.old == .string("planned"))
        #expect(f["status"]?.new == .string("done"))
        #expect(f["progress"]?.kind == .changed)
        #expect(f["owner"]?.kind == .removed)
        #expect(f["completed"]?.kind == .added)
        #expect(f["completed"]?.new == .string("2021-11-25"))
    }

    @Test func tasksMatchByTitleNotPosition() throws {
        let f = try fields(
            "tasks:\n  - title: A\n    done: false\n  - title: Ta fram stödmaterial\n    done: false\n",
            "tasks:\n  - title: Ta fram stödmaterial\n    done: true\n  - title: A\n    done: false\n  - title: Ny\n")
        #expect(f["tasks[Ta fram stödmaterial].done"]?.old == .bool(false))
        #expect(f["tasks[Ta fram stödmaterial].done"]?.new == .bool(true))
        #expect(f["tasks[Ny]"]?.kind == .added)
        #expect(f.count == 2)
    }

    @Test func indicatorMeasurementsMatchByIdAndDate() throws {
        let old = """
            indicators:
              - id: bu-i1
                title: T
                unit: count
                measurements:
                  - date: 2021-06-30
                    value: 3
                  - date: 2021-03-31
                    value: 1
            """
        let new = """
            indicators:
              - id: bu-i1
                title: T
                unit: count
                measurements:
                  - date: 2021-06-30
                    value: 4
                  - date: 2021-12-31
                    value: 9
              - id: bu-i2
                title: U
                unit: percent
            """
        let f = try fields(old, new)
        #expect(f["indicators[bu-i1].measurements[2021-06-30].value"]?.old == .number(.integer(3)))
        #expect(f["indicators[bu-i1].measurements[2021-06-30].value"]?.new == .number(.integer(4)))
        #expect(f["indicators[bu-i1].measurements[2021-03-31]"]?.kind == .removed)
        #expect(f["indicators[bu-i1].measurements[2021-12-31]"]?.kind == .added)
        #expect(f["indicators[bu-i2]"]?.kind == .added)
    }

    @Test func otherRecordListsMatchByTheirKeys() throws {
        let f = try fields(
            """
            areas: [{id: bu, title: Barn}, {id: ls, title: Ledning}]
            funding: [{stream: S, amount_sek: 100}]
            followups: [{date: 2021-05-31, note: Första}]
            contacts: [{name: Anna, role: samordnare}]
            steering_group: [{name: Bo, role: ordförande}]
            """,
            """
            areas: [{id: ls, title: Ledning}, {id: bu, title: Barn och unga}]
            funding: [{stream: S, amount_sek: 200}]
            followups: [{date: 2021-05-31, note: Första}, {date: 2021-05-31, note: Andra}]
            contacts: [{name: Anna, role: kontakt}]
            steering_group: [{name: Bo, role: ordförande}, {name: Cia}]
            """)
        #expect(f["areas[bu].title"]?.new == .string("Barn och unga"))
        #expect(f["areas[ls]"] == nil)
        #expect(f["funding[S].amount_sek"]?.new == .number(.integer(200)))
        #expect(f["followups[2021-05-31 Andra]"]?.kind == .added)
        #expect(f["contacts[Anna].role"]?.old == .string("samordnare"))
        #expect(f["steering_group[Cia]"]?.kind == .added)
        #expect(f.count == 5)
    }

    @Test func plainListsReportAddedAndRemovedElements() throws {
        let changes = FieldDiff.compare(try mapping("partners: [A, B, C]\n"), try mapping("partners: [C, A, D]\n"))
        #expect(
            changes == [
                FieldChange(field: "partners[]", old: .string("B"), new: nil),
                FieldChange(field: "partners[]", old: nil, new: .string("D")),
            ])
    }

    @Test func equalValuesAtOtherPositionsAreNoChange() throws {
        #expect(FieldDiff.compare(try mapping("a: 1\nb: [x]\n"), try mapping("\n\nb:\n  - x\na: 1\n")).isEmpty)
    }

    // MARK: body

    @Test func proseIsDiffedByWordAndListsByLine() {
        let diff = BodyDiff.compare(
            "Vi ska stödja kommunerna i länet.\n\n- punkt ett\n- punkt två\n",
            "Vi ska stödja alla kommuner i länet.\n\n- punkt ett\n- punkt 2\n")
        #expect(diff.isChanged)
        let changed = diff.lines.compactMap { line -> [BodyDiff.Word]? in
            if case .changed(let words) = line { return words } else { return nil }
        }
        #expect(changed.count == 1)
        #expect(changed.first?.contains(.removed("kommunerna")) == true)
        #expect(changed.first?.contains(.added("alla kommuner")) == true)
        #expect(diff.lines.contains(.removed("- punkt två")))
        #expect(diff.lines.contains(.added("- punkt 2")))
        #expect(!BodyDiff.compare("a\r\nb\n", "a\nb").isChanged)
    }

    @Test func sequenceDiffKeepsCommonElements() {
        let ops = SequenceDiff.diff(Array("abcdef"), Array("abxdefg"))
        #expect(ops == [.same("a"), .same("b"), .removed("c"), .added("x"), .same("d"), .same("e"), .same("f"), .added("g")])
    }

    // MARK: items

    @Test func everyChangeKindBetweenRevisions() {
        let p = "Plans/sthlm/2021/activities/"
        let result = F.diff(
            [p + "a1.md": F.activity("a1"), p + "a2.md": F.activity("a2"), p + "a3.md": F.activity("a3")],
            [p + "a1.md": F.activity("a1", status: "in-progress"), p + "a3.md": F.activity("a3"), p + "a4.md": F.activity("a4")])
        let byItem = Dictionary(result.changes.map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byItem["sthlm/2021/a1"]?.change == .modified)
        #expect(byItem["sthlm/2021/a1"]?.fields.map(\.field) == ["status"])
        #expect(byItem["sthlm/2021/a1"]?.body.isChanged == false)
        #expect(byItem["sthlm/2021/a2"]?.change == .removed)
        #expect(byItem["sthlm/2021/a4"]?.change == .added)
        #expect(byItem["sthlm/2021/a3"] == nil)
        let summary = result.summary.plans.first
        #expect(summary?.activities.added == 1)
        #expect(summary?.activities.removed == 1)
        #expect(summary?.activities.modified == 1)
        #expect(summary?.transitions == [StatusTransition(kind: .activity, from: "planned", to: "in-progress", count: 1)])
    }

    @Test func aFileMovedWithItsIdKeptIsMoved() {
        let result = F.diff(
            ["Plans/sthlm/2020/activities/a1.md": F.activity("a1")],
            ["Plans/sthlm/2021/activities/a1.md": F.activity("a1", status: "done", extra: "completed: 2021-03-01\n")])
        #expect(result.changes.count == 1)
        let change = result.changes.first
        #expect(change?.change == .moved)
        #expect(change?.match == .id)
        #expect(change?.oldPath == "Plans/sthlm/2020/activities/a1.md")
        #expect(change?.path == "Plans/sthlm/2021/activities/a1.md")
        #expect(change?.oldItem == "sthlm/2020/a1")
        #expect(result.summary.plans.first?.transitions.first?.to == "done")
    }

    @Test func aMoveWithoutChangesIsStillReported() {
        let text = F.activity("a1")
        let result = F.diff(["Plans/sthlm/2020/activities/a1.md": text], ["Plans/sthlm/2021/activities/a1.md": text])
        #expect(result.changes.map(\.change) == [.moved])
        #expect(result.changes.first?.fields.isEmpty == true)
    }

    @Test func carriedOverItemsMatchAcrossPlanYears() {
        let result = F.diff(
            [
                "Plans/sthlm/2020/activities/bu-p3.md": F.activity("bu-p3", status: "in-progress"),
                "Plans/sthlm/2020/activities/bu-p1.md": F.activity("bu-p1"),
                "Plans/sthlm/2020/goals/g1.md": F.goal("g1"),
            ],
            [
                "Plans/sthlm/2021/activities/bu-l1.md": F.activity("bu-l1", status: "done", extra: "carried_from: sthlm/2020/bu-p3\n"),
                "Plans/sthlm/2021/activities/bu-p1.md": F.activity("bu-p1"),
                "Plans/sthlm/2021/goals/g2.md": F.goal("g2"),
            ],
            mode: .planYears)
        let byItem = Dictionary(result.changes.map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byItem["sthlm/2021/bu-l1"]?.change == .moved)
        #expect(byItem["sthlm/2021/bu-l1"]?.match == .carriedFrom)
        #expect(byItem["sthlm/2021/bu-l1"]?.oldItem == "sthlm/2020/bu-p3")
        #expect(byItem["sthlm/2021/bu-p1"] == nil, "same id, same content: carried over unchanged")
        #expect(byItem["sthlm/2020/g1"]?.change == .removed)
        #expect(byItem["sthlm/2021/g2"]?.change == .added)
        #expect(byItem["sthlm/2021/bu-l1"]?.fields.contains { $0.field == "status" } == true)
    }

    @Test func anUnparseableSideIsATextDiffWithAWarning() {
        let path = "Plans/sthlm/2021/activities/a1.md"
        let broken = "---\nkind: activity\nid: a1\nstatus: [unclosed\n---\nText\n"
        let result = F.diff([path: F.activity("a1")], [path: broken])
        #expect(result.changes.count == 1)
        let change = result.changes.first
        #expect(change?.change == .modified)
        #expect(change?.problems.first?.path == path)
        #expect(change?.problems.first?.location?.line != nil)
        #expect(change?.text?.isChanged == true)
        #expect(change?.fields.isEmpty == true)
    }

    @Test func filtersKeepOnlyWhatWasAskedFor() {
        let old = [
            "Plans/a/2021/activities/x.md": F.activity("x"),
            "Plans/b/2021/goals/y.md": F.goal("y"),
        ]
        let new = [
            "Plans/a/2021/activities/x.md": F.activity("x", status: "done"),
            "Plans/b/2021/goals/y.md": F.goal("y", extra: "assessment: on-track\n"),
        ]
        let all = SemanticDiff.compare(old: F.files(old), new: F.files(new), mode: .revisions)
        #expect(all.changes.count == 2)
        #expect(
            SemanticDiff.compare(
                old: F.files(old), new: F.files(new), mode: .revisions,
                filter: DiffFilter(county: "b")
            ).changes.map(\.item) == ["b/2021/y"])
        #expect(
            SemanticDiff.compare(
                old: F.files(old), new: F.files(new), mode: .revisions,
                filter: DiffFilter(kind: .activity)
            ).changes.map(\.item) == ["a/2021/x"])
        #expect(
            SemanticDiff.compare(
                old: F.files(old), new: F.files(new), mode: .revisions,
                filter: DiffFilter(item: "y")
            ).changes.map(\.item) == ["b/2021/y"])
    }

    @Test func snapshotsAreComparedThroughTheirChanges() throws {
        let old = MemorySnapshot(
            label: "old",
            files: [
                "Plans/a/2021/activities/x.md": F.activity("x"),
                "Plans/a/2021/activities/same.md": F.activity("same"),
            ])
        let new = MemorySnapshot(
            label: "new",
            files: [
                "Plans/a/2021/activities/x.md": F.activity("x", status: "delayed"),
                "Plans/a/2021/activities/same.md": F.activity("same"),
            ])
        let result = try SemanticDiff.compare(from: old, to: new)
        #expect(result.from == "old")
        #expect(result.to == "new")
        #expect(result.changes.map(\.item) == ["a/2021/x"])
    }

    @Test func flattenUsesTheSameFieldPaths() throws {
        let lines = FieldDiff.flatten(try mapping("status: done\ntasks:\n  - title: T\n    done: true\npartners: [A]\n"))
        #expect(lines == ["status: \"done\"", "tasks[T].title: \"T\"", "tasks[T].done: true", "partners[]: \"A\""])
    }
}
