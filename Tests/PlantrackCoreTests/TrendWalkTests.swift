import Foundation
import PlantrackCore
import Testing

/// Norrbotten's bundled 2026 plan as files in memory: the workspace the histories below record.
private func norrbotten() throws -> [String: [UInt8]] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let disk = DirectorySnapshot(root: root.path)
    var files: [String: [UInt8]] = [:]
    for entry in try disk.entries(under: DocumentLayout.plansFolder)
    where entry.path == DocumentLayout.settingsPath || entry.path.hasPrefix("Plans/norrbotten/") {
        files[entry.path] = try disk.contents(of: entry)
    }
    return files
}

private let activity = "Plans/norrbotten/2026/activities/bu-l1.md"
private let removedActivity = "Plans/norrbotten/2026/activities/sp-p3.md"

/// A date written in a test; 1970-01-01 for a mistyped one (which no expectation here matches).
private func day(_ text: String) -> CalendarDate { CalendarDate(text) ?? CalendarDate(daysSinceEpoch: 0) }

/// An author whose commit is dated `date` (noon UTC).
private func author(on date: String) -> Author {
    let when = day(date)
    return Author(name: "Test", email: "test@example.org", time: Int64(when.daysSinceEpoch) * 86_400 + 43_200)
}

/// Three commits: the plan as bundled (2026-02-10), one activity with a status no schema
/// allows (2026-04-05), and that activity put right and another removed (2026-06-20).
private func history() throws -> (MemoryHistory, [HistoryCommit]) {
    let history = MemoryHistory()
    var files = try norrbotten()
    let first = history.record(files: files, message: "plan", author: author(on: "2026-02-10"))
    let good = try #require(files[activity])
    files[activity] = Array(
        String(decoding: good, as: UTF8.self)
            .replacingOccurrences(of: "status: in-progress", with: "status: sideways").utf8)
    let broken = history.record(files: files, message: "broken", author: author(on: "2026-04-05"))
    files[activity] = good
    files[removedActivity] = nil
    let mended = history.record(files: files, message: "mended", author: author(on: "2026-06-20"))
    return (history, [first, broken, mended])
}

/// The roll-up the long way: read everything at `id`, validate everything on `asOf`, roll up.
private func fullRollUp(_ history: MemoryHistory, at id: String, asOf: CalendarDate, filter: RollUp.Filter) throws -> RollUp {
    let snapshot = try history.snapshot(at: id, label: nil)
    let schemas = try #require(try DocumentSchemas.load(from: snapshot).schemas)
    let workspace = try Workspace.read(from: snapshot)
    let report = WorkspaceValidator(schemas: schemas, asOf: asOf).validate(workspace)
    return RollUp(
        documents: workspace.documents, invalidPaths: report.invalidPaths,
        unreadablePaths: report.unreadablePaths, asOf: asOf, filter: filter)
}

/// A memo kept in memory between walks, counting what was saved.
private final class MemoryMemoStorage: RollUpMemoStorage {
    var memo = RollUpMemo()
    var saves = 0
    func load() -> RollUpMemo { memo }
    func save(_ memo: RollUpMemo) {
        self.memo = memo
        saves += 1
    }
}

@Suite("trend walks the history of HEAD")
struct TrendWalkTests {
    @Test("each point is the last commit on or before its date, with a from-scratch roll-up's figures")
    func pointsBetweenCommits() throws {
        let (history, commits) = try history()
        let filter = RollUp.Filter()
        let series = try TrendWalk(history: history, filter: filter)
            .series(since: day("2026-01-01"), until: day("2026-07-15"), every: .month)
        #expect(
            series.points.map(\.date.description)
                == ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"])
        // January is before the first commit; the others sample the commit of their date.
        let expected: [String?] = [nil, commits[0].id, commits[0].id, commits[1].id, commits[1].id, commits[2].id]
        #expect(series.points.map(\.commit) == expected)
        #expect(series.points[0].figures == StatusFigures() && series.points[0].year == nil)
        #expect(series.firstCommitDate == (day("2026-02-10")))
        for point in series.points {
            guard let commit = point.commit else { continue }
            let full = try fullRollUp(history, at: commit, asOf: point.date, filter: filter)
            let whole = Trend.Point(date: point.date, commit: commit, rollUp: full, year: nil)
            #expect(point == whole, "\(point.date)")
            #expect(point.year == 2026)
        }
        // The figures do change along the history, so the comparison above compares something.
        #expect(series.points[2].figures != series.points[3].figures)
        #expect(series.points[3].figures != series.points[5].figures)
    }

