import Crypto

/// The id git gives a file's contents (`git hash-object FILE`, `git rev-parse REV:PATH`): the
/// SHA-1 of `blob <size>\0` and the bytes. The schema versions plantrack has shipped are
/// listed by these ids (``SchemaReleases``), so anyone can check the list with git alone.
/// Hashed with swift-crypto rather than through libgit2 because the domain does not link
/// libgit2. SHA-1 names contents here, as in git; it guards nothing secret.
public enum GitBlobID {
    /// The 40 hex digits of the blob id of `bytes`.
    public static func of(_ bytes: [UInt8]) -> String {
        var message = Array("blob \(bytes.count)".utf8)
        message.append(0)
        message += bytes
        return Insecure.SHA1.hash(data: message).map { byte in
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
