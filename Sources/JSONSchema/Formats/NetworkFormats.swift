/// Email addresses (RFC 5321 mailbox syntax), host names (RFC 1123) and IP addresses.
enum NetworkFormats {
    /// `local@domain` where local is a dot-atom or a quoted string and domain is a host
    /// name or a bracketed IPv4/IPv6 literal.
    static func isEmail(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard let at = scalars.lastIndex(of: "@"), at > 0, at < scalars.count - 1 else { return false }
        let local = scalars[..<at]
        let domain = String(String.UnicodeScalarView(scalars[(at + 1)...]))
        guard isLocalPart(local) else { return false }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            let literal = String(domain.dropFirst().dropLast())
            if literal.hasPrefix("IPv6:") { return isIPv6(String(literal.dropFirst(5))) }
            return isIPv4(literal)
        }
        return isHostname(domain)
    }

    private static let atomSpecials = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)

    private static func isLocalPart(_ local: ArraySlice<Unicode.Scalar>) -> Bool {
        if local.first == "\"" {
            guard local.count >= 2, local.last == "\"" else { return false }
            var escaped = false
            for c in local.dropFirst().dropLast() {
                if escaped {
                    escaped = false
                    continue
                }
                if c == "\\" {
                    escaped = true
                    continue
                }
                if c == "\"" || c.value < 0x20 || c.value == 0x7F { return false }
            }
            return !escaped
        }
        guard local.count <= 64, local.first != ".", local.last != "." else { return false }
        var previousDot = false
        for c in local {
            if c == "." {
                if previousDot { return false }
                previousDot = true
                continue
            }
            previousDot = false
            guard c.isASCIILetter || c.isASCIIDigit || atomSpecials.contains(c) || c.value >= 0x80 else { return false }
        }
        return true
    }

    /// Dot-separated labels of letters, digits and inner hyphens, 63 bytes each, 253 in all.
    static func isHostname(_ s: String) -> Bool {
        let name = Substring(s)
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.utf8.count <= 63, label.first != "-", label.last != "-" else { return false }
            for c in label.unicodeScalars where !(c.isASCIILetter || c.isASCIIDigit || c == "-") {
                return false
            }
            // "xn--" labels are Punycode; "ab--" in positions 3-4 is reserved for such prefixes.
            let lower = label.lowercased()
            if lower.count >= 4, Array(lower.utf8)[2] == UInt8(ascii: "-"), Array(lower.utf8)[3] == UInt8(ascii: "-"),
                !lower.hasPrefix("xn--")
            {
                return false
            }
        }
        return true
    }

    /// Dotted quad, each part 0-255 without leading zeros.
    static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.unicodeScalars.allSatisfy(\.isASCIIDigit),
                let value = Int(part), value <= 255, part == "0" || !part.hasPrefix("0")
            else { return false }
        }
        return true
    }

    /// RFC 4291 text forms, including `::` compression and a trailing dotted quad.
    static func isIPv6(_ s: String) -> Bool {
        guard !s.isEmpty, s.unicodeScalars.allSatisfy({ $0.isASCIIHexDigit || $0 == ":" || $0 == "." }) else { return false }
        var groups = 0
        var text = Substring(s)
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard isIPv4(String(text[text.index(after: lastColon)...])) else { return false }
            text = text[...lastColon]
            if !text.hasSuffix("::") { text = text.dropLast() }
            groups += 2
        }
        let compressed = text.components(separatedByString: "::")
        guard compressed.count <= 2 else { return false }
        for half in compressed where !half.isEmpty {
            for group in half.split(separator: ":", omittingEmptySubsequences: false) {
                guard !group.isEmpty, group.count <= 4 else { return false }
                groups += 1
            }
        }
        return compressed.count == 2 ? groups <= 7 : groups == 8
    }
}

extension Substring {
    /// Splits on a multi-character separator without Foundation.
    func components(separatedByString separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = self
        while let range = rest.firstRange(of: separator) {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}
