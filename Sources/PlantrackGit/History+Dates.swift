import PlantrackCore

extension Commit {
    /// The day the commit was made, in the committer's own UTC offset.
    public var date: CalendarDate {
        CalendarDate(secondsSinceEpoch: time, offsetMinutes: Int(timeOffsetMinutes))
    }
}

extension Repository {
    /// The first-parent history of `start`, oldest first.
    public func mainline(from start: ObjectID) throws -> [Commit] {
        try history(from: start, firstParentOnly: true).reversed().map { try commit($0) }
    }

    /// The newest commit on the first-parent history of `start` whose date (in its own
    /// offset) is on or before `date`; nil when every commit is later.
    public func lastCommit(onOrBefore date: CalendarDate, from start: ObjectID) throws -> Commit? {
        for id in try history(from: start, firstParentOnly: true) {
            let candidate = try commit(id)
            if candidate.date <= date { return candidate }
        }
        return nil
    }

    /// For each date (ascending), the newest commit of `mainline` (oldest first) on or before it.
    public static func lastCommits(onOrBefore dates: [CalendarDate], in mainline: [Commit]) -> [Commit?] {
        dates.map { date in mainline.last { $0.date <= date } }
    }
}
