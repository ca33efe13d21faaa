/// Computes trend points by walking the first-parent history of HEAD once, oldest first,
/// comparing consecutive sampled commits; plans whose content did not change cost nothing
/// (see ``IncrementalRollUp``). Each point is the workspace as committed at the last
/// commit on or before its date, judged on that date, as ``WorkspaceVersion`` reads
/// `--as-of`.
public struct TrendWalk {
    /// The history walked.
    public let history: any History
    /// Which plans count.
    public let filter: RollUp.Filter
    /// Where the roll-up memo persists between runs; nil to keep it in memory only.
    public var memo: (any RollUpMemoStorage)?

    /// A walk of `history` rolling up what `filter` keeps, through the memo in `memo`.
    public init(history: any History, filter: RollUp.Filter, memo: (any RollUpMemoStorage)? = nil) {
        self.history = history
        self.filter = filter
        self.memo = memo
    }

    /// The points at every `every` end from `since` (default: the day of the first commit)
    /// to `until`; `progress` is called after each point. Throws
    /// ``TrendError/nothingCommitted`` when there is no history to walk.
    public func series(
        since: CalendarDate?, until: CalendarDate, every: Trend.Every, progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> TrendSeries {
        let mainline = try mainlineOfHead()
        guard let first = mainline.last else { throw TrendError.nothingCommitted }
        let start = since ?? first.date
        let dates = Trend.periodEnds(since: start, until: until, every: every)
        let points = try points(at: dates, on: mainline, progress: progress)
        return TrendSeries(since: start, until: until, points: points, firstCommitDate: first.date)
    }

    /// The points at `dates` (ascending); `progress` is called after each point.
    public func points(at dates: [CalendarDate], progress: (Int, Int) -> Void = { _, _ in }) throws -> [Trend.Point] {
        try points(at: dates, on: mainlineOfHead(), progress: progress)
    }

    /// HEAD's first-parent history, newest first.
    private func mainlineOfHead() throws -> [HistoryCommit] {
        guard let head = try history.head() else { throw TrendError.nothingCommitted }
        return try history.mainline(from: head.id)
    }

    /// The points at `dates` over `mainline` (newest first).
    private func points(
        at dates: [CalendarDate], on mainline: [HistoryCommit], progress: (Int, Int) -> Void
    ) throws -> [Trend.Point] {
        // For each date, the newest commit on or before it.
        let chosen = dates.map { date in mainline.first { $0.date <= date } }
        var state = IncrementalRollUp(memo: memo?.load() ?? RollUpMemo())
        defer { memo?.save(state.memo) }
        var previous: (id: String, snapshot: any Snapshot)?
        var points: [Trend.Point] = []
        for (index, date) in dates.enumerated() {
            defer { progress(index + 1, dates.count) }
            guard let commit = chosen[index] else {
                points.append(Trend.Point(date: date, commit: nil, figures: StatusFigures()))
                continue
            }
            var schemasChanged = previous == nil
            let snapshot: any Snapshot
            if let previous {
                if previous.id != commit.id {
                    snapshot = try history.snapshot(at: commit.id, label: nil)
                    // Only what changed between the two commits is read again.
                    state.apply(
                        try history.changes(from: previous.id, to: commit.id, under: DocumentLayout.plansFolder),
                        from: snapshot)
                    schemasChanged = try !history.changes(
                        from: previous.id, to: commit.id, under: DocumentLayout.schemasFolder
                    ).isEmpty
                } else {
                    snapshot = previous.snapshot
                }
            } else {
                snapshot = try history.snapshot(at: commit.id, label: nil)
                try state.start(from: snapshot)
            }
            previous = (commit.id, snapshot)
            if schemasChanged { state.use(try WorkspaceVersion.schemas(of: snapshot)) }
            let rollUp = try state.rollUp(asOf: date, filter: filter, withGroups: false)
            // One plan year per point (the year asked for, else the current one): years are never added up.
            points.append(Trend.Point(date: date, commit: commit.id, rollUp: rollUp, year: filter.year))
        }
        // What the walk holds of the last point (tens of thousands of models and facts on a
        // national history) is left to the OS at exit rather than freed one by one.
        keepUntilExit(state)
        return points
    }
}

/// The points of a trend and the span they cover.
public struct TrendSeries {
    /// The first day asked for (or the day of the first commit).
    public var since: CalendarDate
    /// The last day asked for.
    public var until: CalendarDate
    /// One point per period end, oldest first.
    public var points: [Trend.Point]
    /// The day of the first commit on the history of HEAD.
    public var firstCommitDate: CalendarDate

    /// The first point that leaves documents out, with its commit, and how many later
    /// points do too; nil when every point is whole.
    public var firstIncomplete: (point: Trend.Point, commit: String, later: Int)? {
        let incomplete = points.filter { !$0.skipped.isEmpty }
        guard let first = incomplete.first, let commit = first.commit else { return nil }
        return (first, commit, incomplete.count - 1)
    }
}

/// Why there is no trend.
public enum TrendError: Error, CustomStringConvertible {
    /// Nothing is committed yet, so there is no history to walk.
    case nothingCommitted

    public var description: String {
        switch self {
        case .nothingCommitted:
            "trend reads the history of commits, and nothing is committed yet; 'plantrack rollup' shows the working tree"
        }
    }
}
