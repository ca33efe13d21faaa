/// A 128-bit digest of a sequence of texts that is the same in every run and on every
/// machine (Swift's `Hasher` is seeded per process), for cache keys. Not for security:
/// it guards against accidents, not against someone crafting collisions.
struct ContentDigest {
    // FNV-1a 64, and a multiply–xorshift hash with other constants: two different
    // mixing functions, so one's weakness on some input is not shared by the other.
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x9e37_79b9_7f4a_7c15

    /// Adds a text and a separator, so `["ab", "c"]` and `["a", "bc"]` differ.
    mutating func add(_ text: String) {
        for byte in text.utf8 { mix(byte) }
        mix(0)
    }

    /// Adds bytes as they are (no separator).
    mutating func add(bytes: some Sequence<UInt8>) {
        for byte in bytes { mix(byte) }
    }

    private mutating func mix(_ byte: UInt8) {
        a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
        b = (b &+ UInt64(byte) &+ 1) &* 0xff51_afd7_ed55_8ccd
        b ^= b >> 29
    }

    /// The two halves.
    var value: (UInt64, UInt64) { (a, b) }

    /// 32 hexadecimal digits.
    var hex: String { Self.hex(a) + Self.hex(b) }

    /// 16 hexadecimal digits.
    static func hex(_ v: UInt64) -> String {
        let text = String(v, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
