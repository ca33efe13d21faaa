import PlantrackCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A sync stopped at a conflict, kept in `.git/plantrack/sync/state` until `--continue` or
/// `--abort`: one `key value` per line, ids as 40 hex digits.
public struct SyncState: Hashable, Sendable {
    /// The branch being synced, `refs/heads/main`.
    public var branch: String
    /// The remote's name.
    public var remote: String
    /// The branch's tip before the sync; the branch still points here.
    public var originalTip: ObjectID
    /// The remote's tip the local commits are replayed on.
    public var remoteTip: ObjectID
    /// The tip of the replay so far (the remote's tip or the last replayed commit).
    public var replayedTip: ObjectID
    /// The local commit whose replay stopped.
    public var replaying: ObjectID
    /// The local commits still to replay after it, oldest first.
    public var remaining: [ObjectID]
    /// Each local commit already replayed, with the commit that replaces it.
    public var replaced: [(old: ObjectID, new: ObjectID)]
    /// The merged tree, conflicting files with markers: what the working tree was given.
    public var mergedTree: ObjectID
    /// The files with conflicts, which the user settles in the working tree.
    public var conflictPaths: [String]
    /// The attempt the sync stopped in.
    public var attempt: Int

    /// Creates a state.
    public init(
        branch: String, remote: String, originalTip: ObjectID, remoteTip: ObjectID, replayedTip: ObjectID,
        replaying: ObjectID, remaining: [ObjectID], replaced: [(old: ObjectID, new: ObjectID)], mergedTree: ObjectID,
        conflictPaths: [String], attempt: Int
    ) {
        self.branch = branch
        self.remote = remote
        self.originalTip = originalTip
        self.remoteTip = remoteTip
        self.replayedTip = replayedTip
        self.replaying = replaying
        self.remaining = remaining
        self.replaced = replaced
        self.mergedTree = mergedTree
        self.conflictPaths = conflictPaths
        self.attempt = attempt
    }

    public static func == (lhs: SyncState, rhs: SyncState) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// The folder the state lives in.
    public static func folder(of repository: Repository) -> String { repository.path + "plantrack/sync" }

    /// The state file.
    public static func file(of repository: Repository) -> String { folder(of: repository) + "/state" }

    /// The state as written.
    var text: String {
        var lines = [
            "branch \(branch)", "remote \(remote)", "original-tip \(originalTip.hex)", "remote-tip \(remoteTip.hex)",
            "replayed-tip \(replayedTip.hex)", "replaying \(replaying.hex)", "merged-tree \(mergedTree.hex)",
            "attempt \(attempt)",
        ]
        lines += remaining.map { "remaining \($0.hex)" }
        lines += replaced.map { "replaced \($0.old.hex) \($0.new.hex)" }
        lines += conflictPaths.map { "conflict \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the state atomically.
    public func save(in repository: Repository) throws {
        try AtomicFile.write(Array(text.utf8), to: Self.file(of: repository))
    }

    /// The copy of `.git/index` from before the sync, which `--abort` puts back.
    public static func indexCopy(of repository: Repository) -> String { folder(of: repository) + "/index" }

    /// Removes the state (and its folder).
    public static func remove(in repository: Repository) {
        unlink(file(of: repository))
        unlink(indexCopy(of: repository))
        rmdir(folder(of: repository))
    }

    /// The stopped sync of `repository`, or nil when none is stopped. A damaged file is an
    /// error naming its line.
    public static func load(in repository: Repository) throws -> SyncState? {
        let path = file(of: repository)
        guard let handle = fopen(path, "r") else { return nil }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, handle)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        fclose(handle)
        var values: [String: [String]] = [:]
        for (number, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n").enumerated() {
            guard let space = line.firstIndex(of: " ") else {
                throw SyncError.damagedState("\(path):\(number + 1): '\(line)' is not 'key value'")
            }
            values[String(line[..<space]), default: []].append(String(line[line.index(after: space)...]))
        }
        func one(_ key: String) throws -> String {
            guard let value = values[key]?.first else { throw SyncError.damagedState("\(path): no '\(key)' line") }
            return value
        }
        func id(_ text: String) throws -> ObjectID {
            guard let id = ObjectID(hex: text) else { throw SyncError.damagedState("\(path): '\(text)' is not a commit id") }
            return id
        }
        let replaced = try (values["replaced"] ?? []).map { pair -> (old: ObjectID, new: ObjectID) in
            let parts = pair.split(separator: " ")
            guard parts.count == 2 else { throw SyncError.damagedState("\(path): 'replaced \(pair)' needs two ids") }
            return (try id(String(parts[0])), try id(String(parts[1])))
        }
        return SyncState(
            branch: try one("branch"), remote: try one("remote"), originalTip: try id(one("original-tip")),
            remoteTip: try id(one("remote-tip")), replayedTip: try id(one("replayed-tip")),
            replaying: try id(one("replaying")), remaining: try (values["remaining"] ?? []).map(id),
            replaced: replaced, mergedTree: try id(one("merged-tree")), conflictPaths: values["conflict"] ?? [],
            attempt: Int(try one("attempt")) ?? 1)
    }
}
