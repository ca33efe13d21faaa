import Foundation
import Testing

@testable import PlantrackCore

private func editor(_ text: String) throws -> FrontMatterEditor {
    try FrontMatterEditor(Array(text.utf8))
}

extension FrontMatterEditor {
    fileprivate var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// The lines of `after` that differ from `before` when both have the same number of lines;
/// for insertions, the inserted lines.
private func changedLines(_ before: String, _ after: String) -> (removed: [String], added: [String]) {
    let old = before.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let new = after.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
        old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    { suffix += 1 }
    return (Array(old[prefix..<(old.count - suffix)]), Array(new[prefix..<(new.count - suffix)]))
}

@Suite("Front matter editing in place")
struct FrontMatterEditTests {
    @Test func replacesOnlyTheValueKeepingCommentsAndQuotes() throws {
        let text = """
            ---
            kind: activity   # the kind
            id: a
            title: "Stöd åt förskolan"
            status: planned  # ändras vid uppföljning
            owner: 'Kansliet'

            progress: 10
            ---
            Body text
            """
        var e = try editor(text)
        try e.set(["status"], to: .string("in-progress"))
        try e.set(["title"], to: .string("Stöd åt skolan"))
        try e.set(["owner"], to: .string("Region's kansli"))
        try e.set(["progress"], to: .integer(55))
        #expect(
            e.text == """
                ---
                kind: activity   # the kind
                id: a
                title: "Stöd åt skolan"
                status: in-progress  # ändras vid uppföljning
                owner: 'Region''s kansli'

                progress: 55
                ---
                Body text
                """)
        #expect(e.frontMatter["owner"]?.string == "Region's kansli")
    }

    @Test func quotesValuesThatWouldReadAsSomethingElse() throws {
        var e = try editor("---\na: x\nb: y\nc: z\n---\n")
        try e.set(["a"], to: .string("true"))
        try e.set(["b"], to: .string("42"))
        try e.set(["c"], to: .string("Mål: bättre # inte kommentar"))
        #expect(e.frontMatter["a"]?.string == "true")
        #expect(e.frontMatter["b"]?.string == "42")
        #expect(e.frontMatter["c"]?.string == "Mål: bättre # inte kommentar")
        #expect(e.text == "---\na: \"true\"\nb: \"42\"\nc: \"Mål: bättre # inte kommentar\"\n---\n")
    }

    @Test func insertsANewKeyAfterItsPredecessorInFieldOrder() throws {
        var e = try editor("---\nkind: activity\nid: a\nstatus: done\nowner: X\nprogress: 100\n---\n")
        try e.set(["completed"], to: .string("2021-05-01"), order: FieldOrder.topLevel(.activity))
        #expect(e.text == "---\nkind: activity\nid: a\nstatus: done\nowner: X\ncompleted: 2021-05-01\nprogress: 100\n---\n")
    }

