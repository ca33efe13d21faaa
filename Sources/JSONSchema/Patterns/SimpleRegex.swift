/// A matcher for the regular expressions schemas mostly use: a sequence of single-character
/// atoms (literals, `.`, classes, `\d`-style escapes) with quantifiers, optionally anchored
/// by `^` and `$`. No groups, alternation, lookaround or backreferences: `init` returns nil
/// for those and the caller falls back to a full engine.
///
/// It walks the UTF-8 bytes of the subject, decoding scalars only where a pattern needs
/// them, so matching allocates nothing.
struct SimpleRegex: Sendable {
    private struct Item: Sendable {
        var atom: Atom
        var min: Int
        var max: Int  // Int.max for unbounded
    }

    private enum Atom: Sendable {
        case byte(UInt8)  // an ASCII literal
        case scalar(UInt32)  // a non-ASCII literal
        case any  // "." : anything but a line terminator
        case set(CharacterSet)
    }

    /// A set of scalar ranges, with a 128-bit table for the ASCII part.
    fileprivate struct CharacterSet: Sendable {
        var ascii: (UInt64, UInt64) = (0, 0)
        var ranges: [ClosedRange<UInt32>] = []  // non-ASCII parts
        var negated = false

        mutating func insert(_ range: ClosedRange<UInt32>) {
            var lo = range.lowerBound
            while lo <= range.upperBound && lo < 128 {
                if lo < 64 { ascii.0 |= 1 << UInt64(lo) } else { ascii.1 |= 1 << UInt64(lo - 64) }
                lo += 1
            }
            if range.upperBound >= 128 {
                ranges.append(max(range.lowerBound, 128)...range.upperBound)
            }
        }

        func contains(_ v: UInt32) -> Bool {
            let found: Bool
            if v < 64 {
                found = ascii.0 & (1 << UInt64(v)) != 0
            } else if v < 128 {
                found = ascii.1 & (1 << UInt64(v - 64)) != 0
            } else {
                found = ranges.contains { $0.contains(v) }
            }
            return found != negated
        }
    }

    private let items: [Item]
    private let anchoredStart: Bool
    private let anchoredEnd: Bool

