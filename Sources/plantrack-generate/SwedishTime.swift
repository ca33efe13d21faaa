import PlantrackCore

extension CalendarDate {
    /// A date from parts the generator computes itself and knows to be real; a day past the
    /// month's end is clamped to its last day so the result is always a real date.
    init(_ year: Int, _ month: Int, _ day: Int) {
        let clamped = min(max(1, day), CalendarDate.days(inMonth: month, year: year))
        self = CalendarDate(year: year, month: month, day: clamped) ?? CalendarDate(daysSinceEpoch: 0)
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    var weekday: Int {
        ((daysSinceEpoch % 7) + 7 + 3) % 7
    }
}

/// Swedish local time: CET (+60 minutes), or CEST (+120) from the last Sunday of March to
/// the last Sunday of October at 01:00 UTC, as EU rules say. Computed by arithmetic, never
/// from the machine's time-zone settings, so every machine writes the same commits.
enum SwedishTime {
    static func lastSunday(year: Int, month: Int) -> CalendarDate {
        var date = CalendarDate(year, month, CalendarDate.days(inMonth: month, year: year))
        while date.weekday != 6 {
            date = date.adding(days: -1)
        }
        return date
    }

    /// Seconds since the epoch and offset for a local wall-clock time.
    static func timestamp(_ date: CalendarDate, hour: Int, minute: Int, second: Int = 0) -> (time: Int64, offsetMinutes: Int) {
        let summerStart = Int64(lastSunday(year: date.year, month: 3).daysSinceEpoch) * 86_400 + 3_600
        let summerEnd = Int64(lastSunday(year: date.year, month: 10).daysSinceEpoch) * 86_400 + 3_600
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        // Local time minus two hours is the UTC instant if it is summer time; near the
        // switch-over this decides by that instant, which is exact except in the one
        // ambiguous autumn hour, where the generator never commits.
        let offset: Int = local - 7_200 >= summerStart && local - 7_200 < summerEnd ? 120 : 60
        return (local - Int64(offset) * 60, offset)
    }
}
