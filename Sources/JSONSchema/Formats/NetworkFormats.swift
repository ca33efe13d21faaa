/// Email addresses (RFC 5321 mailbox syntax), host names (RFC 1123) and IP addresses.
enum NetworkFormats {
    typealias Bytes = ByteChecks.Bytes

    private static let atomCharacters = ByteChecks.ASCIISet("!#$%&'*+-/=?^_`{|}~", letters: true, digits: true)

    /// `local@domain` where local is a dot-atom or a quoted string and domain is a host
    /// name or a bracketed IPv4/IPv6 literal.
    static func isEmail(_ s: String) -> Bool {
        ByteChecks.withBytes(s) { b in
            guard let at = b.lastIndex(of: UInt8(ascii: "@")), at > 0, at < b.count - 1 else { return false }
            guard isLocalPart(b, 0, at) else { return false }
            let domainStart = at + 1
            if b[domainStart] == UInt8(ascii: "["), b[b.count - 1] == UInt8(ascii: "]") {
                let inner = domainStart + 1
                let end = b.count - 1
                let tag = Array("IPv6:".utf8)
                if end - inner > tag.count, Array(b[inner..<(inner + tag.count)]) == tag {
                    return isIPv6(b, inner + tag.count, end)
                }
                return isIPv4(b, inner, end)
            }
            return isHostname(b, domainStart, b.count)
        }
    }

    private static func isLocalPart(_ b: Bytes, _ start: Int, _ end: Int) -> Bool {
        if b[start] == UInt8(ascii: "\"") {
            guard end - start >= 2, b[end - 1] == UInt8(ascii: "\"") else { return false }
            var escaped = false
            for i in (start + 1)..<(end - 1) {
                let c = b[i]
                if escaped {
                    escaped = false
                    continue
                }
                if c == UInt8(ascii: "\\") {
                    escaped = true
                    continue
                }
                if c == UInt8(ascii: "\"") || c < 0x20 || c == 0x7F { return false }
            }
            return !escaped
        }
        guard end - start <= 64, b[start] != UInt8(ascii: "."), b[end - 1] != UInt8(ascii: ".") else { return false }
        var previousDot = false
        for i in start..<end {
            let c = b[i]
            if c == UInt8(ascii: ".") {
                if previousDot { return false }
                previousDot = true
                continue
            }
            previousDot = false
            guard atomCharacters.contains(c) || c >= 0x80 else { return false }
        }
        return true
    }

    /// Dot-separated labels of letters, digits and inner hyphens, 63 bytes each, 253 in all.
    static func isHostname(_ s: String) -> Bool {
        ByteChecks.withBytes(s) { b in isHostname(b, 0, b.count) }
    }

    private static func isHostname(_ b: Bytes, _ start: Int, _ end: Int) -> Bool {
        guard end > start, end - start <= 253 else { return false }
        var labelStart = start
        var i = start
        while i <= end {
            if i == end || b[i] == UInt8(ascii: ".") {
                let length = i - labelStart
                guard length > 0, length <= 63, b[labelStart] != UInt8(ascii: "-"), b[i - 1] != UInt8(ascii: "-") else {
                    return false
                }
                // "--" in positions 3-4 is reserved for encodings such as Punycode's "xn--".
                if length >= 4, b[labelStart + 2] == UInt8(ascii: "-"), b[labelStart + 3] == UInt8(ascii: "-"),
                    !((b[labelStart] | 0x20) == UInt8(ascii: "x") && (b[labelStart + 1] | 0x20) == UInt8(ascii: "n"))
                {
                    return false
                }
                labelStart = i + 1
            } else {
                let c = b[i]
                guard ByteChecks.isLetter(c) || ByteChecks.isDigit(c) || c == UInt8(ascii: "-") else { return false }
            }
            i += 1
        }
        return true
    }

    /// Dotted quad, each part 0-255 without leading zeros.
    static func isIPv4(_ s: String) -> Bool {
        ByteChecks.withBytes(s) { b in isIPv4(b, 0, b.count) }
    }

    static func isIPv4(_ b: Bytes, _ start: Int, _ end: Int) -> Bool {
        var parts = 0
        var i = start
        while true {
            let partStart = i
            var value = 0
            while i < end, ByteChecks.isDigit(b[i]), i - partStart < 3 {
                value = value * 10 + Int(b[i] - 48)
                i += 1
            }
            let length = i - partStart
            guard length > 0, value <= 255, length == 1 || b[partStart] != UInt8(ascii: "0") else { return false }
            parts += 1
            if i == end { return parts == 4 }
            guard b[i] == UInt8(ascii: "."), parts < 4 else { return false }
            i += 1
        }
    }

    /// RFC 4291 text forms, including `::` compression and a trailing dotted quad.
    static func isIPv6(_ s: String) -> Bool {
        ByteChecks.withBytes(s) { b in isIPv6(b, 0, b.count) }
    }

    static func isIPv6(_ b: Bytes, _ start: Int, _ end: Int) -> Bool {
        guard end > start else { return false }
        var groups = 0
        var compressed = false
        var i = start
        if b[i] == UInt8(ascii: ":") {
            guard end - i >= 2, b[i + 1] == UInt8(ascii: ":") else { return false }
            compressed = true
            i += 2
            if i == end { return true }
        }
        while i < end {
            let groupStart = i
            while i < end, ByteChecks.isHexDigit(b[i]) { i += 1 }
            if i < end, b[i] == UInt8(ascii: ".") {
                // A trailing IPv4 address stands for the last two groups.
                guard isIPv4(b, groupStart, end) else { return false }
                groups += 2
                i = end
                break
            }
            let length = i - groupStart
            guard length > 0, length <= 4 else { return false }
            groups += 1
            if i == end { break }
            guard b[i] == UInt8(ascii: ":") else { return false }
            i += 1
            if i < end, b[i] == UInt8(ascii: ":") {
                guard !compressed else { return false }
                compressed = true
                i += 1
                if i == end { break }
            } else if i == end {
                return false
            }
        }
        return compressed ? groups <= 7 : groups == 8
    }
}
