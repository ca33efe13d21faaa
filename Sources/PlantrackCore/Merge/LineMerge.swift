/// A three-way merge of lines, in the manner of diff3 (written by hand: no library among
/// this package's dependencies merges text; see docs/merge.md).
///
/// Both sides are compared with the base through ``SequenceDiff``. Base lines that both
/// sides kept are the fixed points; between two of them, a stretch changed on one side only
/// takes that side, a stretch changed the same way on both sides is taken once, and a
/// stretch changed differently is a conflict. Lines keep their line ends, so every line
/// neither side touched keeps its bytes.
public enum LineMerge {
    /// A stretch of the merged text.
    public enum Region: Hashable, Sendable {
        /// Lines both sides agree on (or only one side changed).
        case clean([String])
        /// Lines the two sides changed differently, with the base's lines between them.
        case conflict(ours: [String], base: [String], theirs: [String])
    }

    /// The opening marker line's text (before its line end).
    public static let oursMarker = "<<<<<<< ours"
    /// The marker between the two sides.
    public static let separatorMarker = "======="
    /// The closing marker.
    public static let theirsMarker = ">>>>>>> theirs"

    /// Merges three versions of a list of lines.
    public static func merge(base: [String], ours: [String], theirs: [String]) -> [Region] {
        let toOurs = matches(base, ours)
        let toTheirs = matches(base, theirs)
        var regions: [Region] = []
        func emit(_ lines: [String]) {
            guard !lines.isEmpty else { return }
            if case .clean(let before)? = regions.last {
                regions[regions.count - 1] = .clean(before + lines)
            } else {
                regions.append(.clean(lines))
            }
        }
        var i = 0
        var j = 0
        var k = 0
        while i < base.count || j < ours.count || k < theirs.count {
            if i < base.count, toOurs[i] == j, toTheirs[i] == k {
                emit([ours[j]])
                i += 1
                j += 1
                k += 1
                continue
            }
            // The next base line both sides kept closes this stretch.
            var next = i
            while next < base.count, toOurs[next] == nil || toTheirs[next] == nil { next += 1 }
            let oursEnd = next < base.count ? toOurs[next] ?? ours.count : ours.count
            let theirsEnd = next < base.count ? toTheirs[next] ?? theirs.count : theirs.count
            let b = Array(base[i..<next])
            let o = Array(ours[j..<oursEnd])
            let t = Array(theirs[k..<theirsEnd])
            if o == b {
                emit(t)
            } else if t == b || o == t {
                emit(o)
            } else {
                // Lines the two sides share at the start and end of the stretch are not in conflict.
                var prefix = 0
                while prefix < o.count, prefix < t.count, o[prefix] == t[prefix] { prefix += 1 }
                var suffix = 0
                while suffix < o.count - prefix, suffix < t.count - prefix, o[o.count - 1 - suffix] == t[t.count - 1 - suffix] {
                    suffix += 1
                }
                emit(Array(o[..<prefix]))
                regions.append(
                    .conflict(ours: Array(o[prefix..<(o.count - suffix)]), base: b, theirs: Array(t[prefix..<(t.count - suffix)])))
                emit(Array(o[(o.count - suffix)...]))
            }
            i = next
            j = oursEnd
            k = theirsEnd
        }
        return regions
    }

    /// The merged text with conflicts written between markers, and the (1-based, counted
    /// from `firstLine`) line of each opening marker.
    public static func render(_ regions: [Region], newline: String, firstLine: Int = 1) -> (text: String, markerLines: [Int]) {
        var text = ""
        var line = firstLine
        var markers: [Int] = []
        for region in regions {
            switch region {
            case .clean(let lines):
                for l in lines { text += l }
                line += lines.count
            case .conflict(let ours, _, let theirs):
                // A side's last line may lack a line end; the marker after it must start a line.
                if let last = text.utf8.last, last != 10 { text += newline }
                markers.append(line)
                text += oursMarker + newline
                text += ended(ours, newline)
                text += separatorMarker + newline
                text += ended(theirs, newline)
                text += theirsMarker + newline
                line += ours.count + theirs.count + 3
            }
        }
        return (text, markers)
    }

    /// The lines joined, the last one given a line end if it lacks one.
    static func ended(_ lines: [String], _ newline: String) -> String {
        var text = lines.joined()
        if let last = text.utf8.last, last != 10 { text += newline }
        return text
    }

    /// The lines of `text`, each with its line end (`\n` or `\r\n`); the last may have none.
    public static func lines(_ text: Substring) -> [String] {
        var result: [String] = []
        var start = text.startIndex
        let utf8 = text.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let next = utf8.index(after: i)
            if utf8[i] == UInt8(ascii: "\n") {
                // By bytes: a String index between `\r` and `\n` (one Character) would be rounded down.
                result.append(String(decoding: utf8[start..<next], as: UTF8.self))
                start = next
            }
            i = next
        }
        if start != utf8.endIndex { result.append(String(decoding: utf8[start...], as: UTF8.self)) }
        return result
    }

    /// The line end a text uses: `\r\n` when its first line ends so, else `\n`.
    public static func newline(of text: Substring) -> String {
        guard let lf = text.utf8.firstIndex(of: UInt8(ascii: "\n")), lf != text.utf8.startIndex else { return "\n" }
        return text.utf8[text.utf8.index(before: lf)] == UInt8(ascii: "\r") ? "\r\n" : "\n"
    }

    /// For each base line, the line of `side` it is kept as, or nil when the side changed it.
    private static func matches(_ base: [String], _ side: [String]) -> [Int?] {
        var result = [Int?](repeating: nil, count: base.count)
        var i = 0
        var j = 0
        for operation in SequenceDiff.diff(base, side) {
            switch operation {
            case .same:
                result[i] = j
                i += 1
                j += 1
            case .removed:
                i += 1
            case .added:
                j += 1
            }
        }
        return result
    }
}
