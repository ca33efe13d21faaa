#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import PlantrackCore
import PlantrackGit

/// `--commit/--no-commit` and `--wait`: how a command that writes documents records them.
struct WriteOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo,
          help: "Commit the changed files (only them) with your git identity. Refused when a file to change has uncommitted edits; --no-commit writes the files and leaves committing to you.")
    var commit = true

    @Option(help: ArgumentHelp("Seconds to wait for a locked index or another plantrack command writing to the same repository.",
                               valueName: "seconds"))
    var wait: Double = 10
}

/// The one way commands change a workspace: under the repository's write lock, check the
/// files are committed, validate the workspace with the change applied, write each file
/// atomically (temporary file + rename), then commit exactly those files through libgit2.
/// Nothing is written when any step before the write fails.
struct WorkspaceWrite {
    let access: WorkspaceAccess
    let options: WriteOptions

    /// What a change produced: the new bytes of each file and the commit message.
    struct Change {
        var files: [String: [UInt8]]
        var message: String
    }

    /// What was done.
    struct Outcome {
        var paths: [String]
        var commit: ObjectID?
    }

    /// Runs `makeChange` on the workspace as it is on disk (read under the lock, so a
    /// concurrent writer's result is seen) and records its result.
    func perform(_ makeChange: (DirectorySnapshot) throws -> Change) throws -> Outcome {
        let repository = access.repository
        var signature: Signature?
        if options.commit {
            do {
                signature = try Signature.default(in: repository)
            } catch {
                throw CLIError("no git identity is configured, so nothing can be committed: set one with "
                    + "'git config user.name \"Your Name\"' and 'git config user.email you@example.se' "
                    + "(or use --no-commit to only write the files). Nothing was written.")
            }
        }
        let lock: RepositoryWriteLock
        do {
            lock = try RepositoryWriteLock(repository, timeout: options.wait)
        } catch {
            throw CLIError("\(error); waited \(Self.seconds(options.wait)). Nothing was written.")
        }
        defer { lock.release() }
        if options.commit {
            try waitForIndex(repository)
        }
        let snapshot = DirectorySnapshot(root: access.root)
        let change = try makeChange(snapshot)
        let paths = change.files.keys.sorted()
        guard !paths.isEmpty else { return Outcome(paths: [], commit: nil) }
        if options.commit {
            for path in paths {
                let status: PathStatus
                do {
                    status = try repository.status(ofPath: path)
                } catch {
                    throw CLIError("cannot read the git status of \(path): \(error)")
                }
                guard status.isUnchanged || status.isAbsent else {
                    throw CLIError("\(path) \(status.summary); commit or discard them first, or run again with "
                        + "--no-commit to edit the file as it is. Nothing was written.")
                }
            }
        }
        try validate(change.files, on: snapshot)
        for path in paths {
            guard let bytes = change.files[path] else { continue }
            do {
                try FileSystem.writeAtomically(bytes, to: access.root + "/" + path)
            } catch {
                throw CLIError("\(path): \(error)")
            }
        }
        guard let signature else { return Outcome(paths: paths, commit: nil) }
        do {
            let id = try repository.commitWorkingFiles(paths, message: CommitMessage.fitted(change.message), signature: signature)
            return Outcome(paths: paths, commit: id)
        } catch {
            throw CLIError("the files were written, but committing them did not finish: \(error). "
                + "Check with git status and commit them with git (\(paths.joined(separator: " "))).")
        }
    }

    /// Waits (bounded) while another program holds `.git/index.lock`.
    private func waitForIndex(_ repository: Repository) throws {
        let deadline = RepositoryWriteLock.now() + max(0, options.wait)
        while repository.isIndexLocked {
            if RepositoryWriteLock.now() >= deadline {
                throw CLIError("the git index is locked (\(repository.path)index.lock exists): another git program is "
                    + "working in this repository. Waited \(Self.seconds(options.wait)); try again when it has finished "
                    + "(if none is running, delete the lock file). Nothing was written.")
            }
            usleep(50_000)
        }
    }