    init?(_ pattern: String) {
        var scalars = Array(pattern.unicodeScalars)[...]
        var anchoredStart = false
        var anchoredEnd = false
        if scalars.first == "^" {
            anchoredStart = true
            scalars = scalars.dropFirst()
        }
        if scalars.last == "$" {
            // "\$" at the end is a literal dollar, not an anchor.
            var backslashes = 0
            var i = scalars.index(before: scalars.endIndex)
            while i > scalars.startIndex {
                i = scalars.index(before: i)
                if scalars[i] == "\\" { backslashes += 1 } else { break }
            }
            if backslashes % 2 == 0 {
                anchoredEnd = true
                scalars = scalars.dropLast()
            }
        }
        var items: [Item] = []
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            let atom: Atom
            switch c {
            case "(", ")", "|", "^", "$", "*", "+", "?", "{", "}", "]":
                return nil
            case ".":
                atom = .any
            case "[":
                guard let set = Self.parseClass(&scalars) else { return nil }
                atom = .set(set)
            case "\\":
                guard let e = scalars.first else { return nil }
                scalars = scalars.dropFirst()
                guard let escaped = Self.escapeAtom(e, inClass: false) else { return nil }
                atom = escaped
            default:
                atom = c.value < 128 ? .byte(UInt8(c.value)) : .scalar(c.value)
            }
            var item = Item(atom: atom, min: 1, max: 1)
            if let q = scalars.first {
                switch q {
                case "*":
                    item.min = 0
                    item.max = Int.max
                    scalars = scalars.dropFirst()
                case "+":
                    item.min = 1
                    item.max = Int.max
                    scalars = scalars.dropFirst()
                case "?":
                    item.min = 0
                    item.max = 1
                    scalars = scalars.dropFirst()
                case "{":
                    guard let (lo, hi) = Self.parseBraces(&scalars) else { return nil }
                    item.min = lo
                    item.max = hi
                default: break
                }
                // A lazy quantifier finds a match exactly when the greedy one does.
                if item.min != 1 || item.max != 1, scalars.first == "?" { scalars = scalars.dropFirst() }
                if let next = scalars.first, next == "*" || next == "+" || next == "?" || next == "{" { return nil }
            }
            items.append(item)
        }
        self.items = items
        self.anchoredStart = anchoredStart
        self.anchoredEnd = anchoredEnd
    }

    private static func parseBraces(_ s: inout ArraySlice<Unicode.Scalar>) -> (Int, Int)? {
        var rest = s.dropFirst()
        func number(_ r: inout ArraySlice<Unicode.Scalar>) -> Int? {
            var value: Int? = nil
            while let d = r.first, d.isASCIIDigit {
                value = (value ?? 0) * 10 + Int(d.value - 48)
                if value ?? 0 > 100_000 { return nil }
                r = r.dropFirst()
            }
            return value
        }
        guard let lo = number(&rest) else { return nil }
        var hi = lo
        if rest.first == "," {
            rest = rest.dropFirst()
            hi = number(&rest) ?? Int.max
        }
        guard rest.first == "}", hi >= lo else { return nil }
        s = rest.dropFirst()
        return (lo, hi)
    }

    private static func escapeAtom(_ e: Unicode.Scalar, inClass: Bool) -> Atom? {
        var set = CharacterSet()
        switch e {
        case "d": set.insert(48...57)
        case "D":
            set.insert(48...57)
            set.negated = true
        case "w":
            set.insert(48...57)
            set.insert(65...90)
            set.insert(97...122)
            set.insert(95...95)
        case "W":
            set.insert(48...57)
            set.insert(65...90)
            set.insert(97...122)
            set.insert(95...95)
            set.negated = true
        case "s": insertWhitespace(&set)
        case "S":
            insertWhitespace(&set)
            set.negated = true
        case "t": return .byte(9)
        case "n": return .byte(10)
        case "r": return .byte(13)
        case "v": return .byte(11)
        case "f": return .byte(12)
        default:
            // Identity escapes of syntax characters; anything else (\b, \p, \u, digits) is
            // left to the full engine.
            if "^$\\.*+?()[]{}|/-".unicodeScalars.contains(e) { return .byte(UInt8(e.value)) }
            return nil
        }
        return .set(set)
    }

    // ECMA-262 WhiteSpace and LineTerminator code points.
    private static func insertWhitespace(_ set: inout CharacterSet) {
        for r: ClosedRange<UInt32> in [
            9...13, 32...32, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
            0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
        ] {
            set.insert(r)
        }
    }

    private static func parseClass(_ s: inout ArraySlice<Unicode.Scalar>) -> CharacterSet? {
        var set = CharacterSet()
        if s.first == "^" {
            set.negated = true
            s = s.dropFirst()
        }
        var first = true
        while let c = s.first {
            s = s.dropFirst()
            if c == "]" && !first { return set }
            first = false
            if c == "]" { return nil }  // "[]" and "[^]" mean different things in ECMA; leave them to the full engine.
            if c == "[" { return nil }
            var low: UInt32
            if c == "\\" {
                guard let e = s.first else { return nil }
                s = s.dropFirst()
                if let atom = escapeAtom(e, inClass: true) {
                    switch atom {
                    case .byte(let b): low = UInt32(b)
                    case .set(let inner):
                        guard !inner.negated else { return nil }
                        set.merge(inner)
                        continue
                    default: return nil
                    }
                } else {
                    return nil
                }
            } else {
                low = c.value
            }
            // A range "a-z"; a "-" before "]" is a literal.
            if s.first == "-", s.count >= 2, s[s.index(after: s.startIndex)] != "]" {
                s = s.dropFirst()
                guard let h = s.first else { return nil }
                s = s.dropFirst()
                var high = h.value
                if h == "\\" {
                    guard let e = s.first, let atom = escapeAtom(e, inClass: true), case .byte(let b) = atom else { return nil }
                    s = s.dropFirst()
                    high = UInt32(b)
                }
                guard high >= low else { return nil }
                set.insert(low...high)
            } else {
                set.insert(low...low)
            }
        }
        return nil
    }

    /// Whether the pattern matches somewhere in `string`.
    func matches(_ string: String) -> Bool {
        var s = string
        return s.withUTF8 { bytes in
            if anchoredStart {
                return matchHere(0, bytes, 0)
            }
            var start = 0
            while true {
                if matchHere(0, bytes, start) { return true }
                if start >= bytes.count { return false }
                start = Self.next(bytes, start)
            }
        }
    }

    private func matchHere(_ itemIndex: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
        var i = itemIndex
        var pos = position
        // Runs of exactly-once items need no backtracking state.
        while i < items.count, items[i].min == 1, items[i].max == 1 {
            guard let after = step(items[i].atom, bytes, pos) else { return false }
            pos = after
            i += 1
        }
        if i == items.count {
            return !anchoredEnd || pos == bytes.count
        }
        let item = items[i]
        var count = 0
        var end = pos
        while count < item.max, let after = step(item.atom, bytes, end) {
            end = after
            count += 1
        }
        if count < item.min { return false }
        // Greedy: try the longest run first, giving back one scalar at a time.
        while true {
            if matchHere(i + 1, bytes, end) { return true }
            if count == item.min { return false }
            end = Self.previous(bytes, end)
            count -= 1
        }
    }

    private func step(_ atom: Atom, _ bytes: UnsafeBufferPointer<UInt8>, _ pos: Int) -> Int? {
        guard pos < bytes.count else { return nil }
        let b = bytes[pos]
        switch atom {
        case .byte(let expected):
            return b == expected ? pos + 1 : nil
        case .scalar(let expected):
            let (v, len) = Self.decode(bytes, pos)
            return v == expected ? pos + len : nil
        case .any:
            if b < 128 { return b == 10 || b == 13 ? nil : pos + 1 }
            let (v, len) = Self.decode(bytes, pos)
            return v == 0x2028 || v == 0x2029 ? nil : pos + len
        case .set(let set):
            if b < 128 { return set.contains(UInt32(b)) ? pos + 1 : nil }
            let (v, len) = Self.decode(bytes, pos)
            return set.contains(v) ? pos + len : nil
        }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ pos: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[pos])
        if b0 < 0x80 { return (b0, 1) }
        // Swift strings hold valid UTF-8, so the continuation bytes are there.
        if b0 < 0xE0, pos + 1 < bytes.count {
            return ((b0 & 0x1F) << 6 | UInt32(bytes[pos + 1]) & 0x3F, 2)
        }
        if b0 < 0xF0, pos + 2 < bytes.count {
            return ((b0 & 0x0F) << 12 | (UInt32(bytes[pos + 1]) & 0x3F) << 6 | UInt32(bytes[pos + 2]) & 0x3F, 3)
        }
        if pos + 3 < bytes.count {
            return (
                (b0 & 0x07) << 18 | (UInt32(bytes[pos + 1]) & 0x3F) << 12
                    | (UInt32(bytes[pos + 2]) & 0x3F) << 6 | UInt32(bytes[pos + 3]) & 0x3F, 4
            )
        }
        return (0xFFFD, 1)
    }

    private static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ pos: Int) -> Int {
        var p = pos + 1
        while p < bytes.count, bytes[p] & 0xC0 == 0x80 { p += 1 }
        return p
    }

    private static func previous(_ bytes: UnsafeBufferPointer<UInt8>, _ pos: Int) -> Int {
        var p = pos - 1
        while p > 0, bytes[p] & 0xC0 == 0x80 { p -= 1 }
        return p
    }
}

extension SimpleRegex.CharacterSet {
    fileprivate mutating func merge(_ other: SimpleRegex.CharacterSet) {
        ascii.0 |= other.ascii.0
        ascii.1 |= other.ascii.1
        ranges += other.ranges
    }
}