    @Test func insertsAfterANestedValueAndWithSiblingIndentation() throws {
        var e = try editor("---\nkind: plan\nstatus: draft\nadopted:\n    date: 2021-01-01\nperiod:\n  start: 2021-01-01\n---\n")
        try e.set(["adopted", "by"], to: .string("Styrgruppen"), order: FieldOrder.nested("adopted"))
        try e.set(["period", "end"], to: .string("2021-12-31"), order: FieldOrder.nested("period"))
        #expect(
            e.text
                == "---\nkind: plan\nstatus: draft\nadopted:\n    date: 2021-01-01\n    by: Styrgruppen\nperiod:\n  start: 2021-01-01\n  end: 2021-12-31\n---\n"
        )
    }

    @Test func createsAMissingMapping() throws {
        var e = try editor("---\nkind: plan\nstatus: draft\nperiod:\n  start: 2021-01-01\n---\n")
        try e.set(
            ["adopted"], to: .mapping([EditField("date", .string("2021-02-11")), EditField("by", .string("Styrgruppen"))]),
            order: FieldOrder.topLevel(.plan))
        #expect(
            e.text == "---\nkind: plan\nstatus: draft\nadopted:\n  date: 2021-02-11\n  by: Styrgruppen\nperiod:\n  start: 2021-01-01\n---\n"
        )
    }

    @Test func appendsToABlockListWithItsIndentation() throws {
        let text = "---\nfollowups:\n- date: 2021-01-01\n  note: Start # kommentar\ncarried_from: x/2020/a\n---\n"
        var e = try editor(text)
        try e.append(
            .mapping([EditField("date", .string("2021-06-01")), EditField("note", .string("Klart"))]),
            to: ["followups"])
        #expect(
            e.text
                == "---\nfollowups:\n- date: 2021-01-01\n  note: Start # kommentar\n- date: 2021-06-01\n  note: Klart\ncarried_from: x/2020/a\n---\n"
        )
    }

    /// Appending several items at once (one re-read) writes the bytes that appending them one
    /// by one writes, whatever the list's shape.
    @Test(arguments: [
        "---\nkind: goal\nm:\n- date: 2021-01-01\n  value: 1 # kommentar\nid: g\n---\n",
        "---\r\nkind: goal\r\nm:\r\n    - date: 2021-01-01\r\n      value: 1\r\n---\r\n",
        "---\nkind: goal\nm: []\nid: g\n---\n",
        "---\nkind: goal\nm: [] # tom\n---\n",
        "---\nkind: goal\nm:\nid: g\n---\n",
        "---\nkind: goal\nid: g\n---\n",
        "---\nkind: goal\nm:\n  - {date: 2021-01-01, value: 1}\n---\n",
    ])
    func appendingSeveralItemsEqualsAppendingEachInTurn(text: String) throws {
        let items: [EditValue] = (2...4).map { n in
            .mapping([
                EditField("date", .string("202\(n)-12-31")), EditField("value", n == 3 ? .null : .integer(n)),
                EditField("kolada", .mapping([EditField("period", .integer(2020 + n)), EditField("url", .string("file:å.json"))])),
            ])
        }
        var oneByOne = try editor(text)
        for item in items { try oneByOne.append(item, to: ["m"], order: ["kind", "m", "id"]) }
        var together = try editor(text)
        try together.append(contentsOf: items, to: ["m"], order: ["kind", "m", "id"])
        #expect(together.text == oneByOne.text)
        #expect(together.frontMatter["m"]?.sequence?.count == oneByOne.frontMatter["m"]?.sequence?.count)
    }

    @Test func appendsToAnEmptyFlowListAndToAMissingOne() throws {
        var e = try editor("---\nkind: activity\nfollowups: []\n---\n")
        try e.append(.mapping([EditField("date", .string("2021-06-01")), EditField("note", .string("Klart"))]), to: ["followups"])
        #expect(e.text == "---\nkind: activity\nfollowups:\n  - date: 2021-06-01\n    note: Klart\n---\n")
        var f = try editor("---\nkind: activity\nid: a\n---\n")
        try f.append(.string("x"), to: ["partners"], order: FieldOrder.topLevel(.activity))
        #expect(f.text == "---\nkind: activity\nid: a\npartners:\n  - x\n---\n")
    }

    @Test func appendsToAnEmptyFlowListKeepingItsComment() throws {
        var e = try editor("---\r\nkind: goal\r\nindicators: [] # mäts från 2022\r\nserves: []\r\n---\r\n")
        try e.append(
            .mapping([EditField("id", .string("i")), EditField("baseline", .mapping([EditField("value", .integer(1))]))]),
            to: ["indicators"])
        try e.append(.string("lt-1"), to: ["serves"])
        #expect(
            e.text == "---\r\nkind: goal\r\nindicators: # mäts från 2022\r\n  - id: i\r\n    baseline:\r\n      value: 1\r\n"
                + "serves:\r\n  - lt-1\r\n---\r\n")
    }

    /// An empty `[]` inside a flow mapping cannot take block items: the edit is refused or
    /// reads back right, never written as YAML that means something else.
    @Test func emptyFlowListInsideAFlowMapping() throws {
        var e = try editor("---\nindicators:\n  - {id: a, measurements: []}\n---\n")
        do {
            try e.append(
                .mapping([EditField("date", .string("2021-01-01")), EditField("value", .integer(3))]),
                to: ["indicators", "0", "measurements"])
            let measurements = e.frontMatter["indicators"]?.sequence?.first?.mapping?["measurements"]?.sequence
            #expect(measurements?.count == 1 && measurements?.first?.mapping?["value"]?.integer == 3, "\(e.text)")
        } catch {
            // Refused: the editor's bytes are then not written by any command.
            #expect(error.message.contains("measurements") || error.location != nil, "\(error)")
        }
    }

    @Test func removesAKeyWithItsLines() throws {
        var e = try editor("---\nstatus: done\ncompleted: 2021-01-01 # när\nprogress: 100\n---\n")
        try e.remove(["completed"])
        #expect(e.text == "---\nstatus: done\nprogress: 100\n---\n")
    }

    @Test func keepsCRLFAndTheByteOrderMark() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("---\r\nstatus: planned\r\nid: a\r\n---\r\nText\r\n".utf8)
        var e = try FrontMatterEditor(bytes)
        try e.set(["status"], to: .string("done"))
        try e.set(["completed"], to: .string("2021-01-01"))
        #expect(e.bytes == [0xEF, 0xBB, 0xBF] + Array("---\r\nstatus: done\r\nid: a\r\ncompleted: 2021-01-01\r\n---\r\nText\r\n".utf8))
    }

    @Test func multiByteCharactersBeforeTheValueKeepColumnsRight() throws {
        var e = try editor("---\növersikt: { på: 1, väg: ja }\n---\n")
        try e.set(["översikt", "väg"], to: .string("nej"))
        #expect(e.text == "---\növersikt: { på: 1, väg: nej }\n---\n")
    }

    @Test func activityStatusRules() throws {
        let text = "---\nkind: activity\nid: a\nstatus: in-progress\nowner: X\nprogress: 50\n---\n"
        var e = try editor(text)
        var update = ItemUpdate(today: CalendarDate(year: 2021, month: 6, day: 30)!)
        update.status = "done"
        try update.apply(to: &e, kind: .activity)
        #expect(e.frontMatter["completed"]?.string == "2021-06-30")
        // A done activity is at 100 % (status.done-progress).
        #expect(e.frontMatter["progress"]?.integer == 100)
        update.status = "in-progress"
        update.progress = 50
        try update.apply(to: &e, kind: .activity)
        #expect(e.text == text)
        update.progress = nil
        update.status = "cancelled"
        #expect(throws: FrontMatterEditError.self) { try update.apply(to: &e, kind: .activity) }
        update.cancelledReason = "Medel saknas"
        try update.apply(to: &e, kind: .activity)
        #expect(e.frontMatter["cancelled_reason"]?.string == "Medel saknas")
    }

    @Test func measurementGoesToItsIndicator() throws {
        let text = """
            ---
            kind: goal
            indicators:
              - id: a
                title: A
                unit: percent
              - id: b
                title: B
                unit: count
                measurements:
                  - date: 2020-12-31
                    value: 3
            carried_from: x/2020/g
            ---

            """
        var e = try editor(text)
        var update = ItemUpdate(today: CalendarDate(year: 2021, month: 6, day: 30)!)
        update.measurements = [ItemUpdate.Measurement(parsing: "b=4@2021-06-30")!, ItemUpdate.Measurement(parsing: "a=12.5@2021-06-30")!]
        try update.apply(to: &e, kind: .goal)
        // Only insertions: every old line is still there, in order.
        var newLines = e.text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let at = newLines.firstIndex(of: line) else {
                Issue.record("lost line \(line)")
                break
            }
            newLines = newLines[(at + 1)...]
        }
        #expect(e.frontMatter["indicators"]?.sequence?[1].mapping?["measurements"]?.sequence?.count == 2)
        #expect(e.text.contains("        value: 3\n      - date: 2021-06-30\n        value: 4\n"))
        #expect(e.text.contains("    unit: percent\n    measurements:\n      - date: 2021-06-30\n        value: 12.5\n  - id: b"))
        update.measurements = [ItemUpdate.Measurement(parsing: "c=1@2021-06-30")!]
        #expect(throws: FrontMatterEditError.self) { try update.apply(to: &e, kind: .goal) }
    }

    /// Every bundled document: an update touches only the intended lines.
    @Test func roundTripOnEveryBundledDocument() throws {
        let snapshot = DirectorySnapshot(root: RulesFixtures.packageRoot)
        let workspace = try Workspace.read(from: snapshot)
        var checked = 0
        for document in workspace.documents where document.kind != .workspace {
            let bytes = try snapshot.contents(of: SnapshotEntry(path: document.path, kind: .file))
            var e = try FrontMatterEditor(bytes)
            let original = String(decoding: bytes, as: UTF8.self)
            // Unchanged value: the same bytes.
            // A follow-up has no title: its county is the text field it always has.
            let titleKey = document.kind == .county ? "name" : document.kind == .followup ? "county" : "title"
            let title = try #require(document.frontMatter[titleKey]?.string)
            try e.set([titleKey], to: .string(title))
            #expect(e.bytes == bytes, "\(document.path)")
            // A changed value: exactly its line changes.
            try e.set([titleKey], to: .string(title + " (ändrad)"))
            var changes = changedLines(original, String(decoding: e.bytes, as: UTF8.self))
            #expect(changes.removed.count == 1 && changes.added.count == 1, "\(document.path)")
            #expect(
                changes.added.first?.hasSuffix(" (ändrad)") == true || changes.added.first?.hasSuffix(" (ändrad)\"") == true,
                "\(document.path)")
            // A new key: one added line, nothing removed.
            e = try FrontMatterEditor(bytes)
            try e.set(["x-granskad"], to: .string("2021-06-30"), order: FieldOrder.topLevel(document.kind))
            changes = changedLines(original, String(decoding: e.bytes, as: UTF8.self))
            #expect(changes.removed.isEmpty && changes.added == ["x-granskad: 2021-06-30"], "\(document.path)")
            // The re-read document equals the old one but for the edit.
            var expected = document.frontMatter
            expected.entries.append(
                YAMLMapping.Entry(
                    key: "x-granskad", keyLocation: .init(line: 0, column: 0),
                    value: YAMLNode(.string("2021-06-30"), at: .init(line: 0, column: 0))))
            #expect(FieldDiff.compare(expected, e.frontMatter).isEmpty, "\(document.path)")
            checked += 1
        }
        #expect(checked >= 40)
    }
}

