import PlantrackCore

// TEMPORARY: the reading half of the seam, to be built (issue 19, item 1).
extension GitHistory {
    public func head() throws -> HistoryCommit? { throw HistoryError.failed("not built yet") }
    public func commit(named revision: String) throws -> HistoryCommit { throw HistoryError.failed("not built yet") }
    public func commit(id: String) throws -> HistoryCommit { throw HistoryError.failed("not built yet") }
    public func mainline(from id: String) throws -> [HistoryCommit] { throw HistoryError.failed("not built yet") }
    public func ancestry(from id: String) throws -> [HistoryCommit] { throw HistoryError.failed("not built yet") }
    public func isAncestor(_ ancestor: String, of id: String) throws -> Bool { throw HistoryError.failed("not built yet") }
    public func snapshot(at id: String, label: String?) throws -> any Snapshot { throw HistoryError.failed("not built yet") }
    public func changes(from old: String?, to new: String, under folder: String) throws -> [SnapshotChange] {
        throw HistoryError.failed("not built yet")
    }
    public func contentID(of path: String, at id: String) throws -> String? { throw HistoryError.failed("not built yet") }
    public func contents(ofContent id: String, path: String) throws -> [UInt8] { throw HistoryError.failed("not built yet") }
    public func tags(matching pattern: String?) throws -> [HistoryTag] { throw HistoryError.failed("not built yet") }
}
