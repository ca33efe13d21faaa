// TEMPORARY: the writing half of the seam, to be built (issue 19, item 1).
extension MemoryHistory {
    public func workingTree() -> any Snapshot { MemorySnapshot(label: "working tree", bytes: workingFiles) }
    public func state(ofWorkingFile path: String) throws -> WorkingFileState { throw HistoryError.failed("not built yet") }
    public func configuredAuthor() throws -> Author { throw HistoryError.failed("not built yet") }
    public func withWriteLock<Result>(waiting seconds: Double, _ body: () throws -> Result) throws -> Result {
        throw HistoryError.failed("not built yet")
    }
    public func writeWorkingFiles(_ files: [String: [UInt8]]) throws { throw HistoryError.failed("not built yet") }
    public func commitWorkingFiles(_ paths: [String], message: String, author: Author) throws -> HistoryCommit {
        throw HistoryError.failed("not built yet")
    }
    public func createTag(named name: String, at id: String, tagger: Author, message: String) throws {
        throw HistoryError.failed("not built yet")
    }
}