@Suite("Front matter editing: edge cases")
struct FrontMatterEditEdgeTests {
    @Test func emptyValueIsFilledWithoutTouchingTheNextKey() throws {
        var e = try editor("---\nowner:\nstatus: planned\n---\n")
        try e.set(["owner"], to: .string("Kansliet"))
        #expect(e.text == "---\nowner: Kansliet\nstatus: planned\n---\n")
        var f = try editor("---\nstatus: planned\nowner:   # fylls i\n---\n")
        try f.set(["owner"], to: .string("Kansliet"))
        #expect(f.frontMatter["owner"]?.string == "Kansliet")
        #expect(f.frontMatter["status"]?.string == "planned")
    }

    @Test func insertionAfterAKeyWithAnEmptyValue() throws {
        var e = try editor("---\nkind: activity\nid: a\nstatus: done\ndue:\nprogress: 100\n---\n")
        try e.set(["completed"], to: .string("2021-05-01"), order: FieldOrder.topLevel(.activity))
        #expect(e.text == "---\nkind: activity\nid: a\nstatus: done\ndue:\ncompleted: 2021-05-01\nprogress: 100\n---\n")
    }

    @Test func commentsBetweenKeysStayWithTheirKeys() throws {
        let text = "---\nkind: activity\nstatus: done\n\n# Ekonomi\nbudget_sek: 10\n---\n"
        var e = try editor(text)
        try e.set(["completed"], to: .string("2021-05-01"), order: FieldOrder.topLevel(.activity))
        #expect(e.text == "---\nkind: activity\nstatus: done\ncompleted: 2021-05-01\n\n# Ekonomi\nbudget_sek: 10\n---\n")
    }

