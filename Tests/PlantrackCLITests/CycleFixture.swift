import Foundation
import PlantrackCore
import PlantrackGit

/// A workspace in a temporary folder for the yearly-cycle commands: a git repository whose
/// own configuration holds an identity (libgit2 reads no GIT_AUTHOR_* variables), run with
/// an empty HOME so no user configuration is read.
final class CycleWorkspace {
    let folder: TemporaryFolder
    let home: TemporaryFolder
    let repository: Repository

    /// A repository, optionally with the bundled Plans/ committed, and optionally an identity.
    init(bundled: Bool = false, identity: Bool = true) throws {
        folder = try TemporaryFolder()
        home = try TemporaryFolder()
        repository = try Repository.initialize(at: folder.path, initialBranch: "main")
        if identity {
            try repository.setConfiguration("user.name", to: "Åsa Öberg")
            try repository.setConfiguration("user.email", to: "asa.oberg@example.se")
        }
        if bundled {
            try FileManager.default.copyItem(
                at: CLI.packageRoot.appendingPathComponent("Plans"),
                to: folder.url.appendingPathComponent("Plans"))
            let signature = Author(name: "Test Samordnare", email: "samordnare@example.se", time: 1_609_459_200)
            try repository.commitWorkingFiles(try files(under: "Plans"), message: "bundled plans\n", signature: signature)
        }
    }

    var path: String { folder.path }

    /// Runs plantrack in the workspace with no user git configuration.
    func run(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(arguments, in: folder.url, environment: environment)
    }

    /// The environment commands run with: an empty HOME, no user git configuration.
    var environment: [String: String] {
        ["HOME": home.path, "XDG_CONFIG_HOME": home.path, "EDITOR": "false"]
    }

    /// Every file below `folder` (workspace-relative).
    func files(under relative: String) throws -> [String] {
        let base = folder.url.appendingPathComponent(relative)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var paths: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            paths.append(relative + "/" + url.path.dropFirst(base.path.count + 1))
        }
        return paths.sorted()
    }

    func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.url.appendingPathComponent(relative)))
    }

    func text(_ relative: String) throws -> String {
        String(decoding: try bytes(relative), as: UTF8.self)
    }

    func write(_ relative: String, _ text: String) throws {
        try folder.write(relative, text)
    }

    /// HEAD's id (fresh: other processes move it).
    func head() throws -> ObjectID {
        try Repository.open(at: path).head().id
    }

    /// The messages of the first-parent history, newest first.
    func messages() throws -> [String] {
        let repo = try Repository.open(at: path)
        return try repo.history(from: repo.head().id, firstParentOnly: true).map { try repo.commit($0).summary }
    }

    /// Paths whose working file differs from HEAD or the index.
    func dirtyPaths(_ paths: [String]) throws -> [String] {
        let repo = try Repository.open(at: path)
        return try paths.filter { !(try repo.status(ofPath: $0)).isUnchanged }
    }
}

/// The lines of `after` not in `before` and the other way round, by position after the
/// common prefix and suffix.
func lineChanges(_ before: String, _ after: String) -> (removed: [Substring], added: [Substring]) {
    let old = before.split(separator: "\n", omittingEmptySubsequences: false)
    let new = after.split(separator: "\n", omittingEmptySubsequences: false)
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
        old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    { suffix += 1 }
    return (Array(old[prefix..<(old.count - suffix)]), Array(new[prefix..<(new.count - suffix)]))
}
