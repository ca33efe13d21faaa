/// RFC 3339 dates and times, ISO 8601 durations. Only ASCII digits count: other Unicode
/// digits look alike but are not valid in these formats.
enum DateFormats {
    typealias Bytes = ByteChecks.Bytes

    /// `YYYY-MM-DD` naming a real calendar day (Gregorian leap years).
    static func isDate(_ s: String) -> Bool {
        ByteChecks.withBytes(s) { b in b.count == 10 && isDate(b, 0) }
    }

    private static func isDate(_ b: Bytes, _ i: Int) -> Bool {
        guard i + 10 <= b.count, let year = digits(b, i, 4), b[i + 4] == UInt8(ascii: "-"),
            let month = digits(b, i + 5, 2), b[i + 7] == UInt8(ascii: "-"),
            let day = digits(b, i + 8, 2)
        else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// `full-date "T" full-time`, with "T" and "Z" in either case.
    static func isDateTime(_ s: String) -> Bool {
        ByteChecks.withBytes(s) { b in
            b.count > 11 && (b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t")) && isDate(b, 0) && isTime(b, 11)
        }
    }

    /// RFC 3339 `full-time`: `HH:MM:SS[.frac](Z|±HH:MM)`; second 60 only at 23:59 UTC.
    static func isTime(_ s: String) -> Bool {
        ByteChecks.withBytes(s) { b in isTime(b, 0) }
    }

    private static func isTime(_ b: Bytes, _ i: Int) -> Bool {
        guard b.count - i >= 9, let hour = digits(b, i, 2), b[i + 2] == UInt8(ascii: ":"),
            let minute = digits(b, i + 3, 2), b[i + 5] == UInt8(ascii: ":"),
            let second = digits(b, i + 6, 2)
        else { return false }
        var p = i + 8
        if p < b.count, b[p] == UInt8(ascii: ".") {
            p += 1
            let start = p
            while p < b.count, ByteChecks.isDigit(b[p]) { p += 1 }
            guard p > start else { return false }
        }
        guard p < b.count else { return false }
        var offsetMinutes = 0
        switch b[p] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            p += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = b[p] == UInt8(ascii: "-") ? -1 : 1
            guard b.count - p == 6, let oh = digits(b, p + 1, 2), b[p + 3] == UInt8(ascii: ":"),
                let om = digits(b, p + 4, 2), oh <= 23, om <= 59
            else { return false }
            offsetMinutes = sign * (oh * 60 + om)
            p += 6
        default:
            return false
        }
        guard p == b.count, hour <= 23, minute <= 59, second <= 60 else { return false }
        if second == 60 {
            // A leap second happens at 23:59:60 UTC, whatever the local offset.
            var utc = (hour * 60 + minute - offsetMinutes) % (24 * 60)
            if utc < 0 { utc += 24 * 60 }
            return utc == 23 * 60 + 59
        }
        return true
    }

    /// ISO 8601 durations as RFC 3339 Appendix A allows: `P1Y2M3DT4H5M6S`, `P2W`.
    static func isDuration(_ s: String) -> Bool {
        ByteChecks.withBytes(s) { b in
            guard b.count > 1, b[0] == UInt8(ascii: "P") else { return false }
            let dateUnits: (UInt8, UInt8, UInt8) = (UInt8(ascii: "Y"), UInt8(ascii: "M"), UInt8(ascii: "D"))
            let timeUnits: (UInt8, UInt8, UInt8) = (UInt8(ascii: "H"), UInt8(ascii: "M"), UInt8(ascii: "S"))
            var p = 1
            var inTime = false
            var lastUnit = -1
            var sawComponent = false
            var sawWeek = false
            var timeHasComponent = false
            while p < b.count {
                if b[p] == UInt8(ascii: "T") {
                    guard !inTime, !sawWeek else { return false }
                    inTime = true
                    lastUnit = -1
                    p += 1
                    continue
                }
                let start = p
                while p < b.count, ByteChecks.isDigit(b[p]) { p += 1 }
                guard p > start, p < b.count else { return false }
                let unit = b[p]
                p += 1
                if unit == UInt8(ascii: "W") {
                    guard !inTime, !sawComponent else { return false }
                    sawWeek = true
                    sawComponent = true
                    continue
                }
                guard !sawWeek else { return false }
                let units = inTime ? timeUnits : dateUnits
                let position = unit == units.0 ? 0 : unit == units.1 ? 1 : unit == units.2 ? 2 : -1
                // Units run without gaps (P1Y2M3D, P2M3D, P3D): "P1Y3D" skips the month.
                guard position >= 0, lastUnit == -1 || position == lastUnit + 1 else { return false }
                lastUnit = position
                sawComponent = true
                if inTime { timeHasComponent = true }
            }
            return sawComponent && (!inTime || timeHasComponent)
        }
    }

    private static func digits(_ b: Bytes, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var value = 0
        for i in start..<(start + count) {
            guard ByteChecks.isDigit(b[i]) else { return nil }
            value = value * 10 + Int(b[i] - 48)
        }
        return value
    }
}