    @Test func blockScalarReplacedByOneLine() throws {
        var e = try editor("---\ntitle: |\n  Två\n  rader\nid: a\n---\n")
        try e.set(["title"], to: .string("En rad"))
        #expect(e.text == "---\ntitle: \"En rad\"\nid: a\n---\n")
        #expect(e.frontMatter["id"]?.string == "a")
    }

    @Test func multiLinePlainScalarReplaced() throws {
        var e = try editor("---\ntitle: En lång\n  titel över två rader\nid: a\n---\n")
        try e.set(["title"], to: .string("Kort"))
        #expect(e.text == "---\ntitle: Kort\nid: a\n---\n")
    }

    @Test func syntaxErrorIsReportedWithItsPlace() {
        #expect(throws: FrontMatterEditError.self) { try editor("---\na: [\n---\n") }
        #expect(throws: FrontMatterEditError.self) { try editor("no front matter\n") }
    }

    // MARK: List entries (issue #18 item 6)

    @Test func removesABlockListItemWithItsLinesAndTheKeyWithTheLast() throws {
        var e = try editor("---\ngoals:\n  - a # första\n  - b\nstatus: planned\n---\n")
        try e.removeItem(at: 0, of: ["goals"])
        #expect(e.text == "---\ngoals:\n  - b\nstatus: planned\n---\n")
        try e.removeItem(at: 0, of: ["goals"])
        #expect(e.text == "---\nstatus: planned\n---\n")
        #expect(throws: FrontMatterEditError.self) { try e.removeItem(at: 0, of: ["goals"]) }
    }