    @Test("without --since the points start at the first commit's day")
    func startsAtFirstCommit() throws {
        let (history, commits) = try history()
        let series = try TrendWalk(history: history, filter: RollUp.Filter())
            .series(since: nil, until: day("2026-05-31"), every: .month)
        #expect(series.since == commits[0].date)
        #expect(series.points.map(\.date.description) == ["2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"])
    }

    @Test("dates before the first commit have no commit and no figures")
    func beforeFirstCommit() throws {
        let (history, _) = try history()
        let series = try TrendWalk(history: history, filter: RollUp.Filter())
            .series(since: day("2025-10-01"), until: day("2026-01-31"), every: .month)
        #expect(series.points.count == 4)
        #expect(series.points.allSatisfy { $0.commit == nil && $0.figures == StatusFigures() && $0.skipped.isEmpty })
        #expect(series.firstIncomplete == nil)
    }

    @Test("a point whose documents have errors names them, and the errors that left them out")
    func incompletePoints() throws {
        let (history, commits) = try history()
        let series = try TrendWalk(history: history, filter: RollUp.Filter())
            .series(since: day("2026-02-01"), until: day("2026-06-30"), every: .month)
        #expect(series.points.map { $0.skipped.map(\.path) } == [[], [], [activity], [activity], []])
        let first = try #require(series.firstIncomplete)
        #expect(first.point.date == (day("2026-04-30")) && first.commit == commits[1].id && first.later == 1)
        let findings = IncompleteFigures.findings(
            leaving: first.point.skipped, outOf: first.commit, in: history,
            asOf: first.point.date)
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.path == activity && $0.severity == .error })
    }

    @Test("with nothing committed there is no trend")
    func nothingCommitted() throws {
        let history = MemoryHistory(workingFiles: try norrbotten())
        #expect(throws: TrendError.nothingCommitted) {
            try TrendWalk(history: history, filter: RollUp.Filter()).series(since: nil, until: day("2026-05-31"), every: .month)
        }
    }

    @Test("a walk keeps its memo in the storage, and a second walk from it gives the same points")
    func memoStorage() throws {
        let (history, _) = try history()
        let storage = MemoryMemoStorage()
        let walk = TrendWalk(history: history, filter: RollUp.Filter(year: 2026), memo: storage)
        let dates = Trend.periodEnds(since: day("2026-01-01"), until: day("2026-06-30"), every: .month)
        let cold = try walk.points(at: dates)
        #expect(storage.saves == 1 && storage.memo.count > 0)
        let warm = try walk.points(at: dates)
        #expect(warm == cold)
    }
}

@Suite("the version a roll-up reads")
struct WorkspaceVersionTests {
    @Test("--as-of reads the last commit on or before the day, judged on that day")
    func asOf() throws {
        let (history, commits) = try history()
        let version = try WorkspaceVersion(rev: nil, asOf: day("2026-05-01"), in: history, today: day("2027-01-01"))
        #expect(version.revision == commits[1].id)
        #expect(version.day == (day("2026-05-01")))
        #expect(version.label == commits[1].shortID)
    }

