import Foundation
import Testing

@testable import PlantrackCore

/// The bundled Plans/ as files in memory, with content ids (git-like) on every entry so the
/// incremental roll-up can memoise by blob.
private struct BlobSnapshot: Snapshot {
    var files: [String: [UInt8]]
    var label: String { "memory" }
    /// Whether folders have ids (as git trees do), so plans are taken in by folder.
    var namesFolders = false
    /// Files whose stored object is corrupted: reading them throws, as a damaged git blob does.
    var damaged: Set<String> = []

    func folder(_ directory: String, id: String?) throws -> SnapshotFolder? {
        guard namesFolders else { return nil }
        let prefix = directory + "/"
        var files: [SnapshotEntry] = []
        var below: [String: [String]] = [:]
        for entry in try entries(under: directory) {
            let rest = entry.path.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                below[prefix + rest[..<slash], default: []].append("\(entry.path) \(entry.contentID ?? "")")
            } else {
                files.append(entry)
            }
        }
        // A folder's id names everything below it, as a git tree id does.
        let subfolders = below.keys.sorted().map { path in
            (
                path: path,
                id: String(
                    below[path, default: []].sorted().joined(separator: "\n").utf8
                        .reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }, radix: 16)
            )
        }
        return SnapshotFolder(files: files, subfolders: subfolders)
    }

    static func bundled() throws -> BlobSnapshot {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let disk = DirectorySnapshot(root: root.path)
        var files: [String: [UInt8]] = [:]
        for entry in try disk.entries(under: DocumentLayout.plansFolder) {
            files[entry.path] = try disk.contents(of: entry)
        }
        return BlobSnapshot(files: files)
    }

    func entries(under directory: String) throws -> [SnapshotEntry] {
        try MemorySnapshot(bytes: files).entries(under: directory).map { entry in
            var copy = entry
            copy.contentID = files[entry.path].map { bytes in
                String(bytes.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }, radix: 16)
            }
            return copy
        }
    }

    func contents(of entry: SnapshotEntry) throws -> [UInt8] {
        if damaged.contains(entry.path) {
            throw HistoryError.corrupted(object: entry.contentID ?? "-", path: entry.path, detail: "its bytes hash to 0")
        }
        return try MemorySnapshot(bytes: files).contents(of: entry)
    }

    /// A copy with `path`'s text edited by `edit` (or the file removed when it returns nil).
    func editing(_ path: String, _ edit: (String) -> String?) throws -> BlobSnapshot {
        var copy = self
        let text = try #require(files[path].map { String(decoding: $0, as: UTF8.self) })
        copy.files[path] = edit(text).map { Array($0.utf8) }
        return copy
    }
}

/// The roll-up the long way: read everything, validate everything, roll up.
private func fullRollUp(of snapshot: BlobSnapshot, asOf: CalendarDate) throws -> RollUp {
    let schemas = try #require(try DocumentSchemas.load(from: snapshot).schemas)
    let workspace = try Workspace.read(from: snapshot)
    let report = WorkspaceValidator(schemas: schemas, asOf: asOf).validate(workspace)
    return RollUp(
        documents: workspace.documents, invalidPaths: report.invalidPaths,
        unreadablePaths: report.unreadablePaths, asOf: asOf)
}

private func expectSame(_ a: RollUp, _ b: RollUp, _ note: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(a.plans == b.plans, "\(note): plans", sourceLocation: sourceLocation)
    #expect(a.years == b.years, "\(note): years", sourceLocation: sourceLocation)
    for year in a.years {
        #expect(a.total(of: year) == b.total(of: year), "\(note): total of \(year)", sourceLocation: sourceLocation)
    }
    #expect(a.skipped == b.skipped, "\(note): skipped", sourceLocation: sourceLocation)
    for grouping in RollUp.Grouping.allCases {
        #expect(a.groups(by: grouping) == b.groups(by: grouping), "\(note): by \(grouping)", sourceLocation: sourceLocation)
    }
}

/// The plan the steps make unreadable.
private let unreadablePlan = "Plans/skane/2026/plan.md"

