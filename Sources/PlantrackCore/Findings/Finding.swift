/// Something wrong (or worth a look) in a workspace, pointing into the file it is about.
///
/// The library never prints: readers and rules return findings as values, and the CLI
/// decides how to render them and what they mean for the exit code.
public struct Finding: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
        case warning
        case error

        public static func < (a: Severity, b: Severity) -> Bool {
            a == .warning && b == .error
        }
    }

    /// Error or warning.
    public var severity: Severity
    /// A stable rule id such as `yaml.syntax` or `ref.goal-missing` (see docs/rules.md).
    public var rule: String
    /// The workspace-relative path of the file (or folder) the finding is about.
    public var path: String
    /// Where in the file, when there is a place to point at.
    public var location: SourceLocation?
    /// A JSON pointer into the front matter (`/areas/2/title`), when there is one.
    public var pointer: String?
    /// A plain sentence saying what is wrong.
    public var message: String

    /// Creates a finding.
    public init(
        _ severity: Severity, rule: String, path: String, location: SourceLocation? = nil,
        pointer: String? = nil, message: String
    ) {
        self.severity = severity
        self.rule = rule
        self.path = path
        self.location = location
        self.pointer = pointer
        self.message = message
    }

    /// `path:line:column: severity: [rule] message`, the form compilers and editors read.
    public var description: String {
        var place = path
        if let location { place += ":\(location.line):\(location.column)" }
        return "\(place): \(severity.rawValue): [\(rule)] \(message)"
    }
}

extension Finding {
    /// Orders findings by path, then line and column, then rule: the order a reader
    /// walks through files.
    public static func fileOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.path != b.path { return a.path < b.path }
        let la = a.location ?? SourceLocation(line: 0, column: 0)
        let lb = b.location ?? SourceLocation(line: 0, column: 0)
        if la != lb { return la < lb }
        return a.rule < b.rule
    }
}
