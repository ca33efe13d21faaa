import CGit2
import PlantrackCore

extension Repository {
    /// Creates the annotated tag `refs/tags/<name>` on `target` (`git_tag_create`) and
    /// returns the tag object's id. Without `force`, an existing tag of that name gives
    /// ``GitError/Code/exists``.
    @discardableResult
    public func createTag(
        named name: String, target: Commit, tagger: Author, message: String, force: Bool = false
    ) throws -> ObjectID {
        var created = git_oid()
        try tagger.withGitSignature { signature in
            _ = try GitError.check(
                git_tag_create(&created, pointer, name, target.pointer, signature, message, force ? 1 : 0),
                "git_tag_create", context: "cannot create tag '\(name)'")
        }
        return ObjectID(created)
    }

    /// Creates the lightweight tag `refs/tags/<name>` on `target`
    /// (`git_tag_create_lightweight`).
    public func createLightweightTag(named name: String, target: Commit, force: Bool = false) throws {
        var created = git_oid()
        try GitError.check(
            git_tag_create_lightweight(&created, pointer, name, target.pointer, force ? 1 : 0),
            "git_tag_create_lightweight", context: "cannot create tag '\(name)'")
    }

    /// The names of all tags (without `refs/tags/`), or of those matching the fnmatch
    /// `pattern` (`git_tag_list`, `git_tag_list_match`), sorted.
    public func tagNames(matching pattern: String? = nil) throws -> [String] {
        var names = git_strarray()
        defer { git_strarray_dispose(&names) }
        if let pattern {
            try GitError.check(git_tag_list_match(&names, pattern, pointer), "git_tag_list_match")
        } else {
            try GitError.check(git_tag_list(&names, pointer), "git_tag_list")
        }
        let list = (0..<names.count).compactMap { index in
            names.strings[index].map { String(cString: $0) }
        }
        return list.sorted(by: bytewisePrecedes)
    }
}
