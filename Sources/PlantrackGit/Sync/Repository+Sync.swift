import CGit2
import PlantrackCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one file of a `diff --stat` changed.
public struct FileStat: Hashable, Sendable {
    /// The path from the repository root.
    public var path: String
    /// Lines added.
    public var added: Int
    /// Lines removed.
    public var removed: Int
    /// Whether git judges the file binary (no line counts).
    public var isBinary: Bool

    /// Creates a file's stat.
    public init(path: String, added: Int, removed: Int, isBinary: Bool = false) {
        self.path = path
        self.added = added
        self.removed = removed
        self.isBinary = isBinary
    }
}

/// A path that is not committed as it is, with a phrase saying how.
public struct UncommittedPath: Hashable, Sendable {
    /// The path from the working tree's root.
    public var path: String
    /// `modified`, `staged`, `deleted`, `untracked`, `conflicted`.
    public var state: String
}

// The few libgit2 reads and writes a sync needs beyond reading commits: merge bases,
// ahead/behind counts, configuration, line counts of a tree diff, the working tree's status.
extension Repository {
    /// The best common ancestor of two commits, or nil when they share no history
    /// (`git_merge_base`).
    public func mergeBase(_ one: ObjectID, _ other: ObjectID) throws -> ObjectID? {
        var base = git_oid()
        var first = one.oid
        var second = other.oid
        let result = git_merge_base(&base, pointer, &first, &second)
        if result == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try GitError.check(result, "git_merge_base")
        return ObjectID(base)
    }

    /// How many commits `local` has that `upstream` lacks, and the other way round
    /// (`git_graph_ahead_behind`).
    public func aheadBehind(local: ObjectID, upstream: ObjectID) throws -> (ahead: Int, behind: Int) {
        var ahead = 0
        var behind = 0
        var one = local.oid
        var other = upstream.oid
        try GitError.check(git_graph_ahead_behind(&ahead, &behind, pointer, &one, &other), "git_graph_ahead_behind")
        return (ahead, behind)
    }

    /// The string value of configuration entry `name` (`branch.main.remote`), or nil when it
    /// is not set (`git_repository_config_snapshot`, `git_config_get_string`).
    public func configurationValue(_ name: String) throws -> String? {
        var config: OpaquePointer?
        try GitError.check(git_repository_config_snapshot(&config, pointer), "git_repository_config_snapshot")
        let handle = try unwrap(config, "git_repository_config_snapshot")
        defer { git_config_free(handle) }
        var value: UnsafePointer<CChar>?
        let result = git_config_get_string(&value, handle, name)
        if result == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try GitError.check(result, "git_config_get_string", context: "cannot read \(name)")
        return value.map { String(cString: $0) }
    }

    /// The id a reference points at (peeled to the commit for a tag), or nil when there is
    /// no such reference.
    public func commitID(ofReference name: String) -> ObjectID? {
        guard let reference = try? reference(named: name) else { return nil }
        return try? reference.peelToCommit().id
    }

