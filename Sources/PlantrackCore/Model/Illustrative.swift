/// What of a document is made up for illustration (exempeldata) rather than taken from a
/// source document: the front matter's `x-illustrative` (docs/format.md, "Example data").
///
/// `x-illustrative: true` marks the whole document; `x-illustrative: [owner, status]` only
/// those front-matter fields, the rest being transcribed. `false`, an empty list or no field
/// at all: nothing is marked.
public enum Illustrative: Hashable, Sendable {
    /// The whole document is made up.
    case whole
    /// Only these front-matter fields are made up, in the order written.
    case fields([String])

    /// The front-matter key.
    public static let key = "x-illustrative"

    /// Reads the marker from a value of `x-illustrative`; nil when it marks nothing or has
    /// another shape (the schema reports the shape).
    public init?(_ node: YAMLNode?) {
        guard let node else { return nil }
        if let flag = node.bool {
            guard flag else { return nil }
            self = .whole
        } else if let items = node.sequence {
            let names = items.compactMap(\.string)
            guard !names.isEmpty else { return nil }
            self = .fields(names)
        } else {
            return nil
        }
    }

    /// Whether the whole document is made up (not just some fields).
    public var isWhole: Bool { self == .whole }

    /// The fields marked; empty when the whole document is.
    public var fieldNames: [String] {
        if case .fields(let names) = self { return names }
        return []
    }
}

extension Fields {
    /// The document's `x-illustrative` marker, if any.
    var illustrative: Illustrative? { Illustrative(mapping[Illustrative.key]) }
}
