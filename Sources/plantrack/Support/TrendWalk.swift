import PlantrackCore
import PlantrackGit

/// Computes trend points by walking the first-parent history of HEAD once, oldest first,
/// comparing consecutive sampled trees; plans whose content did not change cost nothing
/// (see ``IncrementalRollUp``).
struct TrendWalk {
    let repository: Repository
    let filter: RollUp.Filter
    /// Where the roll-up memo persists between runs; nil to keep it in memory only.
    var store: RollUpMemoStore?

    /// The points at `dates` (ascending); `progress` is called after each point.
    func points(at dates: [CalendarDate], progress: (Int, Int) -> Void = { _, _ in }) throws -> [Trend.Point] {
        let head: Commit
        do { head = try repository.head() } catch { throw CLIError("\(error)") }
        let mainline = try repository.mainline(from: head.id)
        let chosen = Repository.lastCommits(onOrBefore: dates, in: mainline)
        var state = IncrementalRollUp(memo: store?.load() ?? RollUpMemo())
        defer { store?.save(state.memo) }
        var previous: CommitSnapshot?
        var points: [Trend.Point] = []
        for (index, date) in dates.enumerated() {
            defer { progress(index + 1, dates.count) }
            guard let commit = chosen[index] else {
                points.append(Trend.Point(date: date, commit: nil, figures: StatusFigures()))
                continue
            }
            let snapshot = CommitSnapshot(commit: commit)
            var schemasChanged = previous == nil
            if let previous {
                if previous.commit.id != commit.id {
                    state.apply(try previous.changes(to: snapshot, under: DocumentLayout.plansFolder), from: snapshot)
                    schemasChanged = try !previous.changes(to: snapshot, under: DocumentLayout.schemasFolder).isEmpty
                }
            } else {
                do { try state.start(from: snapshot) } catch { throw CLIError("\(error)") }
            }
            previous = snapshot
            if schemasChanged { state.use(try RollUpLoading.schemas(of: snapshot)) }
            let rollUp = state.rollUp(asOf: date, filter: filter, withGroups: false)
            // One plan year per point (the year asked for, else the current one): years are never added up.
            points.append(Trend.Point(date: date, commit: commit.id.hex, rollUp: rollUp, year: filter.year))
        }
        // What the walk holds of the last point (tens of thousands of models and facts on a
        // national history) is left to the OS at exit rather than freed one by one.
        keepUntilExit(state)
        return points
    }
}