    /// Refuses a change that adds errors to the workspace.
    private func validate(_ files: [String: [UInt8]], on snapshot: DirectorySnapshot) throws {
        let (schemas, problems) = DocumentSchemas.load(from: snapshot)
        guard let schemas else {
            FindingPrinter().print(problems)
            throw CLIError("the workspace's schemas cannot be used; fix Schemas/ first. Nothing was written.")
        }
        let after = OverlaySnapshot(snapshot, files: files)
        var afterValidator: WorkspaceValidator?
        // An edit of Schemas/ is judged by the schemas it writes.
        if files.keys.contains(where: { $0.hasPrefix(DocumentLayout.schemasFolder + "/") }) {
            let (afterSchemas, afterProblems) = DocumentSchemas.load(from: after)
            guard let afterSchemas else {
                FindingPrinter().print(afterProblems)
                throw CLIError("the new schemas cannot be used. Nothing was written.")
            }
            afterValidator = WorkspaceValidator(schemas: afterSchemas, asOf: .today())
        }
        let check = EditCheck(validator: WorkspaceValidator(schemas: schemas, asOf: .today()), afterValidator: afterValidator)
        let errors = check.newErrors(before: snapshot, after: after)
        guard errors.isEmpty else {
            let printer = FindingPrinter()
            for error in errors {
                printer.print([error])
                // The line as it would have been written: the file on disk does not have it.
                if let location = error.location, let bytes = files[error.path],
                   let line = Self.line(location.line, of: bytes) {
                    Terminal.standardError.write("    \(location.line) | \(line)\n")
                }
            }
            Terminal.standardError.write("plantrack: error: the change would make the workspace invalid (\(EnglishWords.count(errors.count, "error")) above). Nothing was written.\n")
            throw ExitStatus.findings
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

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

extension FileSystem {
    /// Writes bytes atomically (see ``writeAtomically(to:mode:_:)``), creating missing
    /// folders and keeping an existing file's permissions.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        try makeFolders(forFile: path)
        try writeAtomically(to: path) { write in write(bytes) }
    }

    /// Writes a file atomically: `produce` hands its bytes to `write` (in as many pieces as
    /// it likes) into a temporary file beside the target, which is synced and renamed into
    /// place, so a reader sees the old file or the new one, never half of one. `mode` sets
    /// the permissions; nil keeps an existing file's (0644 for a new one).
    static func writeAtomically(to path: String, mode: mode_t? = nil,
                                _ produce: (_ write: ([UInt8]) -> Void) -> Void) throws {
        var permissions: mode_t = 0o644
        var status = stat()
        if let mode {
            permissions = mode
        } else if stat(path, &status) == 0 {
            permissions = status.st_mode & 0o7777
        }
        let temporary = path + ".plantrack-\(getpid()).tmp"
        guard let file = fopen(temporary, "wb") else { throw CLIError("cannot write: \(String(cString: strerror(errno)))") }
        var complete = true
        produce { bytes in
            if complete && !bytes.isEmpty && fwrite(bytes, 1, bytes.count, file) != bytes.count { complete = false }
        }
        let flushed = fflush(file) == 0 && fsync(fileno(file)) == 0
        fclose(file)
        guard complete, flushed, chmod(temporary, permissions) == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIError("cannot write: \(reason)")
        }
    }

    /// Creates the folders above `path` that are missing.
    static func makeFolders(forFile path: String) throws {
        var folder = ""
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (i, part) in parts.enumerated() {
            folder += (i == 0 ? "" : "/") + part
            if folder.isEmpty || isDirectory(folder) { continue }
            if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                throw CLIError("cannot create folder \(folder): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The file's bytes, or nil when it cannot be read.
    static func readBytes(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return bytes
    }
}
