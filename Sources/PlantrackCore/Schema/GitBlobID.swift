/// The id git gives a file's contents (`git hash-object FILE`, `git rev-parse REV:PATH`): the
/// SHA-1 of `blob <size>\0` and the bytes. The schema versions plantrack has shipped are
/// listed by these ids (``SchemaReleases``), so anyone can check the list with git alone.
/// Computed here rather than through libgit2 because the domain does not link libgit2.
public enum GitBlobID {
    /// The 40 hex digits of the blob id of `bytes`.
    public static func of(_ bytes: [UInt8]) -> String {
        var message = Array("blob \(bytes.count)".utf8)
        message.append(0)
        message += bytes
        return SHA1.digest(message).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The blob id of `bytes` with CRLF line ends read as LF, so a copy that git checked out
    /// with Windows line ends (core.autocrlf) is recognised as the version it is.
    public static func ofText(_ bytes: [UInt8]) -> String {
        guard bytes.contains(13) else { return of(bytes) }
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        for (i, byte) in bytes.enumerated() where !(byte == 13 && i + 1 < bytes.count && bytes[i + 1] == 10) {
            normalized.append(byte)
        }
        return of(normalized)
    }
}

/// SHA-1 (FIPS 180-4), only to name contents as git does: not for anything secret.
enum SHA1 {
    static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        var message = bytes
        let bitLength = UInt64(bytes.count) &* 8
        message.append(0x80)
        while message.count % 64 != 56 { message.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { message.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        var w = [UInt32](repeating: 0, count: 80)
        for chunk in stride(from: 0, to: message.count, by: 64) {
            for i in 0..<16 {
                let j = chunk + i * 4
                w[i] = UInt32(message[j]) << 24 | UInt32(message[j + 1]) << 16 | UInt32(message[j + 2]) << 8 | UInt32(message[j + 3])
            }
            for i in 16..<80 { w[i] = rotate(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1) }
            var (a, b, c, d, e) = h
            for i in 0..<80 {
                let f: UInt32
                let k: UInt32
                switch i {
                case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
                case 20..<40: (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
                case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                default: (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
                }
                let next = rotate(a, 5) &+ f &+ e &+ k &+ w[i]
                (e, d, c, b, a) = (d, c, rotate(b, 30), a, next)
            }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
        }
        var out: [UInt8] = []
        for word in [h.0, h.1, h.2, h.3, h.4] {
            for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return out
    }

    private static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 {
        x << n | x >> (32 - n)
    }
}
