/// A calendar date without time zone, computed by arithmetic (no Foundation calendars, whose
/// results could depend on the machine's settings).
struct CivilDate: Hashable, Comparable, CustomStringConvertible {
    let year: Int
    let month: Int
    let day: Int

    init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
    init(daysSinceEpoch days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (days-from-civil).
    var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// 0 = Monday … 6 = Sunday.
    var weekday: Int {
        ((daysSinceEpoch % 7) + 7 + 3) % 7
    }

    /// `2024-03-15`.
    var description: String {
        let yearText = String(year)
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        return "\(yearText)-\(monthText)-\(dayText)"
    }

    static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Swedish local time: CET (+60 minutes), or CEST (+120) from the last Sunday of March to
/// the last Sunday of October at 01:00 UTC, as EU rules say.
enum SwedishTime {
    static func lastSunday(year: Int, month: Int) -> CivilDate {
        let daysInMonth = CivilDate(year, month + 1, 1).adding(days: -1).day
        var date = CivilDate(year, month, daysInMonth)
        while date.weekday != 6 {
            date = date.adding(days: -1)
        }
        return date
    }

    /// Seconds since the epoch and offset for a local wall-clock time.
    static func timestamp(_ date: CivilDate, hour: Int, minute: Int, second: Int = 0) -> (time: Int64, offsetMinutes: Int32) {
        let summerStart = Int64(lastSunday(year: date.year, month: 3).daysSinceEpoch) * 86_400 + 3_600
        let summerEnd = Int64(lastSunday(year: date.year, month: 10).daysSinceEpoch) * 86_400 + 3_600
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        let summerGuess = local - 7_200
        let offset: Int32 = summerGuess >= summerStart && summerGuess < summerEnd ? 120 : 60
        return (local - Int64(offset) * 60, offset)
    }
}
