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
        /// The plan year the figures are of: the year asked for, else the current plan year
        /// at that point (``RollUp/currentYear``); nil when there is none.
        public var year: Int?
        /// The total of the plans of `year` at that commit, judged on `date`.
        public var figures: StatusFigures
        /// The documents left out of `figures` (``RollUp/skipped``): the point is incomplete
        /// when there are any.
        public var skipped: [RollUp.Skipped]

        /// Creates a point.
        public init(
            date: CalendarDate, commit: String?, year: Int? = nil, figures: StatusFigures,
            skipped: [RollUp.Skipped] = []
        ) {
            self.date = date
            self.commit = commit
            self.year = year
            self.figures = figures
            self.skipped = skipped
        }

        /// The point of a roll-up: the total of `year`, or of the roll-up's current year.
        public init(date: CalendarDate, commit: String?, rollUp: RollUp, year: Int?) {
            let shown = year ?? rollUp.currentYear
            // Only the shown year's documents make its figures incomplete.
            self.init(
                date: date, commit: commit, year: shown, figures: shown.map(rollUp.total(of:)) ?? StatusFigures(),
                skipped: rollUp.skipped.filter { $0.plan?.year == shown })
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
        CalendarDate(
            daysSinceEpoch: (CalendarDate(year: year, month: month, day: 1)?.daysSinceEpoch ?? 0)
                + CalendarDate.days(inMonth: month, year: year) - 1)
    }

    /// A sparkline (▁▂▃▄▅▆▇█) of values in 0–100; a space for a missing value.
    public static func sparkline(_ values: [Double?]) -> String {
        let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return String(
            values.map { value -> Character in
                guard let value else { return " " }
                let index = Int((min(100, max(0, value)) / 100 * Double(bars.count - 1)).rounded())
                return bars[index]
            })
    }
}
