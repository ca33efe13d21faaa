import PlantrackCore
import PlantrackGit

/// Reads and validates a workspace version and rolls it up, skipping invalid documents.
struct RollUpLoading {
    /// What was rolled up, and from where.
    struct Loaded {
        var rollUp: RollUp
        /// The commit id, or nil for the working tree.
        var revision: String?
        var label: String
        /// The version read, and its documents (for reports that need more than figures).
        var snapshot: any Snapshot
        var workspace: Workspace
    }

    let access: WorkspaceAccess

    /// The roll-up of `snapshot`, judged on `asOf`.
    static func rollUp(of snapshot: some Snapshot, workspace: Workspace, asOf: CalendarDate, filter: RollUp.Filter) throws -> RollUp {
        let (schemas, problems) = DocumentSchemas.load(from: snapshot)
        guard let schemas else {
            FindingPrinter().print(problems)
            throw CLIError("the schemas cannot be used; fix Schemas/ in the workspace")
        }
        let report = WorkspaceValidator(schemas: schemas, asOf: asOf).validate(workspace)
        return RollUp(documents: workspace.documents, invalidPaths: report.invalidPaths, asOf: asOf, filter: filter)
    }

    /// `--rev` (judged on the commit's date), `--as-of` (the last first-parent commit of
    /// HEAD on or before that day) or neither (the working tree, today).
    func load(rev: String?, asOf: CalendarDate?, filter: RollUp.Filter) throws -> Loaded {
        let repository = access.repository
        if let asOf {
            let head: Commit
            do { head = try repository.head() } catch { throw CLIError("\(error)") }
            guard let commit = try repository.lastCommit(onOrBefore: asOf, from: head.id) else {
                let first = try? repository.mainline(from: head.id).first?.date
                throw CLIError("no commit on or before \(asOf) on the history of HEAD"
                               + (first.map { "; the first commit is dated \($0)" } ?? ""))
            }
            let snapshot = CommitSnapshot(commit: commit)
            let workspace = Workspace.read(from: snapshot)
            let rollUp = try Self.rollUp(of: snapshot, workspace: workspace, asOf: asOf, filter: filter)
            return Loaded(rollUp: rollUp, revision: commit.id.hex, label: snapshot.label, snapshot: snapshot,
                          workspace: workspace)
        }
        if let rev {
            let snapshot: CommitSnapshot
            do { snapshot = try repository.snapshot(revision: rev) } catch { throw CLIError("\(error)") }
            let workspace = Workspace.read(from: snapshot)
            let rollUp = try Self.rollUp(of: snapshot, workspace: workspace, asOf: snapshot.commit.date, filter: filter)
            return Loaded(rollUp: rollUp, revision: snapshot.commit.id.hex, label: snapshot.label, snapshot: snapshot,
                          workspace: workspace)
        }
        let snapshot = DirectorySnapshot(root: access.root)
        let workspace = Workspace.read(from: snapshot)
        let rollUp = try Self.rollUp(of: snapshot, workspace: workspace, asOf: .today(), filter: filter)
        return Loaded(rollUp: rollUp, revision: nil, label: snapshot.label, snapshot: snapshot, workspace: workspace)
    }

    /// Says on stderr how many documents were left out and why.
    static func reportSkipped(_ skipped: [RollUp.Skipped]) {
        guard !skipped.isEmpty else { return }
        let noun = skipped.count == 1 ? "document" : "documents"
        var text = "plantrack: \(skipped.count) \(noun) left out of the roll-up (run 'plantrack validate' for details):\n"
        for item in skipped { text += "  \(item.path): \(item.reason)\n" }
        Terminal.standardError.write(text)
    }
}
