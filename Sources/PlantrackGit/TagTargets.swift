import CGit2

extension Repository {
    /// The tags whose names match the fnmatch `pattern` (all without one), each with the
    /// commit it names (annotated tags peeled), in name order. Tags that do not lead to a
    /// commit are left out.
    public func tagTargets(matching pattern: String? = nil) throws -> [(name: String, commit: ObjectID)] {
        try tagNames(matching: pattern).compactMap { name in
            guard let commit = try? reference(named: "refs/tags/" + name).peelToCommit() else { return nil }
            return (name, commit.id)
        }
    }

    /// Whether `ancestor` is `commit` itself or a commit `commit` was built on
    /// (`git_graph_descendant_of`).
    public func isAncestor(_ ancestor: ObjectID, of commit: ObjectID) throws -> Bool {
        if ancestor == commit { return true }
        var descendant = commit.oid
        var older = ancestor.oid
        let result = try GitError.check(git_graph_descendant_of(pointer, &descendant, &older), "git_graph_descendant_of")
        return result == 1
    }
}
