import JSONSchema
import Testing

@testable import PlantrackCore

/// The item log on ``MemoryHistory``: no libgit2, the same rules `plantrack log` follows.
@Suite("Item log")
struct ItemLogTests {
    /// A history built commit by commit, each an hour after the one before, with the files
    /// of the commit before plus the changes (nil removes a file).
    final class Builder {
        let history = MemoryHistory()
        var files: [String: [UInt8]] = [:]
        var time: Int64 = 1_767_258_000  // 2026-01-01T09:00:00+01:00

        @discardableResult
        func commit(_ message: String, _ changes: [String: String?]) -> String {
            for (path, text) in changes { files[path] = text.map { Array($0.utf8) } }
            time += 3600
            let author = Author(name: "Åsa Öberg", email: "asa@example.se", time: time, offsetMinutes: 60)
            return history.record(files: files, message: message, author: author).id
        }

        func tag(_ name: String, at id: String) {
            let tagger = Author(name: "Styrgruppen", email: "sg@example.se", time: time, offsetMinutes: 60)
            history.tagRecords[name] = (id, tagger, "approve \(name)\n")
        }
    }

    static func activity(_ id: String, progress: Int, carriedFrom: String? = nil) -> String {
        "---\nkind: activity\nid: \(id)\ntitle: Föräldrastöd\nstatus: in-progress\nprogress: \(progress)\n"
            + (carriedFrom.map { "carried_from: \($0)\n" } ?? "") + "---\nText.\n"
    }

    static func plan(_ year: Int, version: Int, revises: String? = nil) -> String {
        "---\nkind: plan\nyear: \(year)\ntitle: Handlingsplan \(year)\nversion: \(version)\n"
            + (revises.map { "revises: \($0)\n" } ?? "") + "---\n"
    }

    static let p2024 = "Plans/stockholm/2024/activities/bu-p1.md"
    static let p2025 = "Plans/stockholm/2025/activities/bu-p1.md"
    static let p2026 = "Plans/stockholm/2026/activities/bu-p1.md"

    static func reference(_ text: String) throws -> ItemReference {
        try #require(ItemReference(text))
    }

    /// bu-p1 is carried 2024 → 2025 → 2026; each year's approved version is tagged.
    static func carriedHistory() -> (Builder, [String]) {
        let build = Builder()
        var ids: [String] = []
        // Each year the activity is written (new, or revised from the year before), then updated.
        for (year, progress) in [(2024, 50), (2025, 30), (2026, 10)] {
            let path = "Plans/stockholm/\(year)/activities/bu-p1.md"
            let origin = year == 2024 ? nil : "stockholm/\(year - 1)/bu-p1"
            let written = origin == nil ? "new activity stockholm/2024/bu-p1" : "revise stockholm/\(year - 1) → stockholm/\(year)"
            ids.append(build.commit(written, [path: activity("bu-p1", progress: 0, carriedFrom: origin)]))
            ids.append(build.commit("update stockholm/\(year)/bu-p1", [path: activity("bu-p1", progress: progress, carriedFrom: origin)]))
        }
        // Tagged after the file last changed: the tag marks the version it holds.
        build.tag("stockholm/2024/v1", at: ids[2])
        build.tag("stockholm/2025/v1", at: ids[3])
        // Tags of other plans never mark this one's entries.
        build.tag("stockholm/2026/v1", at: ids[4])
        build.tag("uppsala/2024/v1", at: ids[1])
        return (build, ids)
    }

    @Test func anItemCarriedAcrossThreeYearsWithItsTags() throws {
        let (build, ids) = Self.carriedHistory()
        let log = try ItemLog.read(Self.reference("stockholm/2026/bu-p1"), in: build.history)
        #expect(log.item == (try Self.reference("stockholm/2026/bu-p1")))
        #expect(
            log.entries.map(\.item.description) == [
                "stockholm/2026/bu-p1", "stockholm/2026/bu-p1", "stockholm/2025/bu-p1", "stockholm/2025/bu-p1",
                "stockholm/2024/bu-p1", "stockholm/2024/bu-p1",
            ])
        #expect(log.entries.map(\.commit.id) == ids.reversed())
        #expect(log.entries.map(\.path) == [Self.p2026, Self.p2026, Self.p2025, Self.p2025, Self.p2024, Self.p2024])
        #expect(log.entries.map(\.change) == [.modified, .added, .modified, .added, .modified, .added])
        #expect(log.entries.map(\.tags) == [[], ["stockholm/2026/v1"], ["stockholm/2025/v1"], [], ["stockholm/2024/v1"], []])
        #expect(log.entries[0].fields == [FieldChange(field: "progress", old: .number(.integer(0)), new: .number(.integer(10)))])
        #expect(log.entries[2].fields == [FieldChange(field: "progress", old: .number(.integer(0)), new: .number(.integer(30)))])
        #expect(log.entries[1].fields.contains { $0.field == "carried_from" && $0.old == nil })
        #expect(log.entries[0].commit.message == "update stockholm/2026/bu-p1")
        #expect(log.entries[0].commit.author.name == "Åsa Öberg")

