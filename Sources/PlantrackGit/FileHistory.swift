import CGit2

/// One commit that changed a file: the file's blob before and after.
public struct FileRevision: Sendable {
    /// The commit.
    public var commit: ObjectID
    /// Who made it and when.
    public var author: Signature
    /// The whole commit message.
    public var message: String
    /// The path the revision is about.
    public var path: String
    /// The file's blob in the commit's first parent (nil when the commit adds it).
    public var oldBlob: ObjectID?
    /// The file's blob in the commit (nil when the commit removes it).
    public var newBlob: ObjectID?
}

extension Repository {
    /// The commits reachable from HEAD that changed `path` against their first parent,
    /// newest first (`git_revwalk` in topological and time order, `git_tree_entry_bypath`).
    /// Empty when HEAD has no commits.
    public func history(ofPath path: String) throws -> [FileRevision] {
        guard !isHeadUnborn else { return [] }
        let walk = try RevisionWalk(repository: self)
        try walk.pushHead()
        var revisions: [FileRevision] = []
        while let id = try walk.next() {
            let commit = try self.commit(id)
            let new = try commit.tree().entry(atPath: path)?.id
            let old = try commit.parents().first.map { try $0.tree().entry(atPath: path)?.id } ?? nil
            guard old != new else { continue }
            revisions.append(FileRevision(commit: id, author: commit.author, message: commit.message, path: path,
                                          oldBlob: old, newBlob: new))
        }
        return revisions
    }
}
