#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The reading half of the seam, with the meaning git gives it (see ``History``).
extension MemoryHistory {
    public func head() throws -> HistoryCommit? {
        guard let headID else { return nil }
        return try commit(id: headID)
    }

    public func headBranch() throws -> String? {
        headBranchName
    }

    /// Understands what tests write: `HEAD`, a tag (`refs/tags/…` too), a full or abbreviated
    /// id (four digits or more), each optionally followed by `~`, `~N`, `^` or `^N` steps.
    public func commit(named revision: String) throws -> HistoryCommit {
        var rest = Substring(revision)
        var base = ""
        while let first = rest.first, first != "~", first != "^" {
            base.append(first)
            rest = rest.dropFirst()
        }
        var id: String
        if base == "HEAD" {
            guard let headID else { throw HistoryError.noCommits(revision: revision) }
            id = headID
        } else if let tagged = tagRecords[base] ?? tagRecords[base.droppingPrefix("refs/tags/")] {
            id = tagged.commitID
        } else {
            id = try commitID(abbreviated: base, revision: revision)
        }
        while let step = rest.first {
            rest = rest.dropFirst()
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(digits.count)
            let count = digits.isEmpty ? 1 : Int(digits) ?? -1
            guard count >= 0 else { throw unknown(revision) }
            if step == "~" {
                for _ in 0..<count {
                    guard let parent = try commit(id: id).parentIDs.first else { throw unknown(revision) }
                    id = parent
                }
            } else if count > 0 {
                let parents = try commit(id: id).parentIDs
                guard count <= parents.count else { throw unknown(revision) }
                id = parents[count - 1]
            }
        }
        return try commit(id: id)
    }

    public func commit(id: String) throws -> HistoryCommit {
        try stored(id).commit
    }

    public func mainline(from id: String) throws -> [HistoryCommit] {
        var result: [HistoryCommit] = []
        var next: String? = id
        while let current = next {
            let commit = try commit(id: current)
            result.append(commit)
            next = commit.parentIDs.first
        }
        return result
    }

    /// Newest first as libgit2 walks (topological and time order): a commit comes out once
    /// every child of it has, the newest commit time first among those that may.
    public func ancestry(from id: String) throws -> [HistoryCommit] {
        var reachable: [String: HistoryCommit] = [:]
        var pending = [id]
        while let current = pending.popLast() {
            guard reachable[current] == nil else { continue }
            let commit = try commit(id: current)
            reachable[current] = commit
            pending += commit.parentIDs
        }
        var waitingChildren: [String: Int] = [:]
        for commit in reachable.values {
            for parent in Set(commit.parentIDs) { waitingChildren[parent, default: 0] += 1 }
        }
        var ready = reachable.values.filter { waitingChildren[$0.id, default: 0] == 0 }
        var result: [HistoryCommit] = []
        while !ready.isEmpty {
            ready.sort { ($0.author.time, $0.id) < ($1.author.time, $1.id) }
            let commit = ready.removeLast()
            result.append(commit)
            for parent in Set(commit.parentIDs) {
                waitingChildren[parent, default: 0] -= 1
                if waitingChildren[parent] == 0, let next = reachable[parent] { ready.append(next) }
            }
        }
        return result
    }

    public func isAncestor(_ ancestor: String, of id: String) throws -> Bool {
        var seen: Set<String> = []
        var pending = [id]
        while let current = pending.popLast() {
            if current == ancestor { return true }
            guard seen.insert(current).inserted else { continue }
            pending += try commit(id: current).parentIDs
        }
        _ = try stored(ancestor)
        return false
    }

    public func snapshot(at id: String, label: String?) throws -> any Snapshot {
        let commit = try stored(id)
        return CommittedFiles(label: label ?? commit.commit.shortID, files: commit.files)
    }

    public func changes(from old: String?, to new: String, under folder: String) throws -> [SnapshotChange] {
        let before = try old.map { try CommittedFiles(label: $0, files: stored($0).files) }
        let after = CommittedFiles(label: new, files: try stored(new).files)
        return SnapshotChange.merge(before?.entries(in: folder) ?? [], after.entries(in: folder)) {
            $0.contentID == $1.contentID
        }
    }

    public func contentID(of path: String, at id: String) throws -> String? {
        try stored(id).files[path].map(GitBlobID.of)
    }

    public func contents(ofContent id: String, path: String) throws -> [UInt8] {
        for commit in commits.values {
            for (_, bytes) in commit.files where GitBlobID.of(bytes) == id { return bytes }
        }
        throw HistoryError.corrupted(object: id, path: path, detail: "no such content")
    }

    public func tags(matching pattern: String?) throws -> [HistoryTag] {
        tagRecords.keys
            .filter { name in pattern.map { fnmatch($0, name, 0) == 0 } ?? true }
            .sorted { $0.precedesInByteOrder($1) }
            .compactMap { name in
                guard let commitID = tagRecords[name]?.commitID, commits[commitID] != nil else { return nil }
                return HistoryTag(name: name, commitID: commitID)
            }
    }

    // MARK: Helpers

    private func stored(_ id: String) throws -> StoredCommit {
        guard let commit = commits[id] else { throw HistoryError.failed("no commit \(id)") }
        return commit
    }

    /// The one commit whose id starts with `prefix` (four hex digits or more).
    private func commitID(abbreviated prefix: String, revision: String) throws -> String {
        let lowered = prefix.lowercased()
        guard lowered.count >= 4, lowered.allSatisfy(\.isHexDigit) else { throw unknown(revision) }
        let matches = commits.keys.filter { $0.hasPrefix(lowered) }
        guard matches.count <= 1 else { throw HistoryError.failed("ambiguous revision '\(revision)'") }
        guard let id = matches.first else { throw unknown(revision) }
        return id
    }

    private func unknown(_ revision: String) -> HistoryError {
        .unknownRevision(revision, tags: tagRecords.keys.sorted { $0.precedesInByteOrder($1) })
    }
}

extension String {
    fileprivate func droppingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}

/// One commit's files: entries carry their git blob ids and no sizes, as a commit's do, so
/// equal bytes compare equal without being read.
struct CommittedFiles: ConcurrentlyReadableSnapshot {
    var label: String
    var files: [String: [UInt8]]

    func entries(under directory: String) throws -> [SnapshotEntry] {
        entries(in: directory)
    }

    /// Every file below `directory` (`""`, `.` or `/` for all), sorted by path in byte order.
    func entries(in directory: String) -> [SnapshotEntry] {
        let folder = directory.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        let prefix = folder.isEmpty ? "" : folder + "/"
        return files.filter { $0.key.hasPrefix(prefix) }
            .map { SnapshotEntry(path: $0.key, kind: .file, contentID: GitBlobID.of($0.value)) }
            .sorted { $0.path.precedesInByteOrder($1.path) }
    }

    func contents(of entry: SnapshotEntry) throws -> [UInt8] {
        guard case .file = entry.kind, let bytes = files[entry.path] else {
            throw SnapshotError(path: entry.path, message: "no such file in \(label)")
        }
        return bytes
    }
}
