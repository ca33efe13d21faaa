extension HistoryCommit {
    /// How messages name this commit when the user asked for `revision`: the short id when
    /// they wrote the id (or a prefix of it), else both, `HEAD~2 (1a2b3c4)`.
    public func label(forRevision revision: String) -> String {
        id.hasPrefix(revision.lowercased()) ? shortID : "\(revision) (\(shortID))"
    }
}
