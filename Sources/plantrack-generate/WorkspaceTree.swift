import PlantrackGit

/// The workspace's folders held in memory as libgit2 tree builders, so each commit writes
/// only the blobs that changed and the trees on their paths, never the whole workspace.
final class WorkspaceTree {
    /// One folder: its entries live in a `TreeBuilder`; sub-folders that changed since the
    /// last write are listed in `changedChildren` and rewritten bottom-up by `write()`.
    private final class Folder {
        let builder: TreeBuilder
        var children: [String: Folder] = [:]
        var changedChildren: Set<String> = []
        var treeID: ObjectID?

        init(repository: Repository) throws {
            builder = try TreeBuilder(repository: repository)
        }

        func write() throws -> ObjectID {
            if let treeID, changedChildren.isEmpty {
                return treeID
            }
            // Set iteration order does not matter: the builder sorts entries itself.
            for name in changedChildren {
                guard let child = children[name] else { continue }
                try builder.insert(name: name, id: try child.write(), mode: .tree)
            }
            changedChildren.removeAll(keepingCapacity: true)
            let written = try builder.write()
            treeID = written
            return written
        }
    }

    let repository: Repository
    private let root: Folder
    /// How many blobs were written, for the summary.
    private(set) var blobCount = 0

    init(repository: Repository) throws {
        self.repository = repository
        root = try Folder(repository: repository)
    }

    /// Stores `text` as a blob at `folders/name`, creating folders as needed.
    func write(_ change: FileChange) throws {
        var folder = root
        for name in change.folders {
            folder.treeID = nil
            folder.changedChildren.insert(name)
            if let child = folder.children[name] {
                folder = child
            } else {
                let child = try Folder(repository: repository)
                folder.children[name] = child
                folder = child
            }
        }
        folder.treeID = nil
        let blob = try repository.createBlob(Array(change.text.utf8))
        blobCount += 1
        try folder.builder.insert(name: change.name, id: blob, mode: .file)
    }

    /// Writes the changed folders as trees and returns the root tree's id.
    func writeTree() throws -> ObjectID {
        try root.write()
    }
}
