/// A compiled `pattern`, referenced without retaining.
struct SharedPattern: Sendable {
    private let pattern: Unretained<Pattern>

    init(_ pattern: Pattern, keptBy keeper: KeepAlive) {
        self.pattern = Unretained(pattern, keptBy: keeper)
    }

    @inline(__always)
    func matches(_ string: String) -> Bool {
        pattern.with { $0.matches(string) }
    }

    var source: String { pattern.with { $0.source } }
}
