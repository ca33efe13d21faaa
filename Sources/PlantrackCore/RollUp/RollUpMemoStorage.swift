/// Where a ``RollUpMemo`` is kept between runs, so that versions rolled up before cost only
/// reading their trees: the CLI keeps it in the repository (`.git/plantrack/`), tests in
/// memory or nowhere.
public protocol RollUpMemoStorage {
    /// The stored memo; an empty one when there is none that can be used.
    func load() -> RollUpMemo
    /// Keeps `memo` for the next run. Failing to keep it never fails a command.
    func save(_ memo: RollUpMemo)
}