/// Steps through versions of the bundled workspace that reach across plans: a schema error,
/// a carried_from target removed, a settings change that makes the day decide, an unreadable plan.
private func steps(namesFolders: Bool = false) throws -> [(String, BlobSnapshot)] {
    var steps: [(String, BlobSnapshot)] = []
    var bundled = try BlobSnapshot.bundled()
    bundled.namesFolders = namesFolders
    steps.append(("bundled", bundled))
    // A schema error in one activity.
    let bad = try bundled.editing("Plans/uppsala/2026/activities/sp-p1.md") {
        $0.replacingOccurrences(of: "status: in-progress", with: "status: klar")
    }
    steps.append(("schema error", bad))
    // The activity a 2021 activity is carried from disappears: an error in a plan whose
    // own documents did not change.
    let removed = try bad.editing("Plans/stockholm/2020/activities/bu-p3.md") { _ in nil }
    steps.append(("carried_from target removed", removed))
    // Overdue made an error by the settings: now the day decides what is left out.
    let strict = try removed.editing("Plans/workspace.yaml") { $0 + "rules:\n  dates.overdue: error\n" }
    steps.append(("overdue is an error", strict))
    // The light's thresholds change while no plan does: no part may be served from before.
    let lights = try strict.editing("Plans/workspace.yaml") {
        $0 + "traffic_light:\n  tolerance: 0\n  red_overdue: 1\n  red_off_schedule_percent: 10\n"
    }
    steps.append(("strict traffic light", lights))
    // A plan that cannot be read (a tab in its YAML): it is unreadable, its goals and
    // activities are left out with it.
    let unreadable = try lights.editing(unreadablePlan) { $0.replacingOccurrences(of: "\ntitle:", with: "\n\ttitle:") }
    steps.append(("unreadable plan", unreadable))
    // Back to the start: every memo must give way.
    steps.append(("bundled again", bundled))
    return steps
}

