/// What a writing command changes: the new bytes of each file and the commit message.
public struct WorkspaceChange: Sendable {
    /// Workspace-relative path → the file's new bytes. Empty: nothing to write.
    public var files: [String: [UInt8]]
    /// The commit message (its subject is fitted to git's convention when committing).
    public var message: String

    /// Creates a change.
    public init(files: [String: [UInt8]], message: String) {
        self.files = files
        self.message = message
    }
}

/// What a write did: the files written (sorted) and the commit that records them, if any.
public struct WorkspaceWriteOutcome: Sendable {
    /// The paths written, sorted; empty when the change changed nothing.
    public var paths: [String]
    /// The commit; nil without committing or when nothing was written.
    public var commit: HistoryCommit?

    /// Creates an outcome.
    public init(paths: [String], commit: HistoryCommit?) {
        self.paths = paths
        self.commit = commit
    }
}

/// Why a write was refused or did not finish. Each case carries what a user is told: the
/// findings to show (in order), then ``message``.
public enum WorkspaceWriteError: Error, CustomStringConvertible {
    /// Refused, or failed, with this sentence (it says whether anything was written).
    case refused(String)
    /// What was asked for is not in the workspace: `no X in the working tree; …`.
    case notFound(String)
    /// The workspace's schemas (or the ones the change writes) cannot be used: `problems`
    /// say why. Nothing was written.
    case unusableSchemas(problems: [Finding], message: String)
    /// The change would add these errors to the workspace. Nothing was written.
    case invalidChange([RefusedFinding])

    /// An error the change would add, with the line it points at as the change writes it
    /// (the file on disk does not have it yet).
    public struct RefusedFinding: Sendable {
        /// The error.
        public var finding: Finding
        /// The line the finding's location points at, without its line break; nil when the
        /// finding has no location in a changed file.
        public var line: String?
    }

    /// The sentence that closes the report.
    public var message: String {
        switch self {
        case .refused(let text), .notFound(let text): text
        case .unusableSchemas(_, let text): text
        case .invalidChange(let errors):
            "the change would make the workspace invalid (\(EnglishWords.count(errors.count, "error")) above). "
                + "Nothing was written."
        }
    }

    public var description: String { message }
}

/// The one way commands change a workspace, written against ``History``: under the write
/// lock, check the files to change are committed, validate the workspace with the change
/// applied, write each file atomically, then commit exactly those files. Nothing is written
/// when any step before the write fails.
public struct WorkspaceWriter {
    /// The workspace's history.
    public let history: any History
    /// Whether the written files are committed (`--commit`, the default).
    public var commits: Bool
    /// Seconds to wait for the write lock (and, when committing, for git's index).
    public var waitSeconds: Double
    /// The day overdue rules judge against when validating the change.
    public var today: CalendarDate

    /// Creates a writer.
    public init(history: any History, commits: Bool = true, waitSeconds: Double = 10, today: CalendarDate) {
        self.history = history
        self.commits = commits
        self.waitSeconds = waitSeconds
        self.today = today
    }

    /// Runs `makeChange` on the working tree as it is (read under the lock, so a concurrent
    /// writer's result is seen) and records its result. Errors `makeChange` throws pass
    /// through; the writer's own are ``WorkspaceWriteError``.
    public func perform(_ makeChange: (any Snapshot) throws -> WorkspaceChange) throws -> WorkspaceWriteOutcome {
        var author: Author?
        if commits {
            do {
                author = try history.configuredAuthor()
            } catch {
                throw WorkspaceWriteError.refused(
                    "no git identity is configured, so nothing can be committed: set one with "
                        + "'git config user.name \"Your Name\"' and 'git config user.email you@example.se' "
                        + "(or use --no-commit to only write the files). Nothing was written.")
            }
        }
        do {
            return try history.withWriteLock(waiting: waitSeconds, includingIndex: commits) {
                try write(makeChange, author: author)
            }
        } catch HistoryError.locked(let detail) {
            throw WorkspaceWriteError.refused("\(detail). Nothing was written.")
        }
    }

    private func write(_ makeChange: (any Snapshot) throws -> WorkspaceChange, author: Author?) throws
        -> WorkspaceWriteOutcome
    {
        let snapshot = history.workingTree()
        let change = try makeChange(snapshot)
        let paths = change.files.keys.sorted()
        guard !paths.isEmpty else { return WorkspaceWriteOutcome(paths: [], commit: nil) }
        if commits {
            for path in paths {
                let state: WorkingFileState
                do {
                    state = try history.state(ofWorkingFile: path)
                } catch {
                    throw WorkspaceWriteError.refused("cannot read the git status of \(path): \(error)")
                }
                guard state.isUnchanged || state.isAbsent else {
                    throw WorkspaceWriteError.refused(
                        "\(path) \(state.summary); commit or discard them first, or run again with "
                            + "--no-commit to edit the file as it is. Nothing was written.")
                }
            }
        }
        try validate(change.files, on: snapshot)
        for path in paths {
            guard let bytes = change.files[path] else { continue }
            do {
                try history.writeWorkingFiles([path: bytes])
            } catch {
                throw WorkspaceWriteError.refused("\(path): \(error)")
            }
        }
        guard let author else { return WorkspaceWriteOutcome(paths: paths, commit: nil) }
        do {
            let commit = try history.commitWorkingFiles(
                paths, message: CommitMessage.fitted(change.message), author: author)
            return WorkspaceWriteOutcome(paths: paths, commit: commit)
        } catch {
            throw WorkspaceWriteError.refused(
                "the files were written, but committing them did not finish: \(error). "
                    + "Check with git status and commit them with git (\(paths.joined(separator: " "))).")
        }
    }

    /// Refuses a change that adds errors to the workspace.
    private func validate<Base: Snapshot>(_ files: [String: [UInt8]], on snapshot: Base) throws {
        let (schemas, problems) = try DocumentSchemas.load(from: snapshot)
        guard let schemas else {
            throw WorkspaceWriteError.unusableSchemas(
                problems: problems,
                message: "the workspace's schemas cannot be used; fix Schemas/ first. Nothing was written.")
        }
        let after = OverlaySnapshot(snapshot, files: files)
        var afterValidator: WorkspaceValidator?
        // An edit of Schemas/ is judged by the schemas it writes.
        if files.keys.contains(where: { $0.hasPrefix(DocumentLayout.schemasFolder + "/") }) {
            let (afterSchemas, afterProblems) = try DocumentSchemas.load(from: after)
            guard let afterSchemas else {
                throw WorkspaceWriteError.unusableSchemas(
                    problems: afterProblems, message: "the new schemas cannot be used. Nothing was written.")
            }
            afterValidator = WorkspaceValidator(schemas: afterSchemas, asOf: today)
        }
        let check = EditCheck(
            validator: WorkspaceValidator(schemas: schemas, asOf: today), afterValidator: afterValidator)
        let errors = try check.newErrors(before: snapshot, after: after)
        guard errors.isEmpty else {
            throw WorkspaceWriteError.invalidChange(
                errors.map { error in
                    let line = error.location.flatMap { location in
                        files[error.path].flatMap { Self.line(location.line, of: $0) }
                    }
                    return WorkspaceWriteError.RefusedFinding(finding: error, line: line)
                })
        }
    }

    /// Line `number` (from 1) of `bytes`, without its line break.
    static func line(_ number: Int, of bytes: [UInt8]) -> String? {
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        var line = lines[number - 1]
        if line.last == 13 { line = line.dropLast() }
        return String(decoding: line, as: UTF8.self)
    }
}
