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

    /// The schemas `snapshot` validates against; fails (printing why) when they cannot be used.
    static func schemas(of snapshot: some Snapshot) throws -> DocumentSchemas {
        let (schemas, problems) = DocumentSchemas.load(from: snapshot)
        guard let schemas else {
            FindingPrinter().print(problems)
            throw CLIError("the schemas of \(snapshot.label) cannot be used; fix Schemas/ in the workspace")
        }
        return schemas
    }

    /// The version `--rev` (judged on the commit's date), `--as-of` (the last first-parent
    /// commit of HEAD on or before that day) or neither (the working tree, today) names, and
    /// the day it is judged on.
    func version(rev: String?, asOf: CalendarDate?) throws -> (snapshot: any Snapshot, revision: String?, asOf: CalendarDate) {
        let repository = access.repository
        if let asOf {
            guard !repository.isHeadUnborn else {
                throw CLIError("--as-of \(asOf): nothing is committed yet, so there is no version of that day; "
                               + "leave out --as-of to read the working tree")
            }
            let head: Commit
            do { head = try repository.head() } catch { throw CLIError("\(error)") }
            guard let commit = try repository.lastCommit(onOrBefore: asOf, from: head.id) else {
                // Nothing was committed yet on that day: say when the history starts and how
                // to read that first version instead.
                let first = try? repository.mainline(from: head.id).first
                throw CLIError("--as-of \(asOf) is before the first commit: nothing was committed on or before that day "
                               + "on the history of HEAD"
                               + (first.map { "; the first commit (\($0.shortID)) is dated \($0.date): use --as-of \($0.date) "
                                   + "or later, or --rev \($0.shortID) to read that commit" } ?? ""))
            }
            return (CommitSnapshot(commit: commit), commit.id.hex, asOf)
        }
        if let rev {
            let snapshot: CommitSnapshot
            do { snapshot = try repository.snapshot(revision: rev) } catch {
                throw WorkspaceAccess.revisionError(error, spec: rev, in: repository)
            }
            return (snapshot, snapshot.commit.id.hex, snapshot.commit.date)
        }
        return (DirectorySnapshot(root: access.root), nil, .today())
    }

    /// The roll-up of a version, with its documents, for reports that list activities.
    func load(rev: String?, asOf: CalendarDate?, filter: RollUp.Filter) throws -> Loaded {
        let (snapshot, revision, day) = try version(rev: rev, asOf: asOf)
        let workspace = Workspace.read(from: snapshot)
        let report = WorkspaceValidator(schemas: try Self.schemas(of: snapshot), asOf: day).validate(workspace)
        let rollUp = RollUp(documents: workspace.documents, invalidPaths: report.invalidPaths,
                            unreadablePaths: report.unreadablePaths, asOf: day, filter: filter)
        return Loaded(rollUp: rollUp, revision: revision, label: snapshot.label, snapshot: snapshot, workspace: workspace)
    }

    /// The roll-up of a version, figures only, through the memo in `store` (nil: none): a
    /// commit rolled up before costs reading its trees. `grouping` says which
    /// ``RollUp/groups(by:)`` will be asked for, if any.
    func figures(rev: String?, asOf: CalendarDate?, filter: RollUp.Filter, grouping: RollUp.Grouping?,
                 store: RollUpMemoStore?) throws -> (rollUp: RollUp, revision: String?, label: String, snapshot: any Snapshot) {
        let (snapshot, revision, day) = try version(rev: rev, asOf: asOf)
        let schemas = try Self.schemas(of: snapshot)
        var state = IncrementalRollUp(memo: store?.load() ?? RollUpMemo())
        do { try state.start(from: snapshot) } catch { throw CLIError("\(error)") }
        state.use(schemas)
        let rollUp = state.rollUp(asOf: day, filter: filter, withGroups: grouping != nil && grouping != .county)
        store?.save(state.memo)
        // The rollup command prints and ends: the verdicts of a whole workspace need not be
        // released one by one first.
        keepUntilExit(state)
        return (rollUp, revision, snapshot.label, snapshot)
    }

    /// Says on stderr how many documents were left out and why.
    static func reportSkipped(_ skipped: [RollUp.Skipped]) {
        guard !skipped.isEmpty else { return }
        var text = "plantrack: warning: the figures are incomplete: \(EnglishWords.count(skipped.count, "document")) left out "
            + "(run 'plantrack validate' for details):\n"
        for item in skipped { text += "  \(item.path): \(item.reason)\n" }
        Terminal.standardError.write(text)
    }

    /// Ends the run with exit 1 when documents are missing from the figures and
    /// `--allow-invalid` was not given: figures that look whole and are not must not reach
    /// a spreadsheet. Prints the errors of those documents in `snapshot` (judged on
    /// `asOf`), the documents, and what to do.
    static func refuseIncomplete(_ skipped: [RollUp.Skipped], allowInvalid: Bool, snapshot: (any Snapshot)?,
                                 asOf: CalendarDate, at point: String? = nil) throws {
        guard !skipped.isEmpty, !allowInvalid else { return }
        let paths = Set(skipped.map(\.path))
        if let snapshot, let schemas = try? schemas(of: snapshot) {
            let report = WorkspaceValidator(schemas: schemas, asOf: asOf).validate(snapshot)
            keepUntilExit(report)
            FindingPrinter().print(report.findings.filter { $0.severity == .error && paths.contains($0.path) })
        }
        var text = "plantrack: error: \(EnglishWords.count(skipped.count, "document")) could not be counted\(point.map { " at \($0)" } ?? ""):\n"
        for item in skipped { text += "  \(item.path): \(item.reason)\n" }
        text += "Fix them ('plantrack validate' lists every finding), or run again with --allow-invalid "
            + "for figures marked as incomplete.\n"
        Terminal.standardError.write(text)
        throw ExitStatus.findings
    }
}