    @Test func removesARecordItemOfSeveralLines() throws {
        let text = "---\ntasks:\n  - title: A\n    done: true\n  - title: B\n    done: false\nfollowups: []\n---\nText\n"
        var e = try editor(text)
        try e.removeItem(at: 0, of: ["tasks"])
        #expect(e.text == "---\ntasks:\n  - title: B\n    done: false\nfollowups: []\n---\nText\n")
    }

    @Test func flowListsStayFlowOnTheirLine() throws {
        var e = try editor("---\ngoals: [a, b]  # mål\nstatus: planned\n---\n")
        try e.append(.string("c, d"), to: ["goals"])
        #expect(e.text == "---\ngoals: [a, b, \"c, d\"]  # mål\nstatus: planned\n---\n")
        try e.removeItem(at: 0, of: ["goals"])
        #expect(e.text == "---\ngoals: [b, \"c, d\"]  # mål\nstatus: planned\n---\n")
        #expect(e.frontMatter["goals"]?.sequence?.compactMap(\.string) == ["b", "c, d"])
        var spread = try editor("---\ngoals: [a,\n  b]\n---\n")
        #expect(throws: FrontMatterEditError.self) { try spread.append(.string("c"), to: ["goals"]) }
    }

    @Test func anItemOfFlowRecordsIsWrittenAsOne() throws {
        var e = try editor("---\nareas:\n  - {id: a, title: A}\nfunding: []\n---\n")
        try e.append(.mapping([EditField("id", .string("b")), EditField("title", .string("Barn, unga"))]), to: ["areas"])
        #expect(e.text == "---\nareas:\n  - {id: a, title: A}\n  - {id: b, title: \"Barn, unga\"}\nfunding: []\n---\n")
    }

