/// One step into a JSON document: an object member name or an array index.
public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
    /// A member of an object.
    case key(String)
    /// An element of an array, from 0.
    case index(Int)

    /// The step as a JSON pointer token (unescaped).
    public var description: String {
        switch self {
        case .key(let k): return k
        case .index(let i): return String(i)
        }
    }
}

extension Array where Element == PathComponent {
    /// The path as an RFC 6901 JSON pointer: "" for the document itself, else "/a/0/b".
    public var jsonPointer: String {
        var out = ""
        for component in self {
            out += "/"
            switch component {
            case .key(let k): out += JSONPointer.escape(k)
            case .index(let i): out += String(i)
            }
        }
        return out
    }
}
