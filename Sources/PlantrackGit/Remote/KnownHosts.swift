import Crypto

/// The host keys an OpenSSH `known_hosts` file trusts, and the check of a server's key
/// against them (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT").
///
/// Understands plain host lists (`host1,[host2]:2222 ssh-ed25519 AAAA…`), hashed names
/// (`|1|salt|hash`, HMAC-SHA1 of the name keyed by the salt), the `@revoked` marker (a
/// revoked key is refused) and comments. `@cert-authority` lines and wildcard patterns
/// (`*.example.se`, `!host`) are skipped: such a host is reported as unknown rather than
/// trusted. Written by hand: libgit2 1.5 does not read `known_hosts` itself and no
/// available library does.
public struct KnownHosts: Sendable {
    /// One usable line: who it names, the key, and whether it revokes that key.
    struct Entry: Sendable {
        enum Names: Sendable {
            case plain([String])
            case hashed(salt: [UInt8], hash: [UInt8])
        }
        var names: Names
        /// The key blob (the base64 field, decoded): SSH wire format, starting with its type.
        var key: [UInt8]
        var keyType: String
        var revoked: Bool

        func matches(_ name: String) -> Bool {
            switch names {
            case .plain(let names):
                return names.contains(name)
            case .hashed(let salt, let hash):
                let code = HMAC<Insecure.SHA1>.authenticationCode(
                    for: Array(name.utf8), using: SymmetricKey(data: salt))
                return Array(code) == hash
            }
        }
    }

    /// What the check found.
    public enum Verdict: Equatable, Sendable {
        /// A line trusts this key for this host.
        case trusted
        /// No line names the host.
        case unknownHost
        /// Lines name the host, but with other keys (or this key is revoked).
        case mismatch
    }

    let entries: [Entry]

    /// Reads the lines of a `known_hosts` file; lines it cannot use are skipped.
    public init(text: String) {
        var entries: [Entry] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            var revoked = false
            if first.hasPrefix("@") {
                guard first == "@revoked" else { continue }
                revoked = true
                fields = fields.dropFirst()
            }
            guard fields.count >= 3 else { continue }
            let hosts = fields[fields.startIndex]
            let keyType = String(fields[fields.startIndex + 1])
            guard let key = Base64.decode(fields[fields.startIndex + 2]) else { continue }
            let names: Entry.Names
            if hosts.hasPrefix("|1|") {
                let parts = hosts.dropFirst(3).split(separator: "|", omittingEmptySubsequences: false)
                guard parts.count == 2, let salt = Base64.decode(parts[0]), let hash = Base64.decode(parts[1]) else {
                    continue
                }
                names = .hashed(salt: salt, hash: hash)
            } else {
                names = .plain(hosts.split(separator: ",").map(String.init))
            }
            entries.append(Entry(names: names, key: key, keyType: keyType, revoked: revoked))
        }
        self.entries = entries
    }

    /// Checks a server key for `name` (`host`, or `[host]:port` off port 22). `key` is the raw
    /// key blob when libgit2 has it; else `sha256` is the SHA-256 of that blob, which the
    /// file's keys are hashed to compare.
    public func verify(name: String, key: [UInt8]?, sha256: [UInt8]?) -> Verdict {
        let named = entries.filter { $0.matches(name) }
        let same = named.filter { entry in
            if let key { return entry.key == key }
            if let sha256 { return Array(SHA256.hash(data: entry.key)) == sha256 }
            return false
        }
        if same.contains(where: \.revoked) { return .mismatch }
        if !same.isEmpty { return .trusted }
        return named.isEmpty ? .unknownHost : .mismatch
    }
}

/// Standard base64 (RFC 4648) decoding, written by hand because PlantrackGit does not use
/// Foundation.
enum Base64 {
    /// The bytes `text` encodes, or nil when it is not base64.
    static func decode<Text: StringProtocol>(_ text: Text) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        var padding = 0
        for character in text.utf8 {
            let value: UInt32
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(character - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(character - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(character - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="):
                padding += 1
                continue
            default: return nil
            }
            guard padding == 0 else { return nil }
            buffer = (buffer << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8((buffer >> UInt32(bits)) & 0xff))
            }
        }
        return padding <= 2 ? bytes : nil
    }
}