/// A roll-up that took in every file of `snapshot` (as changes from nothing) and its schemas.
private func started(_ snapshot: some Snapshot, memo: RollUpMemo = RollUpMemo()) throws -> IncrementalRollUp {
    var incremental = IncrementalRollUp(memo: memo)
    incremental.apply(try IncrementalRollUp.allAdded(in: snapshot), from: snapshot)
    incremental.use(try #require(try DocumentSchemas.load(from: snapshot).schemas))
    return incremental
}

/// Walks `steps` with `incremental`, checking each against the long way on every day.
private func walk(_ steps: [(String, BlobSnapshot)], with incremental: inout IncrementalRollUp, days: [CalendarDate]) throws {
    var previous: BlobSnapshot?
    for (note, snapshot) in steps {
        if let previous {
            incremental.apply(try previous.changes(to: snapshot, under: DocumentLayout.plansFolder), from: snapshot)
        } else {
            try incremental.start(from: snapshot)
            incremental.use(try #require(try DocumentSchemas.load(from: snapshot).schemas))
        }
        previous = snapshot
        for day in days {
            expectSame(try incremental.rollUp(asOf: day), try fullRollUp(of: snapshot, asOf: day), "\(note) on \(day)")
        }
    }
}

@Suite("IncrementalRollUp")
struct IncrementalRollUpTests {
    @Test("the strict thresholds step changes lights (so the step above tests something)")
    func thresholdsStepChangesLights() throws {
        let all = try steps()
        let day = try #require(CalendarDate("2026-11-30"))
        let before = try fullRollUp(of: all[3].1, asOf: day).plans.filter { $0.year == 2026 }.map(\.light)
        let after = try fullRollUp(of: all[4].1, asOf: day).plans.filter { $0.year == 2026 }.map(\.light)
        #expect(all[4].0 == "strict traffic light")
        #expect(before.count == 3)
        #expect(before != after)
        #expect(after == [.red, .red, .red])
    }

    let days = ["2021-06-30", "2026-03-31", "2026-11-30"].compactMap(CalendarDate.init)

    @Test("a roll-up says why each document is left out: unreadable, errors, or its plan left out")
    func causes() throws {
        let all = try steps()
        let schemaError = try #require(all.first { $0.0 == "schema error" }).1
        let unreadable = try #require(all.first { $0.0 == "unreadable plan" }).1
        let day = try #require(CalendarDate("2026-11-30"))
        let bad = try fullRollUp(of: schemaError, asOf: day)
        #expect(bad.skipped == [RollUp.Skipped(path: "Plans/uppsala/2026/activities/sp-p1.md", reason: "has errors", cause: .errors)])
        #expect(bad.isIncomplete)
        let broken = try fullRollUp(of: unreadable, asOf: day)
        #expect(broken.skipped.contains(RollUp.Skipped(path: unreadablePlan, reason: "could not be read", cause: .unreadable)))
        let members = broken.skipped.filter { $0.path.hasPrefix("Plans/skane/2026/") && $0.path != unreadablePlan }
        #expect(!members.isEmpty && members.allSatisfy { $0.cause == .planLeftOut })
        // A filter that leaves the plan out leaves its documents out of the list too.
        let other = RollUp(
            documents: try Workspace.read(from: unreadable).documents,
            invalidPaths: [unreadablePlan], unreadablePaths: [unreadablePlan], asOf: day,
            filter: RollUp.Filter(counties: ["uppsala"]))
        #expect(!other.skipped.contains { $0.path.hasPrefix("Plans/skane/") })
        // The bundled plans are whole.
        #expect(!(try fullRollUp(of: all[0].1, asOf: day)).isIncomplete)
    }

    @Test("equals validating and rolling up the whole workspace, step after step", arguments: [false, true])
    func equalsFullRollUp(namesFolders: Bool) throws {
        let steps = try steps(namesFolders: namesFolders)
        var incremental = IncrementalRollUp()
        try walk(steps, with: &incremental, days: days)
        // The steps above must have left something out, or they prove little.
        let strictFull = try fullRollUp(of: steps[3].1, asOf: days[2])
        #expect(strictFull.skipped.contains { $0.path == "Plans/uppsala/2026/activities/sp-p1.md" })
        #expect(strictFull.skipped.contains { $0.path == "Plans/stockholm/2021/activities/bu-l1.md" })
    }

    @Test("with the memo of an earlier run it parses no plan document and gives the same figures", arguments: [false, true])
    func warmMemo(namesFolders: Bool) throws {
        let steps = try steps(namesFolders: namesFolders)
        var cold = IncrementalRollUp()
        try walk(steps, with: &cold, days: days)
        let bytes = cold.memo.encoded(fingerprint: "test 1")
        let memo = try #require(RollUpMemo(decoding: bytes, fingerprint: "test 1"))
        #expect(memo.count == cold.memo.count)
        var warm = IncrementalRollUp(memo: memo)
        try walk(steps, with: &warm, days: days)
        #expect(warm.ruleRuns == 0)
        // Only the county documents and the settings, which the memo does not keep: those of
        // the first version, and each time one changed.
        func isOther(_ path: String) -> Bool { path.hasSuffix("/county.md") || path == DocumentLayout.settingsPath }
        var others = try steps[0].1.entries(under: "Plans").filter { isOther($0.path) }.count
        for (before, after) in zip(steps, steps.dropFirst()) {
            others += try before.1.changes(to: after.1, under: "Plans").filter { isOther($0.path) && $0.new != nil }.count
        }
        #expect(warm.parseCount == others)
        #expect(warm.parseCount < cold.parseCount / 10)
        #expect(!warm.memo.hasNewEntries)
        // Past its size limit a memo keeps what the last run used: a run over the first
        // version alone keeps fewer records, and they still serve that version.
        var first = IncrementalRollUp(memo: memo)
        try walk(Array(steps.prefix(1)), with: &first, days: [days[0]])
        let trimmed = try #require(RollUpMemo(decoding: first.memo.encoded(fingerprint: "test 1", limit: 0), fingerprint: "test 1"))
        #expect(trimmed.count < memo.count)
        var again = IncrementalRollUp(memo: trimmed)
        try walk(Array(steps.prefix(1)), with: &again, days: [days[0]])
        #expect(again.ruleRuns == 0)
    }

    @Test("a memo written by a build of other sources is ignored, and one of these sources is read")
    func otherSources() throws {
        let bundled = try BlobSnapshot.bundled()
        var cold = try started(bundled)
        let expected = try cold.rollUp(asOf: days[1])
        // The fingerprint is made at build time: a SHA-256 in hexadecimal.
        #expect(RollUpMemo.sourceFingerprint.count == 64)
        #expect(RollUpMemo.sourceFingerprint.allSatisfy { "0123456789abcdef".contains($0) })
        let other = String(RollUpMemo.sourceFingerprint.reversed())
        #expect(other != RollUpMemo.sourceFingerprint)
        #expect(RollUpMemo(decoding: cold.memo.encoded(fingerprint: other)) == nil)
        // The same records under this build's fingerprint are read, and serve every plan.
        let current = try #require(RollUpMemo(decoding: cold.memo.encoded()))
        #expect(current.count == cold.memo.count)
        var warm = try started(bundled, memo: current)
        expectSame(try warm.rollUp(asOf: days[1]), expected, "warm")
        #expect(warm.ruleRuns == 0)
        #expect(!warm.memo.hasNewEntries)
    }

    @Test("a memo from another version, or damaged, is not trusted")
    func distrust() throws {
        let bundled = try BlobSnapshot.bundled()
        var cold = try started(bundled)
        let expected = try cold.rollUp(asOf: days[1])
        let bytes = cold.memo.encoded(fingerprint: "test 1")
        #expect(RollUpMemo(decoding: bytes, fingerprint: "test 2") == nil)
        #expect(RollUpMemo(decoding: Array(bytes.dropLast()), fingerprint: "test 1") == nil)
        #expect(RollUpMemo(decoding: [], fingerprint: "test 1") == nil)
        var otherFormat = bytes
        otherFormat[4] &+= 1
        #expect(RollUpMemo(decoding: otherFormat, fingerprint: "test 1") == nil)
        // One damaged byte anywhere: either the whole file is refused, or the damaged record
        // is a miss and its figures are worked out again — never wrong figures.
        var readable = 0
        for offset in stride(from: 40, to: bytes.count, by: max(1, bytes.count / 25)) {
            var damaged = bytes
            damaged[offset] ^= 0x5a
            guard let memo = RollUpMemo(decoding: damaged, fingerprint: "test 1") else { continue }
            readable += 1
            var warm = try started(bundled, memo: memo)
            expectSame(try warm.rollUp(asOf: days[1]), expected, "byte \(offset) damaged")
        }
        #expect(readable > 0)
    }

    @Test("a corrupted object fails the roll-up and leaves nothing in the memo", arguments: [false, true])
    func corruptedObject(namesFolders: Bool) throws {
        var bundled = try BlobSnapshot.bundled()
        bundled.namesFolders = namesFolders
        let path = "Plans/uppsala/2026/activities/sp-p1.md"
        var damaged = bundled
        damaged.damaged = [path]
        var broken = IncrementalRollUp()
        try broken.start(from: damaged)
        broken.use(try #require(try DocumentSchemas.load(from: damaged).schemas))
        #expect(throws: HistoryError.self) { _ = try broken.rollUp(asOf: days[1]) }
        #expect(broken.verdicts[path] == nil)
        // Reading and validating the whole snapshot fail the same way: no finding is made of it.
        #expect(throws: HistoryError.self) { _ = try Workspace.read(from: damaged) }
        let schemas = try #require(try DocumentSchemas.load(from: bundled).schemas)
        #expect(throws: HistoryError.self) { _ = try WorkspaceValidator(schemas: schemas, asOf: days[1]).validate(damaged) }
        // The memo of the failed run serves the repaired object (the same content id) its
        // right figures.
        var repaired = IncrementalRollUp(memo: broken.memo)
        try repaired.start(from: bundled)
        repaired.use(schemas)
        expectSame(try repaired.rollUp(asOf: days[1]), try fullRollUp(of: bundled, asOf: days[1]), "repaired")
    }

    @Test("content without blob ids (the working tree) is worked out but never kept")
    func workingTreeIsNotKept() throws {
        let bundled = try BlobSnapshot.bundled()
        let disk = MemorySnapshot(bytes: bundled.files)
        var incremental = try started(disk)
        expectSame(try incremental.rollUp(asOf: days[1]), try fullRollUp(of: bundled, asOf: days[1]), "working tree")
        #expect(!incremental.memo.hasNewEntries)
        let runs = incremental.ruleRuns
        _ = try incremental.rollUp(asOf: days[2])
        #expect(incremental.ruleRuns == runs)
    }

    @Test("a plan's rules run again only when its documents, the plans it names, or the settings change")
    func rulesRunOnlyForChangedPlans() throws {
        let bundled = try BlobSnapshot.bundled()
        var incremental = try started(bundled)
        _ = try incremental.rollUp(asOf: days[1])
        let plans = incremental.ruleRuns
        #expect(plans == 6)
        // Another day, nothing changed, no rule judges dates as an error: no plan runs.
        _ = try incremental.rollUp(asOf: days[2])
        #expect(incremental.ruleRuns == plans)
        // One Uppsala 2025 activity changes: its plan, and Uppsala 2026 (whose carried_from
        // names it), run again.
        let edited = try bundled.editing("Plans/uppsala/2025/activities/sam-p1.md") { $0 + "\nEn rad till.\n" }
        incremental.apply(try bundled.changes(to: edited, under: DocumentLayout.plansFolder), from: edited)
        _ = try incremental.rollUp(asOf: days[2])
        #expect(incremental.ruleRuns == plans + 2)
    }
}