    /// Removes the reference `name`; nothing when there is none (`git_reference_remove`).
    public func removeReference(named name: String) throws {
        let result = git_reference_remove(pointer, name)
        if result == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return
        }
        try GitError.check(result, "git_reference_remove", context: "cannot remove reference '\(name)'")
    }

    /// The full names of every reference that starts with `prefix`, sorted
    /// (`git_reference_list`).
    public func referenceNames(startingWith prefix: String) throws -> [String] {
        var names = git_strarray()
        defer { git_strarray_dispose(&names) }
        try GitError.check(git_reference_list(&names, pointer), "git_reference_list")
        return (0..<names.count).compactMap { index in names.strings[index].map { String(cString: $0) } }
            .filter { $0.hasPrefix(prefix) }.sorted(by: bytewisePrecedes)
    }

    /// The tagger and message of the annotated tag `refs/tags/<name>`; nil for a
    /// lightweight tag or none (`git_tag_lookup`).
    public func annotation(ofTag name: String) -> (tagger: Author, message: String)? {
        guard let target = (try? reference(named: "refs/tags/" + name))?.target else { return nil }
        var tag: OpaquePointer?
        var oid = target.oid
        guard git_tag_lookup(&tag, pointer, &oid) == 0, let tag else {
            git_error_clear()
            return nil
        }
        defer { git_tag_free(tag) }
        guard let signature = git_tag_tagger(tag) else { return nil }
        return (Author(signature), git_tag_message(tag).map { String(cString: $0) } ?? "")
    }

    /// `git diff --stat OLD NEW`: per changed file, lines added and removed, in path order
    /// (`git_diff_tree_to_tree`, `git_patch_from_diff`, `git_patch_line_stats`). A nil tree
    /// is empty.
    public func diffStat(from old: Tree?, to new: Tree?) throws -> [FileStat] {
        var diff: OpaquePointer?
        try GitError.check(
            git_diff_tree_to_tree(&diff, pointer, old?.pointer, new?.pointer, nil), "git_diff_tree_to_tree")
        let handle = try unwrap(diff, "git_diff_tree_to_tree")
        defer { git_diff_free(handle) }
        var stats: [FileStat] = []
        for index in 0..<git_diff_num_deltas(handle) {
            guard let delta = git_diff_get_delta(handle, index) else { continue }
            let file = delta.pointee.status == GIT_DELTA_DELETED ? delta.pointee.old_file : delta.pointee.new_file
            let path = file.path.map { String(cString: $0) } ?? ""
            var patch: OpaquePointer?
            try GitError.check(git_patch_from_diff(&patch, handle, index), "git_patch_from_diff")
            guard let patch else {
                stats.append(FileStat(path: path, added: 0, removed: 0, isBinary: true))
                continue
            }
            defer { git_patch_free(patch) }
            var added = 0
            var removed = 0
            try GitError.check(git_patch_line_stats(nil, &added, &removed, patch), "git_patch_line_stats")
            let binary = delta.pointee.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0
            stats.append(FileStat(path: path, added: added, removed: removed, isBinary: binary))
        }
        withExtendedLifetime((old, new)) {}
        return stats.sorted { bytewisePrecedes($0.path, $1.path) }
    }

    /// The paths a sync must not run over: every tracked file with staged or unstaged
    /// changes, and untracked files below the given folders (`git_status_list_new`).
    /// Ignored files are left out.
    public func uncommittedPaths(untrackedUnder folders: [String]) throws -> [UncommittedPath] {
        var options = git_status_options()
        try GitError.check(
            git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "git_status_options_init")
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
        var list: OpaquePointer?
        try GitError.check(git_status_list_new(&list, pointer, &options), "git_status_list_new")
        let handle = try unwrap(list, "git_status_list_new")
        defer { git_status_list_free(handle) }
        var found: [UncommittedPath] = []
        for index in 0..<git_status_list_entrycount(handle) {
            guard let entry = git_status_byindex(handle, index) else { continue }
            let flags = entry.pointee.status.rawValue
            let delta = entry.pointee.index_to_workdir ?? entry.pointee.head_to_index
            guard let delta else { continue }
            let file = delta.pointee.new_file.path ?? delta.pointee.old_file.path
            let path = file.map { String(cString: $0) } ?? ""
            let state: String
            if flags & GIT_STATUS_CONFLICTED.rawValue != 0 {
                state = "conflicted"
            } else if flags == GIT_STATUS_WT_NEW.rawValue {
                guard folders.contains(where: { path.hasPrefix($0 + "/") }) else { continue }
                state = "untracked"
            } else if flags & GIT_STATUS_IGNORED.rawValue != 0 {
                continue
            } else if flags & (GIT_STATUS_WT_DELETED.rawValue | GIT_STATUS_INDEX_DELETED.rawValue) != 0 {
                state = "deleted"
            } else if flags
                & (GIT_STATUS_WT_MODIFIED.rawValue | GIT_STATUS_WT_TYPECHANGE.rawValue | GIT_STATUS_WT_RENAMED.rawValue) != 0
            {
                state = "modified"
            } else {
                state = "staged"
            }
            found.append(UncommittedPath(path: path, state: state))
        }
        return found.sorted { bytewisePrecedes($0.path, $1.path) }
    }

    /// Stages the working-tree files at `paths` as they are on disk, and unstages those
    /// missing on disk, in the repository's index (`git_index_add_bypath`, `git_index_remove`).
    public func restage(_ paths: [String]) throws {
        guard let workdir else { return }
        let index = try self.index()
        for path in paths {
            var status = stat()
            if lstat(workdir + path, &status) == 0 {
                try GitError.check(
                    git_index_add_bypath(index.pointer, path), "git_index_add_bypath", context: "cannot stage '\(path)'")
            } else if index.entry(atPath: path) != nil {
                try index.remove(path: path)
            }
        }
        try index.write()
    }
}
