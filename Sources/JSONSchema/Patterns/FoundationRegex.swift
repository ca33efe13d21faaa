import Foundation

/// `NSRegularExpression` behind an ECMA-262 translation layer.
///
/// ICU differs from ECMA-262 where schemas notice: `\d`, `\w` and `\s` are Unicode-aware and
/// `$` also matches before a final newline. The translation pins those to ECMA meanings.
/// A compiled `NSRegularExpression` is immutable and documented as safe to share between
/// threads, hence `@unchecked Sendable`.
final class FoundationRegex: @unchecked Sendable {
    private let regex: NSRegularExpression

    init(ecmaPattern: String) throws {
        regex = try NSRegularExpression(pattern: Self.translate(ecmaPattern), options: [])
    }

    func matches(_ string: String) -> Bool {
        let range = NSRange(string.startIndex..<string.endIndex, in: string)
        return regex.rangeOfFirstMatch(in: string, options: [], range: range).location != NSNotFound
    }

    static func translate(_ pattern: String) -> String {
        var out = ""
        var inClass = false
        var iterator = pattern.unicodeScalars.makeIterator()
        while let c = iterator.next() {
            if c == "\\" {
                guard let e = iterator.next() else {
                    out += "\\"
                    break
                }
                switch e {
                case "d": out += inClass ? "0-9" : "[0-9]"
                case "D": out += inClass ? "\\x{0}-/:-\\x{10FFFF}" : "[^0-9]"
                case "w": out += inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]"
                case "W": out += inClass ? "\\x{0}-/:-@\\[-^`{-\\x{10FFFF}" : "[^a-zA-Z0-9_]"
                default:
                    out.unicodeScalars.append("\\")
                    out.unicodeScalars.append(e)
                }
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
                if c == "[" {
                    out += "\\["
                    continue
                }
                out.unicodeScalars.append(c)
                continue
            }
            switch c {
            case "[":
                // "[]" matches nothing and "[^]" anything in ECMA-262; ICU reads a leading "]"
                // as a literal instead.
                var lookahead = iterator
                let next = lookahead.next()
                if next == "]" {
                    iterator = lookahead
                    out += "(?!)"
                } else if next == "^", lookahead.next() == "]" {
                    iterator = lookahead
                    out += "[\\s\\S]"
                } else {
                    inClass = true
                    out += "["
                }
            case "$":
                out += "(?![\\s\\S])"
            default:
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