    @Test func listEditsOfAnActivity() throws {
        let text = """
            ---
            kind: activity
            id: a
            goals:
              - st-1
            status: in-progress
            owner: X
            progress: 50
            tasks:
              - title: Kartlägga
                done: false
              - title: Sprida
                done: false
            followups:
              - date: 2021-03-01
                note: Start.
              - date: 2021-06-01
                note: Hälften.
            ---

            """
        var e = try editor(text)
        var update = ItemUpdate(today: CalendarDate(year: 2021, month: 6, day: 30)!)
        update.listEdits = [
            .addGoal("st-2"), .addPartner("Storsthlm"), .addTask("Utvärdera"), .markTaskDone("Sprida"),
            .removeGoal("st-1"), .removeTask("1"), .removeFollowup("2021-03-01"),
        ]
        try update.apply(to: &e, kind: .activity)
        #expect(
            e.text == """
                ---
                kind: activity
                id: a
                goals:
                  - st-2
                status: in-progress
                owner: X
                partners:
                  - Storsthlm
                progress: 50
                tasks:
                  - title: Sprida
                    done: true
                  - title: Utvärdera
                    done: false
                followups:
                  - date: 2021-06-01
                    note: Hälften.
                ---

                """)
        // Adding what is there changes nothing; removing what is absent names what exists.
        var again = ItemUpdate(today: update.today)
        again.listEdits = [.addGoal("st-2"), .addPartner("Storsthlm")]
        let before = e.bytes
        try again.apply(to: &e, kind: .activity)
        #expect(e.bytes == before)
        again.listEdits = [.removePartner("Storsthlmm")]
        #expect {
            try again.apply(to: &e, kind: .activity)
        } throws: { error in
            (error as? FrontMatterEditError)?.message.contains("did you mean \"Storsthlm\"?") == true
        }
        again.listEdits = [.removeTask("7")]
        #expect {
            try again.apply(to: &e, kind: .activity)
        } throws: { error in
            (error as? FrontMatterEditError)?.message.contains("1. Sprida; 2. Utvärdera") == true
        }
        again.listEdits = [.addServes("lt-1")]
        #expect(throws: FrontMatterEditError.self) { try again.apply(to: &e, kind: .activity) }
    }

    @Test func indicatorsAreAddedChangedAndRemoved() throws {
        var e = try editor("---\nkind: goal\nid: g\nassessment: on-track\ncarried_from: x/2020/g\n---\n")
        var update = ItemUpdate(today: CalendarDate(year: 2021, month: 6, day: 30)!)
        let point = try #require(IndicatorChange.Point(parsing: "12.5@2021-12-31"))
        update.listEdits = [.setIndicator(IndicatorChange(id: "andel", title: "Andel", unit: "percent", target: point))]
        try update.apply(to: &e, kind: .goal)
        #expect(
            e.text == """
                ---
                kind: goal
                id: g
                assessment: on-track
                indicators:
                  - id: andel
                    title: Andel
                    unit: percent
                    target:
                      value: 12.5
                      date: 2021-12-31
                carried_from: x/2020/g
                ---

                """)
        update.listEdits = [
            .setIndicator(
                IndicatorChange(
                    id: "andel", direction: "increase",
                    baseline: IndicatorChange.Point(parsing: "3@2021-01-01")))
        ]
        try update.apply(to: &e, kind: .goal)
        #expect(
            e.text.contains(
                "    unit: percent\n    direction: increase\n    baseline:\n      value: 3\n      date: 2021-01-01\n    target:\n"))
        update.listEdits = [.setIndicator(IndicatorChange(id: "nytt"))]
        #expect(throws: FrontMatterEditError.self) { try update.apply(to: &e, kind: .goal) }
        update.listEdits = [.removeIndicator("andel")]
        try update.apply(to: &e, kind: .goal)
        #expect(e.text == "---\nkind: goal\nid: g\nassessment: on-track\ncarried_from: x/2020/g\n---\n")
    }

    @Test func doneIsAtAHundredAndProgressStartsAPlannedActivity() throws {
        var e = try editor("---\nkind: activity\nstatus: planned\nprogress: 0\n---\n")
        var update = ItemUpdate(today: CalendarDate(year: 2021, month: 6, day: 30)!)
        update.progress = 20
        try update.apply(to: &e, kind: .activity)
        #expect(e.text == "---\nkind: activity\nstatus: in-progress\nprogress: 20\n---\n")
        var spent = try editor("---\nkind: activity\nstatus: planned\nspent_sek: 0\n---\n")
        var money = ItemUpdate(today: update.today)
        money.spentSEK = 1000
        try money.apply(to: &spent, kind: .activity)
        #expect(spent.frontMatter["status"]?.string == "in-progress")
        var done = ItemUpdate(today: update.today)
        done.status = "done"
        done.progress = 80
        #expect(throws: FrontMatterEditError.self) { try done.apply(to: &e, kind: .activity) }
    }
}
