import PlantrackCore
import PlantrackGit

/// Finds the workspace and opens the snapshot a command asked for.
struct WorkspaceAccess {
    /// The git repository of the workspace.
    let repository: Repository
    /// The workspace root on disk (the repository's working folder).
    let root: String

    /// Finds the workspace from `--workspace` or the current directory.
    init(_ options: WorkspaceOptions) throws {
        let start = options.workspace ?? FileSystem.currentDirectory()
        guard FileSystem.isDirectory(start) else {
            throw CLIError("\(start): no such folder")
        }
        let repository: Repository
        do {
            // Read objects as git does, without hashing each again (see Libgit2).
            try? Libgit2.setStrictHashVerification(false)
            repository = try Repository.discover(from: start)
        } catch {
            throw CLIError("\(start): not inside a git repository (a workspace is a git repository whose root holds Plans/; "
                           + "create one with 'git init' or pass --workspace PATH)")
        }
        guard let workdir = repository.workdir else {
            throw CLIError("\(repository.path): is a bare repository; plantrack needs a working folder")
        }
        self.repository = repository
        self.root = workdir.hasSuffix("/") && workdir.count > 1 ? String(workdir.dropLast()) : workdir
    }

    /// The snapshot of the documents as the source says.
    func snapshot(_ source: DocumentSource) throws -> any Snapshot {
        switch source {
        case .workingTree:
            return DirectorySnapshot(root: root)
        case .index:
            do {
                return try repository.indexSnapshot()
            } catch {
                throw CLIError("cannot read the index: \(error)")
            }
        case .revision(let spec):
            do {
                return try repository.snapshot(revision: spec)
            } catch {
                throw CLIError("\(error)")
            }
        }
    }

    /// Reads every document of the source.
    func read(_ source: DocumentSource) throws -> Workspace {
        Workspace.read(from: try snapshot(source))
    }
}
