/// RFC 3986 URIs and references, RFC 6901 JSON pointers, relative JSON pointers and UUIDs.
enum URIFormats {
    typealias Bytes = ByteChecks.Bytes

    private static let pathCharacters = ByteChecks.ASCIISet("-._~!$&'()*+,;=/:@", letters: true, digits: true)
    private static let queryCharacters = ByteChecks.ASCIISet("-._~!$&'()*+,;=/:@?", letters: true, digits: true)
    private static let userinfoCharacters = ByteChecks.ASCIISet("-._~!$&'()*+,;=:", letters: true, digits: true)
    private static let hostCharacters = ByteChecks.ASCIISet("-._~!$&'()*+,;=", letters: true, digits: true)
    private static let schemeCharacters = ByteChecks.ASCIISet("+-.", letters: true, digits: true)

    /// Whether `s` is a URI (`requireScheme`) or a URI reference, checked against the
    /// RFC 3986 grammar of each component.
    static func isURI(_ s: String, requireScheme: Bool) -> Bool {
        ByteChecks.withBytes(s) { b in isURI(b, requireScheme: requireScheme) }
    }

    private static func isURI(_ b: Bytes, requireScheme: Bool) -> Bool {
        var i = 0
        // Scheme: a letter, then letters, digits, "+", "-", "." up to ":".
        var hasScheme = false
        if !b.isEmpty, ByteChecks.isLetter(b[0]) {
            var j = 1
            while j < b.count, schemeCharacters.contains(b[j]) { j += 1 }
            if j < b.count, b[j] == UInt8(ascii: ":") {
                hasScheme = true
                i = j + 1
            }
        }
        if requireScheme && !hasScheme { return false }
        let end = b.count
        var hasAuthority = false
        if end - i >= 2, b[i] == UInt8(ascii: "/"), b[i + 1] == UInt8(ascii: "/") {
            hasAuthority = true
            let start = i + 2
            var j = start
            while j < end, b[j] != UInt8(ascii: "/"), b[j] != UInt8(ascii: "?"), b[j] != UInt8(ascii: "#") { j += 1 }
            guard isAuthority(b, start, j) else { return false }
            i = j
        }
        // Path, then "?query", then "#fragment".
        let pathStart = i
        while i < end, b[i] != UInt8(ascii: "?"), b[i] != UInt8(ascii: "#") {
            guard accept(b, &i, pathCharacters) else { return false }
        }
        if !hasScheme && !hasAuthority {
            // A relative reference's first segment may not contain ":" (it would read as a scheme).
            var j = pathStart
            while j < i, b[j] != UInt8(ascii: "/") {
                if b[j] == UInt8(ascii: ":") { return false }
                j += 1
            }
        }
        if i < end, b[i] == UInt8(ascii: "?") {
            i += 1
            while i < end, b[i] != UInt8(ascii: "#") {
                guard accept(b, &i, queryCharacters) else { return false }
            }
        }
        if i < end, b[i] == UInt8(ascii: "#") {
            i += 1
            while i < end {
                guard accept(b, &i, queryCharacters) else { return false }
            }
        }
        return true
    }

    /// Consumes one allowed character or one well-formed percent-encoding.
    private static func accept(_ b: Bytes, _ i: inout Int, _ allowed: ByteChecks.ASCIISet) -> Bool {
        let c = b[i]
        if c == UInt8(ascii: "%") {
            guard i + 2 < b.count, ByteChecks.isHexDigit(b[i + 1]), ByteChecks.isHexDigit(b[i + 2]) else { return false }
            i += 3
            return true
        }
        guard allowed.contains(c) else { return false }
        i += 1
        return true
    }

    private static func isAuthority(_ b: Bytes, _ start: Int, _ end: Int) -> Bool {
        var hostStart = start
        if let at = b[start..<end].lastIndex(of: UInt8(ascii: "@")) {
            var i = start
            while i < at {
                guard accept(b, &i, userinfoCharacters) else { return false }
            }
            hostStart = at + 1
        }
        var i = hostStart
        if i < end, b[i] == UInt8(ascii: "[") {
            guard let close = b[i..<end].firstIndex(of: UInt8(ascii: "]")) else { return false }
            let isFuture = close > i + 1 && (b[i + 1] | 0x20) == UInt8(ascii: "v")
            guard isFuture || NetworkFormats.isIPv6(b, i + 1, close) else { return false }
            i = close + 1
        } else {
            while i < end, b[i] != UInt8(ascii: ":") {
                guard accept(b, &i, hostCharacters) else { return false }
            }
        }
        if i < end {
            guard b[i] == UInt8(ascii: ":") else { return false }
            i += 1
            while i < end {
                guard ByteChecks.isDigit(b[i]) else { return false }
                i += 1
            }
        }
        return true
    }

    /// 8-4-4-4-12 hexadecimal digits.
    static func isUUID(_ s: String) -> Bool {
        ByteChecks.withBytes(s) { b in
            guard b.count == 36 else { return false }
            for (i, c) in b.enumerated() {
                if i == 8 || i == 13 || i == 18 || i == 23 {
                    guard c == UInt8(ascii: "-") else { return false }
                } else {
                    guard ByteChecks.isHexDigit(c) else { return false }
                }
            }
            return true
        }
    }

    /// "" or "/"-prefixed tokens where "~" is only followed by 0 or 1.
    static func isJSONPointer(_ s: String) -> Bool {
        ByteChecks.withBytes(s) { b in isJSONPointer(b, 0) }
    }

    private static func isJSONPointer(_ b: Bytes, _ start: Int) -> Bool {
        if start == b.count { return true }
        guard b[start] == UInt8(ascii: "/") else { return false }
        var i = start
        while i < b.count {
            if b[i] == UInt8(ascii: "~") {
                guard i + 1 < b.count, b[i + 1] == UInt8(ascii: "0") || b[i + 1] == UInt8(ascii: "1") else { return false }
            }
            i += 1
        }
        return true
    }

    /// A non-negative integer, optional "+N"/"-N" index shift, then "#" or a JSON pointer.
    static func isRelativeJSONPointer(_ s: String) -> Bool {
        ByteChecks.withBytes(s) { b in
            func number(_ i: inout Int) -> Bool {
                let start = i
                while i < b.count, ByteChecks.isDigit(b[i]) { i += 1 }
                return i > start && (i - start == 1 || b[start] != UInt8(ascii: "0"))
            }
            var i = 0
            guard number(&i) else { return false }
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                i += 1
                guard number(&i) else { return false }
            }
            if i < b.count, b[i] == UInt8(ascii: "#") { return i + 1 == b.count }
            return isJSONPointer(b, i)
        }
    }
}
