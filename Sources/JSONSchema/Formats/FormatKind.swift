/// The `format` values this library can assert, and the check for each.
enum FormatKind: String, Sendable {
    case date
    case dateTime = "date-time"
    case time
    case duration
    case email
    case hostname
    case ipv4
    case ipv6
    case uri
    case uriReference = "uri-reference"
    case uuid
    case jsonPointer = "json-pointer"
    case relativeJSONPointer = "relative-json-pointer"
    case regex

    /// The format named `name`, or nil for formats that are not checked (always valid).
    init?(name: String) {
        self.init(rawValue: name)
    }

    /// The name as it appears in messages: "date", "date-time", "email"...
    var name: String { rawValue }

    func check(_ s: String) -> Bool {
        switch self {
        case .date: return DateFormats.isDate(s)
        case .dateTime: return DateFormats.isDateTime(s)
        case .time: return DateFormats.isTime(s)
        case .duration: return DateFormats.isDuration(s)
        case .email: return NetworkFormats.isEmail(s)
        case .hostname: return NetworkFormats.isHostname(s)
        case .ipv4: return NetworkFormats.isIPv4(s)
        case .ipv6: return NetworkFormats.isIPv6(s)
        case .uri: return URIFormats.isURI(s, requireScheme: true)
        case .uriReference: return URIFormats.isURI(s, requireScheme: false)
        case .uuid: return URIFormats.isUUID(s)
        case .jsonPointer: return URIFormats.isJSONPointer(s)
        case .relativeJSONPointer: return URIFormats.isRelativeJSONPointer(s)
        case .regex: return (try? Pattern(s)) != nil
        }
    }
}
