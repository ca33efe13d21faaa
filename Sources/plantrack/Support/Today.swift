import PlantrackCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CalendarDate {
    /// Today in the local time zone.
    static func today() -> CalendarDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDate(secondsSinceEpoch: Int64(now), offsetMinutes: Int(parts.tm_gmtoff / 60))
    }
}
