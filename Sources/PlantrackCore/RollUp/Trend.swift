/// Status figures over time: one point per period end.
public enum Trend {
    /// How often a point is taken.
    public enum Every: String, Hashable, Sendable, CaseIterable {
        case week, month, quarter
    }

    /// The figures at one period end.
    public struct Point: Hashable, Sendable {
        /// The period end.
        public var date: CalendarDate
        /// The id of the last commit on or before the end of `date`; nil when there is none.
        public var commit: String?
        /// The roll-up total at that commit, judged on `date`.
        public var figures: StatusFigures
        /// The documents left out of `figures` (``RollUp/skipped``): the point is incomplete
        /// when there are any.
        public var skipped: [RollUp.Skipped]

        /// Creates a point.
        public init(date: CalendarDate, commit: String?, figures: StatusFigures, skipped: [RollUp.Skipped] = []) {
            self.date = date
            self.commit = commit
            self.figures = figures
            self.skipped = skipped
        }
    }

    /// The period ends from the first one on or after `since` up to and including the last
    /// one on or before `until`. Weeks end on Sunday, months and quarters on their last day.
    public static func periodEnds(since: CalendarDate, until: CalendarDate, every: Every) -> [CalendarDate] {
        var result: [CalendarDate] = []
        var end = firstEnd(onOrAfter: since, every: every)
        while end <= until {
            result.append(end)
            end = nextEnd(after: end, every: every)
        }
        return result
    }

    static func firstEnd(onOrAfter date: CalendarDate, every: Every) -> CalendarDate {
        switch every {
        case .week:
            // 1970-01-01 was a Thursday: (days + 3) % 7 is 0 on Monday, 6 on Sunday.
            let weekday = ((date.daysSinceEpoch + 3) % 7 + 7) % 7
            return date.adding(days: 6 - weekday)
        case .month:
            return monthEnd(year: date.year, month: date.month)
        case .quarter:
            let month = ((date.month - 1) / 3 + 1) * 3
            return monthEnd(year: date.year, month: month)
        }
    }

    static func nextEnd(after end: CalendarDate, every: Every) -> CalendarDate {
        switch every {
        case .week: return end.adding(days: 7)
        case .month: return firstEnd(onOrAfter: end.adding(days: 1), every: .month)
        case .quarter: return firstEnd(onOrAfter: end.adding(days: 1), every: .quarter)
        }
    }

    static func monthEnd(year: Int, month: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: (CalendarDate(year: year, month: month, day: 1)?.daysSinceEpoch ?? 0)
                     + CalendarDate.days(inMonth: month, year: year) - 1)
    }

    /// A sparkline (▁▂▃▄▅▆▇█) of values in 0–100; a space for a missing value.
    public static func sparkline(_ values: [Double?]) -> String {
        let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return String(values.map { value -> Character in
            guard let value else { return " " }
            let index = Int((min(100, max(0, value)) / 100 * Double(bars.count - 1)).rounded())
            return bars[index]
        })
    }
}
