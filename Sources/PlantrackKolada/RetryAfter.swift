import PlantrackCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `Retry-After` header (RFC 9110 §10.2.3): a number of seconds, or an HTTP date
/// (`Wed, 21 Oct 2026 07:28:00 GMT`). Read by hand: two formats, and PlantrackKolada does
/// without Foundation's date parsing.
enum RetryAfter {
    /// The seconds to wait from `now` (seconds since 1970); nil when the header is neither
    /// form. A date in the past is 0.
    static func seconds(_ header: String, now: Double) -> Double? {
        let text = header.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        if !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) {
            return Double(text)
        }
        guard let date = imfDate(text) else { return nil }
        return max(0, date - now)
    }

    /// Seconds since 1970, now.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT` as seconds since 1970 (the preferred HTTP date form).
    static func imfDate(_ text: String) -> Double? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0].hasSuffix(","), parts[5] == "GMT",
            let day = Int(parts[1]), let year = Int(parts[3]),
            let month = months.firstIndex(of: String(parts[2])).map({ $0 + 1 })
        else { return nil }
        let clock = parts[4].split(separator: ":")
        guard clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
            (1...31).contains(day), (0..<24).contains(hour), (0..<60).contains(minute), (0...60).contains(second)
        else { return nil }
        guard let days = CalendarDate(year: year, month: month, day: day)?.daysSinceEpoch else { return nil }
        return Double(days * 86_400 + hour * 3_600 + minute * 60 + second)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
