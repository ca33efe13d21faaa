import CGit2

/// A git object id (SHA-1, `git_oid`): a commit, tree, blob or tag.
public struct ObjectID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 20 raw bytes, as libgit2 holds them.
    var oid: git_oid

    /// Wraps a libgit2 id.
    init(_ oid: git_oid) {
        self.oid = oid
    }

    /// Copies the id a libgit2 function returned a pointer to.
    init(_ pointer: UnsafePointer<git_oid>) {
        self.oid = pointer.pointee
    }

    /// Parses 40 hexadecimal digits (`git_oid_fromstr`); nil for anything else.
    public init?(hex: String) {
        var utf8 = Array(hex.utf8)
        guard utf8.count == 40, utf8.allSatisfy(Self.isHexDigit) else { return nil }
        utf8.append(0)
        var parsed = git_oid()
        let result = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { git_oid_fromstr(&parsed, $0.baseAddress) }
        }
        guard result == 0 else { return nil }
        self.oid = parsed
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }

    /// The 40 lowercase hexadecimal digits (`git_oid_fmt`).
    public var hex: String {
        withUnsafeBytes(of: oid) { raw in
            String(unsafeUninitializedCapacity: 40) { out in
                let digits: StaticString = "0123456789abcdef"
                let table = UnsafeRawBufferPointer(start: digits.utf8Start, count: 16)
                for index in 0..<20 {
                    let byte = raw[index]
                    out[index * 2] = table[Int(byte >> 4)]
                    out[index * 2 + 1] = table[Int(byte & 0x0f)]
                }
                return 40
            }
        }
    }

    /// The first seven hex digits; for a prefix that is unique in a repository, use
    /// ``Commit/shortID``.
    public var abbreviated: String { String(hex.prefix(7)) }

    /// Whether this is the all-zero id libgit2 uses for "no object".
    public var isZero: Bool { withUnsafeBytes(of: oid) { raw in raw.allSatisfy { $0 == 0 } } }

    public var description: String { hex }

    public static func == (lhs: ObjectID, rhs: ObjectID) -> Bool {
        withUnsafeBytes(of: lhs.oid) { left in
            withUnsafeBytes(of: rhs.oid) { right in left.elementsEqual(right) }
        }
    }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        withUnsafeBytes(of: lhs.oid) { left in
            withUnsafeBytes(of: rhs.oid) { right in left.lexicographicallyPrecedes(right) }
        }
    }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: oid) { hasher.combine(bytes: $0) }
    }
}
