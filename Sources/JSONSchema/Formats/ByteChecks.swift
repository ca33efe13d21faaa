/// Helpers for format checks that work on UTF-8 bytes, so checking a string allocates
/// nothing.
enum ByteChecks {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// Runs `body` over the UTF-8 bytes of `s` without copying native strings.
    static func withBytes(_ s: String, _ body: (Bytes) -> Bool) -> Bool {
        if let result = s.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }

    /// A set of ASCII bytes as a 128-bit table.
    struct ASCIISet: Sendable {
        private var low: UInt64 = 0
        private var high: UInt64 = 0

        init(_ characters: String, letters: Bool = false, digits: Bool = false) {
            for b in characters.utf8 { insert(b) }
            if letters {
                for b in UInt8(ascii: "a")...UInt8(ascii: "z") { insert(b) }
                for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { insert(b) }
            }
            if digits {
                for b in UInt8(ascii: "0")...UInt8(ascii: "9") { insert(b) }
            }
        }

        private mutating func insert(_ b: UInt8) {
            if b < 64 { low |= 1 << UInt64(b) } else if b < 128 { high |= 1 << UInt64(b - 64) }
        }

        func contains(_ b: UInt8) -> Bool {
            if b < 64 { return low & (1 << UInt64(b)) != 0 }
            if b < 128 { return high & (1 << UInt64(b - 64)) != 0 }
            return false
        }
    }
}
