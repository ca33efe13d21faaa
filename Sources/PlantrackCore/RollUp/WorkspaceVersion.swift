/// The version of a workspace a roll-up reads, and the day it is judged on: a commit
/// (`--rev`, judged on the commit's date), the workspace as committed on a day (`--as-of`:
/// the last first-parent commit of HEAD on or before that day, judged on that day), or the
/// working tree (judged today).
public struct WorkspaceVersion {
    /// The files of the version.
    public let snapshot: any Snapshot
    /// The commit's full id; nil for the working tree.
    public let revision: String?
    /// The day the version is judged on.
    public let day: CalendarDate

    /// How messages name the version: `working tree`, `1a2b3c4`, `HEAD~2 (1a2b3c4)`.
    public var label: String { snapshot.label }

    /// The version `rev` or `asOf` names in `history` (at most one of them is given), else
    /// the working tree judged on `today`. An unknown `rev` throws the history's
    /// ``HistoryError``; an `asOf` with nothing committed on or before it throws
    /// ``WorkspaceVersionError``.
    public init(rev: String?, asOf: CalendarDate?, in history: any History, today: CalendarDate) throws {
        if let asOf {
            guard let head = try history.head() else { throw WorkspaceVersionError.nothingCommitted(asOf: asOf) }
            // Newest first: the first one on or before the day is the last commit of that day.
            let mainline = try history.mainline(from: head.id)
            guard let commit = mainline.first(where: { $0.date <= asOf }) else {
                throw WorkspaceVersionError.beforeFirstCommit(asOf: asOf, first: mainline.last)
            }
            self.init(snapshot: try history.snapshot(at: commit.id, label: nil), revision: commit.id, day: asOf)
            return
        }
        if let rev {
            let commit = try history.commit(named: rev)
            let label = commit.label(forRevision: rev)
            self.init(snapshot: try history.snapshot(at: commit.id, label: label), revision: commit.id, day: commit.date)
            return
        }
        self.init(snapshot: history.workingTree(), revision: nil, day: today)
    }

    /// A version made of `snapshot` (`revision`: its commit id, nil for the working tree),
    /// judged on `day`.
    public init(snapshot: any Snapshot, revision: String?, day: CalendarDate) {
        self.snapshot = snapshot
        self.revision = revision
        self.day = day
    }

    /// The schemas `snapshot` validates against; throws
    /// ``WorkspaceVersionError/unusableSchemas(label:problems:)`` when they cannot be used.
    public static func schemas(of snapshot: some Snapshot) throws -> DocumentSchemas {
        let (schemas, problems) = try DocumentSchemas.load(from: snapshot)
        guard let schemas else { throw WorkspaceVersionError.unusableSchemas(label: snapshot.label, problems: problems) }
        return schemas
    }
}

/// Why a version could not be rolled up.
public enum WorkspaceVersionError: Error, CustomStringConvertible {
    /// `--as-of` was given, and nothing is committed yet.
    case nothingCommitted(asOf: CalendarDate)
    /// Nothing was committed on or before `asOf` on the history of HEAD; `first` is the
    /// first commit, when known.
    case beforeFirstCommit(asOf: CalendarDate, first: HistoryCommit?)
    /// The version's schemas cannot be used; `problems` say why.
    case unusableSchemas(label: String, problems: [Finding])

    public var description: String {
        switch self {
        case .nothingCommitted(let asOf):
            "--as-of \(asOf): nothing is committed yet, so there is no version of that day; "
                + "leave out --as-of to read the working tree"
        case .beforeFirstCommit(let asOf, let first):
            // Say when the history starts and how to read that first version instead.
            "--as-of \(asOf) is before the first commit: nothing was committed on or before that day "
                + "on the history of HEAD"
                + (first.map {
                    "; the first commit (\($0.shortID)) is dated \($0.date): use --as-of \($0.date) "
                        + "or later, or --rev \($0.shortID) to read that commit"
                } ?? "")
        case .unusableSchemas(let label, _):
            "the schemas of \(label) cannot be used; fix Schemas/ in the workspace"
        }
    }
}

extension WorkspaceVersion {
    /// A version's roll-up.
    public struct RolledUp {
        /// The version rolled up.
        public var version: WorkspaceVersion
        /// Its figures, judged on the version's day.
        public var rollUp: RollUp
    }

    /// A version's documents and their roll-up, for reports that list more than figures.
    public struct Read {
        /// The version read.
        public var version: WorkspaceVersion
        /// Every document of the version.
        public var workspace: Workspace
        /// The figures of its valid documents, judged on the version's day.
        public var rollUp: RollUp
    }

    /// The version `rev`/`asOf` names (see ``init(rev:asOf:in:today:)``) rolled up, figures
    /// only, through the memo in `memo` (nil: none): a commit rolled up before costs reading
    /// its trees. `grouping` says which ``RollUp/groups(by:)`` will be asked for, if any.
    public static func figures(
        rev: String?, asOf: CalendarDate?, in history: any History, today: CalendarDate, filter: RollUp.Filter,
        grouping: RollUp.Grouping?, memo: (any RollUpMemoStorage)?
    ) throws -> RolledUp {
        let version = try WorkspaceVersion(rev: rev, asOf: asOf, in: history, today: today)
        return RolledUp(version: version, rollUp: try version.figures(filter: filter, grouping: grouping, memo: memo))
    }

    /// The version `rev`/`asOf` names read whole: its documents validated and rolled up.
    public static func read(
        rev: String?, asOf: CalendarDate?, in history: any History, today: CalendarDate, filter: RollUp.Filter
    ) throws -> Read {
        let version = try WorkspaceVersion(rev: rev, asOf: asOf, in: history, today: today)
        let workspace = try Workspace.read(from: version.snapshot)
        let report = WorkspaceValidator(schemas: try schemas(of: version.snapshot), asOf: version.day).validate(workspace)
        var rollUp = RollUp(
            documents: workspace.documents, invalidPaths: report.invalidPaths,
            unreadablePaths: report.unreadablePaths, asOf: version.day, filter: filter)
        // Suspect links as the validation found them: the rule's one judgement.
        rollUp.setSuspectLinks(SuspectLinks.countsByPlan(findings: report.findings))
        return Read(version: version, workspace: workspace, rollUp: rollUp)
    }

    /// This version's figures through the memo in `memo` (nil: none); see
    /// ``figures(rev:asOf:in:today:filter:grouping:memo:)``.
    public func figures(filter: RollUp.Filter, grouping: RollUp.Grouping?, memo: (any RollUpMemoStorage)?) throws -> RollUp {
        let schemas = try Self.schemas(of: snapshot)
        var state = IncrementalRollUp(memo: memo?.load() ?? RollUpMemo())
        try state.start(from: snapshot)
        state.use(schemas)
        let rollUp = try state.rollUp(asOf: day, filter: filter, withGroups: grouping != nil && grouping != .county)
        memo?.save(state.memo)
        // A command prints and ends: the verdicts of a whole workspace need not be released
        // one by one first.
        keepUntilExit(state)
        return rollUp
    }
}
