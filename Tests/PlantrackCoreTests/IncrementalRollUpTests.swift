import Foundation
import PlantrackCore
import Testing

/// The bundled Plans/ as files in memory, with content ids (git-like) on every entry so the
/// incremental roll-up can memoise by blob.
private struct BlobSnapshot: Snapshot {
    var files: [String: [UInt8]]
    var label: String { "memory" }

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

    func contents(of entry: SnapshotEntry) throws -> [UInt8] { try MemorySnapshot(bytes: files).contents(of: entry) }

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
    let schemas = try #require(DocumentSchemas.load(from: snapshot).schemas)
    let workspace = Workspace.read(from: snapshot)
    let report = WorkspaceValidator(schemas: schemas, asOf: asOf).validate(workspace)
    return RollUp(documents: workspace.documents, invalidPaths: report.invalidPaths, asOf: asOf)
}

private func expectSame(_ a: RollUp, _ b: RollUp, _ note: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(a.plans == b.plans, "\(note): plans", sourceLocation: sourceLocation)
    #expect(a.total == b.total, "\(note): total", sourceLocation: sourceLocation)
    #expect(a.skipped == b.skipped, "\(note): skipped", sourceLocation: sourceLocation)
}

@Suite("IncrementalRollUp")
struct IncrementalRollUpTests {
    let days = ["2021-06-30", "2026-03-31", "2026-11-30"].compactMap(CalendarDate.init)

    @Test("equals validating and rolling up the whole workspace, step after step")
    func equalsFullRollUp() throws {
        var steps: [(String, BlobSnapshot)] = []
        let bundled = try BlobSnapshot.bundled()
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
        // Back to the start: every memo must give way.
        steps.append(("bundled again", bundled))

        var incremental = IncrementalRollUp()
        var previous: BlobSnapshot?
        for (note, snapshot) in steps {
            if let previous {
                incremental.apply(try previous.changes(to: snapshot, under: DocumentLayout.plansFolder), from: snapshot)
            } else {
                incremental.apply(try IncrementalWorkspace.allAdded(in: snapshot), from: snapshot)
                incremental.use(try #require(DocumentSchemas.load(from: snapshot).schemas))
            }
            previous = snapshot
            for day in days {
                expectSame(incremental.rollUp(asOf: day), try fullRollUp(of: snapshot, asOf: day), "\(note) on \(day)")
            }
        }
        // The steps above must have left something out, or they prove little.
        let strictFull = try fullRollUp(of: steps[3].1, asOf: days[2])
        #expect(strictFull.skipped.contains { $0.path == "Plans/uppsala/2026/activities/sp-p1.md" })
        #expect(strictFull.skipped.contains { $0.path == "Plans/stockholm/2021/activities/bu-l1.md" })
    }

    @Test("a plan's rules run again only when its documents, the plans it names, or the settings change")
    func rulesRunOnlyForChangedPlans() throws {
        let bundled = try BlobSnapshot.bundled()
        var incremental = IncrementalRollUp()
        incremental.apply(try IncrementalWorkspace.allAdded(in: bundled), from: bundled)
        incremental.use(try #require(DocumentSchemas.load(from: bundled).schemas))
        _ = incremental.rollUp(asOf: days[1])
        let plans = incremental.ruleRuns
        #expect(plans == 6)
        // Another day, nothing changed, no rule judges dates as an error: no plan runs.
        _ = incremental.rollUp(asOf: days[2])
        #expect(incremental.ruleRuns == plans)
        // One Uppsala 2025 activity changes: its plan, and Uppsala 2026 (whose carried_from
        // names it), run again.
        let edited = try bundled.editing("Plans/uppsala/2025/activities/sam-p1.md") { $0 + "\nEn rad till.\n" }
        incremental.apply(try bundled.changes(to: edited, under: DocumentLayout.plansFolder), from: edited)
        _ = incremental.rollUp(asOf: days[2])
        #expect(incremental.ruleRuns == plans + 2)
    }
}
