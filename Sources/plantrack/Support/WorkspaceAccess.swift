import JSONSchema
import PlantrackCore
import PlantrackGit

/// Finds the workspace and opens the snapshot a command asked for.
struct WorkspaceAccess {
    /// The git repository of the workspace.
    let repository: Repository
    /// The workspace root on disk (the repository's working folder).
    let root: String

    /// Finds the workspace from `--workspace` or the current directory. Unless told it may
    /// be missing (`init` makes it), the root must hold `Plans/`: a git repository without
    /// it is not a workspace, and reading it would only say "0 documents".
    init(_ options: WorkspaceOptions, requiringPlans: Bool = true) throws {
        let start = options.workspace ?? FileSystem.currentDirectory()
        guard FileSystem.isDirectory(start) else {
            throw CLIError("\(start): no such folder")
        }
        let repository: Repository
        do {
            repository = try Repository.discover(from: start)
        } catch {
            if FileSystem.isDirectory(start + "/" + DocumentLayout.plansFolder) {
                // The plans are here, only git is missing.
                throw CLIError(
                    "\(start): not inside a git repository (a workspace is a git repository whose root holds "
                        + "Plans/); make this folder one with 'git init' and commit Plans/, or pass --workspace PATH")
            }
            throw CLIError(
                "\(start): not inside a workspace (a git repository whose root holds Plans/); "
                    + "start one here with 'plantrack init . --county ID --county-name NAME --code NN', "
                    + "or pass --workspace PATH")
        }
        guard let workdir = repository.workdir else {
            throw CLIError("\(repository.path): is a bare repository; plantrack needs a working folder")
        }
        self.repository = repository
        self.root = workdir.hasSuffix("/") && workdir.count > 1 ? String(workdir.dropLast()) : workdir
        if requiringPlans, !FileSystem.isDirectory(root + "/" + DocumentLayout.plansFolder) {
            throw CLIError(
                "\(root): no \(DocumentLayout.plansFolder)/ folder, so this git repository is not a workspace; "
                    + "start one here with 'plantrack init . --county ID --county-name NAME --code NN', "
                    + "or pass --workspace PATH")
        }
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
                throw Self.revisionError(error, spec: spec, in: repository)
            }
        }
    }

    /// Reads every document of the source.
    func read(_ source: DocumentSource) throws -> Workspace {
        try Workspace.read(from: snapshot(source))
    }

    /// The error for a revision that cannot be read: an unknown one names the nearest tags
    /// (plantrack's tags are `county/year/vN`, easy to mistype), others say what git said.
    static func revisionError(_ error: any Error, spec: String, in repository: Repository) -> CLIError {
        guard let gitError = error as? GitError, gitError.code == .notFound || gitError.code == .invalidSpec,
            !(spec.hasPrefix("HEAD") && repository.isHeadUnborn)
        else { return CLIError("\(error)") }
        let tags = (try? repository.tagNames()) ?? []
        guard !tags.isEmpty else {
            return CLIError(
                "unknown revision '\(spec)': no commit, branch or tag has that name, and there are no tags yet "
                    + "(plantrack approve tags each adopted version)")
        }
        let nearest = nearestTags(to: spec, among: tags)
        return CLIError(
            "unknown revision '\(spec)': no commit, branch or tag has that name; "
                + "the nearest tags: \(nearest.joined(separator: ", "))"
                + (tags.count > nearest.count ? " (\(tags.count) tags in all: git tag)" : ""))
    }

    /// Up to five tags, nearest to `spec` by edit distance first; ties sorted by name.
    static func nearestTags(to spec: String, among tags: [String]) -> [String] {
        let written = Array(spec.lowercased().unicodeScalars)
        let scored = tags.map { tag -> (Int, String) in
            let other = Array(tag.lowercased().unicodeScalars)
            let limit = max(written.count, other.count)
            return (Suggestions.distance(written, other, limit: limit), tag)
        }
        return scored.sorted { $0 < $1 }.prefix(5).map(\.1)
    }
}
