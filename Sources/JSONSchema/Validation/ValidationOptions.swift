/// Choices that change what a compiled schema checks.
public struct ValidationOptions: Sendable, Hashable {
    /// Whether `format` is an assertion (invalid dates, emails, URIs fail) instead of the
    /// draft 2020-12 default, a mere annotation. Checked formats: date, date-time, time,
    /// duration, email, hostname, ipv4, ipv6, uri, uri-reference, uuid, json-pointer,
    /// relative-json-pointer and regex; unknown formats are always accepted.
    public var assertFormat: Bool

    /// Options with the given format behaviour (annotation only by default).
    public init(assertFormat: Bool = false) {
        self.assertFormat = assertFormat
    }
}
