/// Where a remote is, read from its URL: enough to ask for credentials, to look up a host key
/// and to name the remote in a message without its secrets.
///
/// Understands `scheme://[user[:password]@]host[:port]/path` (`https`, `http`, `ssh`, `git`,
/// `file`), git's scp-like `[user@]host:path` (SSH on port 22), and local paths. Written by
/// hand: the forms are few and libgit2 does not expose its URL parser.
public struct RemoteLocation: Hashable, Sendable {
    /// `https`, `http`, `ssh`, `git`, `file`, or `local` for a plain path.
    public var scheme: String
    /// The user name in the URL (`anna` in `https://anna@host/x`), or nil.
    public var user: String?
    /// The host without brackets (`127.0.0.1`, `git.example.se`), empty for local paths.
    public var host: String
    /// The port named in the URL, or nil for the scheme's default.
    public var port: Int?
    /// The path on the host (`/plans.git`, or `plans.git` for the scp-like form).
    public var path: String
    /// Whether the URL carried a password (`user:password@`); the password itself is not kept.
    public var hadPassword: Bool

    /// Reads `url`; anything that is not a URL is taken as a local path.
    public init(_ url: String) {
        if let schemeEnd = url.range(of: "://") {
            scheme = url[..<schemeEnd.lowerBound].lowercased()
            let rest = url[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            path = String(rest[authorityEnd...])
            var authority = Substring(rest[..<authorityEnd])
            user = nil
            hadPassword = false
            if let at = authority.lastIndex(of: "@") {
                let userinfo = authority[..<at]
                authority = authority[authority.index(after: at)...]
                if let colon = userinfo.firstIndex(of: ":") {
                    user = Self.percentDecoded(userinfo[..<colon])
                    hadPassword = true
                } else {
                    user = Self.percentDecoded(userinfo)
                }
            }
            (host, port) = Self.hostAndPort(authority)
            if scheme == "file" { host = "" }
        } else if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/"), url[..<colon].count > 1 {
            // git's scp-like syntax: [user@]host:path (a one-letter "host" is a Windows drive).
            scheme = "ssh"
            var authority = url[..<colon]
            user = nil
            hadPassword = false
            if let at = authority.lastIndex(of: "@") {
                user = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            host = String(authority)
            port = nil
            path = String(url[url.index(after: colon)...])
        } else {
            scheme = "local"
            user = nil
            host = ""
            port = nil
            path = url
            hadPassword = false
        }
    }

    /// The URL as it may be printed: user and password removed
    /// (`https://127.0.0.1:8443/plans.git`); local paths unchanged.
    public var redacted: String {
        switch scheme {
        case "local": return path
        case "file": return "file://" + path
        default: return "\(scheme)://\(hostAndPort)\(path.hasPrefix("/") || path.isEmpty ? "" : "/")\(path)"
        }
    }

    /// `host` or `host:port`, IPv6 addresses in brackets, as a URL writes them.
    public var hostAndPort: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return port.map { "\(bracketed):\($0)" } ?? bracketed
    }

    /// The port a connection goes to: the URL's, else the scheme's default.
    public var effectivePort: Int {
        if let port { return port }
        switch scheme {
        case "https": return 443
        case "http": return 80
        case "git": return 9418
        default: return 22
        }
    }

    /// How `known_hosts` names this host: `host` on port 22, else `[host]:port`.
    public var knownHostsName: String {
        effectivePort == 22 ? host : "[\(host)]:\(effectivePort)"
    }

    /// Whether the scheme is one that may need credentials over the network.
    var isHTTP: Bool { scheme == "http" || scheme == "https" }

    private static func hostAndPort(_ authority: Substring) -> (String, Int?) {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            let host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            return (host, after.hasPrefix(":") ? Int(after.dropFirst()) : nil)
        }
        if let colon = authority.lastIndex(of: ":") {
            return (String(authority[..<colon]), Int(authority[authority.index(after: colon)...]))
        }
        return (String(authority), nil)
    }

    /// Decodes `%XX` escapes (a user name like `anna%40lan`); bytes that do not form an
    /// escape are kept as they are.
    private static func percentDecoded(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