        // Asked from the middle, the log starts there.
        let middle = try ItemLog.read(Self.reference("stockholm/2025/bu-p1"), in: build.history)
        #expect(middle.entries.map(\.commit.id) == Array(ids[0...3].reversed()))
    }

    @Test func theSameIdInTheYearBeforeIsTheSameItem() throws {
        let build = Builder()
        let first = build.commit("new", [Self.p2024: Self.activity("bu-p1", progress: 20)])
        // No carried_from: the id alone links the years.
        let second = build.commit("revise", [Self.p2025: Self.activity("bu-p1", progress: 0)])
        let log = try ItemLog.read(Self.reference("stockholm/2025/bu-p1"), in: build.history)
        #expect(log.entries.map(\.commit.id) == [second, first])
        #expect(log.entries.map(\.item.year) == [2025, 2024])
    }

    @Test func aRemovedItemIsFoundInTheHistory() throws {
        let build = Builder()
        let path = "Plans/stockholm/2024/goals/bu-st-1.md"
        let added = build.commit("new goal", [path: "---\nkind: goal\nid: bu-st-1\ntitle: Fler mår bra\n---\n"])
        build.commit("unrelated", ["Plans/stockholm/county.md": "---\nkind: county\nname: Stockholm\n---\n"])
        let removed = build.commit("remove goal", [path: nil])
        let log = try ItemLog.read(Self.reference("stockholm/2024/bu-st-1"), in: build.history)
        #expect(log.entries.map(\.commit.id) == [removed, added])
        #expect(log.entries.map(\.change) == [.removed, .added])
        #expect(log.entries.map(\.path) == [path, path])
        #expect(log.entries[0].fields.contains { $0.field == "title" && $0.new == nil })
    }

    @Test func aPlanFollowsThePlanItRevises() throws {
        let build = Builder()
        let plan2024 = "Plans/stockholm/2024/plan.md"
        let plan2025 = "Plans/stockholm/2025/plan.md"
        let ids = [
            build.commit("new plan", [plan2024: Self.plan(2024, version: 1)]),
            build.commit("approve", [plan2024: Self.plan(2024, version: 2)]),
            build.commit("revise", [plan2025: Self.plan(2025, version: 3, revises: "stockholm/2024")]),
        ]
        build.tag("stockholm/2024/v2", at: ids[1])
        let log = try ItemLog.read(Self.reference("stockholm/2025"), in: build.history)
        #expect(log.entries.map(\.item.description) == ["stockholm/2025", "stockholm/2024", "stockholm/2024"])
        #expect(log.entries.map(\.commit.id) == ids.reversed())
        #expect(log.entries.map(\.tags) == [[], ["stockholm/2024/v2"], []])
        #expect(log.entries[1].fields == [FieldChange(field: "version", old: .number(.integer(1)), new: .number(.integer(2)))])
    }

    @Test func anItemOnlyInTheWorkingTreeLeadsToWhereItWasCarriedFrom() throws {
        let (build, ids) = Self.carriedHistory()
        let p2027 = "Plans/stockholm/2027/activities/bu-p1.md"
        build.history.workingFiles[p2027] = Array(Self.activity("bu-p1", progress: 0, carriedFrom: "stockholm/2026/bu-p1").utf8)
        let log = try ItemLog.read(Self.reference("stockholm/2027/bu-p1"), in: build.history)
        #expect(log.entries.first?.item.description == "stockholm/2026/bu-p1")
        #expect(log.entries.map(\.commit.id) == ids.reversed())
    }

    @Test func anUnknownItemNamesTheItemsOfTheWorkingTree() throws {
        let (build, _) = Self.carriedHistory()
        build.history.workingFiles = build.files
        let wanted = try Self.reference("stockholm/2026/bu-p9")
        #expect(
            throws: ItemLog.Failure.notFound(
                wanted,
                existing: [
                    try Self.reference("stockholm/2024/bu-p1"), try Self.reference("stockholm/2025/bu-p1"),
                    try Self.reference("stockholm/2026/bu-p1"),
                ])
        ) {
            try ItemLog.read(wanted, in: build.history)
        }
        #expect(
            ItemLog.Failure.notFound(wanted, existing: []).description
                == "no stockholm/2026/bu-p9 in the working tree, HEAD or its history")
    }

    @Test func nothingCommittedYet() throws {
        let history = MemoryHistory(workingFiles: [Self.p2024: Array(Self.activity("bu-p1", progress: 0).utf8)])
        let log = try ItemLog.read(Self.reference("stockholm/2024/bu-p1"), in: history)
        #expect(log.entries.isEmpty)
    }
}
