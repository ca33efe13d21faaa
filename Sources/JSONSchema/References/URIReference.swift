/// A URI or relative reference split into its RFC 3986 components.
///
/// Schema identifiers need exact RFC 3986 behaviour: fragments that are JSON pointers or
/// anchors, `urn:` and `tag:` identifiers with no hierarchy, and relative references resolved
/// against nested `$id`s. Foundation's `URL` normalises and rejects too much of that.
struct URIReference: Hashable, Sendable, CustomStringConvertible {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    /// Splits `string` as RFC 3986 Appendix B does. Every string splits; whether it is a
    /// well-formed URI is a separate question (see `FormatChecks.isURI`).
    init(_ string: String) {
        var rest = Substring(string)
        scheme = nil
        authority = nil
        query = nil
        fragment = nil
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        if let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon]
            if Self.isSchemeName(candidate) {
                scheme = candidate.lowercased()
                rest = rest[rest.index(after: colon)...]
            }
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            authority = Self.normalizedAuthority(rest[afterSlashes..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    static func isSchemeName(_ s: Substring) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCIILetter else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "+" || $0 == "-" || $0 == "." }
    }

    // Hosts are case-insensitive; lowercasing them lets equal identifiers share one key.
    private static func normalizedAuthority(_ a: Substring) -> String {
        if let at = a.lastIndex(of: "@") {
            return String(a[...at]) + a[a.index(after: at)...].lowercased()
        }
        return a.lowercased()
    }

    /// Whether the reference has a scheme (is a URI rather than a relative reference).
    var isAbsolute: Bool { scheme != nil }

    /// The same reference without its fragment: the identifier of a schema resource.
    var withoutFragment: URIReference {
        var copy = self
        copy.fragment = nil
        return copy
    }

    /// The reference recomposed as text (RFC 3986 section 5.3).
    var description: String {
        var out = ""
        if let scheme { out += scheme + ":" }
        if let authority { out += "//" + authority }
        out += path
        if let query { out += "?" + query }
        if let fragment { out += "#" + fragment }
        return out
    }

    /// Resolves `reference` against `self` as base (RFC 3986 section 5.2.2, strict).
    func resolving(_ reference: URIReference) -> URIReference {
        var target = URIReference(scheme: nil, authority: nil, path: "", query: nil, fragment: reference.fragment)
        if let s = reference.scheme {
            target.scheme = s
            target.authority = reference.authority
            target.path = Self.removeDotSegments(reference.path)
            target.query = reference.query
        } else {
            if reference.authority != nil {
                target.authority = reference.authority
                target.path = Self.removeDotSegments(reference.path)
                target.query = reference.query
            } else {
                if reference.path.isEmpty {
                    target.path = path
                    target.query = reference.query ?? query
                } else {
                    if reference.path.hasPrefix("/") {
                        target.path = Self.removeDotSegments(reference.path)
                    } else {
                        target.path = Self.removeDotSegments(merge(reference.path))
                    }
                    target.query = reference.query
                }
                target.authority = authority
            }
            target.scheme = scheme
        }
        return target
    }

    private func merge(_ relative: String) -> String {
        if authority != nil && path.isEmpty {
            return "/" + relative
        }
        if let slash = path.lastIndex(of: "/") {
            return String(path[...slash]) + relative
        }
        return relative
    }

    /// RFC 3986 section 5.2.4.
    static func removeDotSegments(_ input: String) -> String {
        guard input.utf8.contains(UInt8(ascii: ".")) else { return input }
        var inputBuffer = Substring(input)
        var output: [Substring] = []
        var outputString = ""
        // Work on segments: each output entry is "/segment" or a leading relative segment.
        while !inputBuffer.isEmpty {
            if inputBuffer.hasPrefix("../") {
                inputBuffer = inputBuffer.dropFirst(3)
            } else if inputBuffer.hasPrefix("./") {
                inputBuffer = inputBuffer.dropFirst(2)
            } else if inputBuffer.hasPrefix("/./") {
                inputBuffer = inputBuffer.dropFirst(2)
            } else if inputBuffer == "/." {
                inputBuffer = "/"
            } else if inputBuffer.hasPrefix("/../") {
                inputBuffer = inputBuffer.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if inputBuffer == "/.." {
                inputBuffer = "/"
                if !output.isEmpty { output.removeLast() }
            } else if inputBuffer == "." || inputBuffer == ".." {
                inputBuffer = ""
            } else {
                let searchStart = inputBuffer.hasPrefix("/") ? inputBuffer.index(after: inputBuffer.startIndex) : inputBuffer.startIndex
                let end = inputBuffer[searchStart...].firstIndex(of: "/") ?? inputBuffer.endIndex
                output.append(inputBuffer[..<end])
                inputBuffer = inputBuffer[end...]
            }
        }
        for segment in output { outputString += segment }
        return outputString
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    var isASCIIHexDigit: Bool {
        isASCIIDigit || (value >= 0x41 && value <= 0x46) || (value >= 0x61 && value <= 0x66)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