    @Test("--as-of before the first commit says when the history starts")
    func asOfBeforeFirstCommit() throws {
        let (history, commits) = try history()
        let error = #expect(throws: WorkspaceVersionError.self) {
            try WorkspaceVersion(rev: nil, asOf: day("2026-01-15"), in: history, today: day("2027-01-01"))
        }
        #expect(
            error?.description == "--as-of 2026-01-15 is before the first commit: nothing was committed on or before "
                + "that day on the history of HEAD; the first commit (\(commits[0].shortID)) is dated 2026-02-10: "
                + "use --as-of 2026-02-10 or later, or --rev \(commits[0].shortID) to read that commit")
    }

    @Test("--as-of with nothing committed says to leave it out")
    func asOfNothingCommitted() throws {
        let history = MemoryHistory(workingFiles: try norrbotten())
        let error = #expect(throws: WorkspaceVersionError.self) {
            try WorkspaceVersion(rev: nil, asOf: day("2026-01-15"), in: history, today: day("2027-01-01"))
        }
        #expect(
            error?.description == "--as-of 2026-01-15: nothing is committed yet, so there is no version of that day; "
                + "leave out --as-of to read the working tree")
    }

    @Test("--rev reads that commit, judged on its date, labelled as written")
    func rev() throws {
        let (history, commits) = try history()
        let version = try WorkspaceVersion(rev: "HEAD~1", asOf: nil, in: history, today: day("2027-01-01"))
        #expect(version.revision == commits[1].id)
        #expect(version.day == (day("2026-04-05")))
        #expect(version.label == "HEAD~1 (\(commits[1].shortID))")
        let byID = try WorkspaceVersion(
            rev: String(commits[0].id.prefix(10)).uppercased(), asOf: nil, in: history,
            today: day("2027-01-01"))
        #expect(byID.revision == commits[0].id && byID.label == commits[0].shortID)
        #expect(throws: HistoryError.self) {
            try WorkspaceVersion(rev: "no-such-tag", asOf: nil, in: history, today: day("2027-01-01"))
        }
    }

    @Test("neither reads the working tree, judged today")
    func workingTree() throws {
        let (history, _) = try history()
        var files = try norrbotten()
        files[removedActivity] = nil
        history.workingFiles = files
        let version = try WorkspaceVersion(rev: nil, asOf: nil, in: history, today: day("2026-11-20"))
        #expect(version.revision == nil && version.day == (day("2026-11-20")))
        #expect(try version.snapshot.entries(under: DocumentLayout.plansFolder).map(\.path) == files.keys.sorted())
    }

    @Test("figures through the memo equal reading the version whole")
    func figuresEqualRead() throws {
        let (history, commits) = try history()
        let filter = RollUp.Filter(year: 2026)
        for asOf in ["2026-03-01", "2026-04-30", "2026-09-30"] {
            let figures = try WorkspaceVersion.figures(
                rev: nil, asOf: day(asOf), in: history, today: day("2027-01-01"),
                filter: filter, grouping: .area, memo: MemoryMemoStorage())
            let read = try WorkspaceVersion.read(
                rev: nil, asOf: day(asOf), in: history, today: day("2027-01-01"),
                filter: filter)
            let full = try fullRollUp(history, at: try #require(read.version.revision), asOf: day(asOf), filter: filter)
            #expect(figures.rollUp.plans == full.plans && figures.rollUp.total(of: 2026) == full.total(of: 2026), "\(asOf)")
            #expect(figures.rollUp.skipped == full.skipped && read.rollUp.skipped == full.skipped, "\(asOf)")
            #expect(figures.rollUp.groups(by: .area) == full.groups(by: .area), "\(asOf)")
            #expect(read.rollUp.plans == full.plans && read.rollUp.total(of: 2026) == full.total(of: 2026), "\(asOf)")
            #expect(read.version.revision == figures.version.revision)
        }
        #expect(
            try WorkspaceVersion(rev: nil, asOf: day("2026-04-30"), in: history, today: day("2027-01-01"))
                .revision == commits[1].id)
    }
}
