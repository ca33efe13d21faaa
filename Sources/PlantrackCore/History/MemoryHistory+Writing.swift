// The writing half of the seam, in memory: the working files are a dictionary, the lock a
// flag, a commit HEAD's files with the committed paths taken from the working files.
extension MemoryHistory {
    public func workingTree() -> any Snapshot { MemorySnapshot(label: "working tree", bytes: workingFiles) }

    /// Compares the working file with HEAD's file; there is no index, so nothing is staged
    /// and nothing is ignored.
    public func state(ofWorkingFile path: String) throws -> WorkingFileState {
        let committed = headID.flatMap { commits[$0]?.files[path] }
        let working = workingFiles[path]
        switch (committed, working) {
        case (nil, nil):
            return WorkingFileState(isUnchanged: false, isAbsent: true, isIgnored: false, summary: "does not exist")
        case (nil, _?):
            return WorkingFileState(
                isUnchanged: false, isAbsent: false, isIgnored: false, summary: "is not committed yet (untracked)")
        case (let old?, let new):
            let unchanged = old == new
            return WorkingFileState(
                isUnchanged: unchanged, isAbsent: false, isIgnored: false,
                summary: unchanged ? "is as committed" : "has uncommitted changes")
        }
    }

    public func configuredAuthor() throws -> Author {
        guard let identity else { throw HistoryError.noIdentity }
        return identity
    }

    /// The lock is held while `body` runs; a nested write finds it taken.
    public func withWriteLock<Result>(
        waiting seconds: Double, includingIndex: Bool, _ body: () throws -> Result
    ) throws -> Result {
        guard !isWriteLocked else {
            throw HistoryError.locked(detail: "another writer holds this history")
        }
        isWriteLocked = true
        defer { isWriteLocked = false }
        return try body()
    }

    public func writeWorkingFiles(_ files: [String: [UInt8]]) throws {
        for (path, bytes) in files { workingFiles[path] = bytes }
    }

    /// Records HEAD's files with `paths` as the working files have them (removed where the
    /// working tree has no such file).
    public func commitWorkingFiles(_ paths: [String], message: String, author: Author) throws -> HistoryCommit {
        var files = headID.flatMap { commits[$0]?.files } ?? [:]
        for path in paths {
            files[path] = workingFiles[path]
        }
        return record(files: files, message: message, author: author)
    }

    public func createTag(named name: String, at id: String, tagger: Author, message: String) throws {
        guard tagRecords[name] == nil else { throw HistoryError.tagExists(name) }
        guard commits[id] != nil else { throw HistoryError.failed("no commit \(id)") }
        tagRecords[name] = (commitID: id, tagger: tagger, message: message)
    }
}
