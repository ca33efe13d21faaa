/// RFC 3986 URIs and references, RFC 6901 JSON pointers, relative JSON pointers and UUIDs.
enum URIFormats {
    private static let unreserved = Set("-._~".unicodeScalars)
    private static let subDelims = Set("!$&'()*+,;=".unicodeScalars)

    /// Whether `s` is a URI (`requireScheme`) or a URI reference, checked character by
    /// character against the RFC 3986 grammar of each component.
    static func isURI(_ s: String, requireScheme: Bool) -> Bool {
        let ref = URIReference(s)
        if requireScheme && ref.scheme == nil { return false }
        if ref.scheme == nil, let colon = s.firstIndex(of: ":") {
            // A relative reference's first segment may not contain ":" (it would read as a scheme).
            let firstSegmentEnd = s.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? s.endIndex
            if colon < firstSegmentEnd { return false }
        }
        if let authority = ref.authority, !isAuthority(authority) { return false }
        if ref.authority == nil, ref.path.hasPrefix("//") { return false }
        guard isComponent(ref.path, extra: "/:@") else { return false }
        if let query = ref.query, !isComponent(query, extra: "/?:@") { return false }
        if let fragment = ref.fragment, !isComponent(fragment, extra: "/?:@") { return false }
        return true
    }

    private static func isComponent(_ s: String, extra: String) -> Bool {
        let allowedExtra = Set(extra.unicodeScalars)
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "%" {
                guard i + 2 < scalars.count, scalars[i + 1].isASCIIHexDigit, scalars[i + 2].isASCIIHexDigit else { return false }
                i += 3
                continue
            }
            guard c.isASCIILetter || c.isASCIIDigit || unreserved.contains(c) || subDelims.contains(c) || allowedExtra.contains(c)
            else { return false }
            i += 1
        }
        return true
    }

    private static func isAuthority(_ authority: String) -> Bool {
        var hostPort = Substring(authority)
        if let at = hostPort.lastIndex(of: "@") {
            guard isComponent(String(hostPort[..<at]), extra: ":") else { return false }
            hostPort = hostPort[hostPort.index(after: at)...]
        }
        var host = hostPort
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { return false }
            let literal = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let afterLiteral = hostPort[hostPort.index(after: close)...]
            guard NetworkFormats.isIPv6(literal) || literal.lowercased().hasPrefix("v") else { return false }
            if !afterLiteral.isEmpty {
                guard afterLiteral.hasPrefix(":"), afterLiteral.dropFirst().allSatisfy(\.isASCIIDigit) else { return false }
            }
            return true
        }
        if let colon = hostPort.lastIndex(of: ":") {
            guard hostPort[hostPort.index(after: colon)...].allSatisfy({ $0.isASCIIDigit }) else { return false }
            host = hostPort[..<colon]
        }
        return isComponent(String(host), extra: "")
    }

    /// 8-4-4-4-12 hexadecimal digits.
    static func isUUID(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 36 else { return false }
        for (i, c) in b.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard c == UInt8(ascii: "-") else { return false }
            } else {
                guard Unicode.Scalar(c).isASCIIHexDigit else { return false }
            }
        }
        return true
    }

    /// "" or "/"-prefixed tokens where "~" is only followed by 0 or 1.
    static func isJSONPointer(_ s: String) -> Bool {
        if s.isEmpty { return true }
        guard s.hasPrefix("/") else { return false }
        let scalars = Array(s.unicodeScalars)
        for (i, c) in scalars.enumerated() where c == "~" {
            guard i + 1 < scalars.count, scalars[i + 1] == "0" || scalars[i + 1] == "1" else { return false }
        }
        return true
    }

    /// A non-negative integer, optional "+N"/"-N" index shift, then "#" or a JSON pointer.
    static func isRelativeJSONPointer(_ s: String) -> Bool {
        var rest = Substring(s)
        let digits = rest.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, digits == "0" || !digits.hasPrefix("0") else { return false }
        rest = rest.dropFirst(digits.count)
        if rest.first == "+" || rest.first == "-" {
            let shift = rest.dropFirst().prefix(while: \.isASCIIDigit)
            guard !shift.isEmpty, shift == "0" || !shift.hasPrefix("0") else { return false }
            rest = rest.dropFirst(1 + shift.count)
        }
        return rest == "#" || isJSONPointer(String(rest))
    }
}
