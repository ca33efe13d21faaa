/// Finds the conflict markers a merge leaves in a file (`<<<<<<< ours`, `=======`,
/// `>>>>>>> theirs`), so the reader reports them as `merge.conflict` instead of the YAML
/// error they would cause.
public enum ConflictMarkers {
    /// The rule id of a marker left in a document.
    public static let rule = "merge.conflict"

    /// The rule's descriptor. The reader reports it (it is one of
    /// ``WorkspaceValidator/readerAndSchemaRules``), not ``PlanRules``.
    public static let descriptor = RuleDescriptor(
        id: rule, severity: .error, summary: "no document holds the conflict markers a merge left")

    /// One marker line.
    public struct Marker: Hashable, Sendable {
        /// Which marker.
        public enum Kind: String, Hashable, Sendable {
            case ours = "<<<<<<<"
            case base = "|||||||"
            case separator = "======="
            case theirs = ">>>>>>>"
        }

        /// Which marker it is.
        public var kind: Kind
        /// Where it stands (column 1 of its line).
        public var location: SourceLocation
    }

    /// The marker lines of `bytes`: a line starting with seven `<`, `|` or `>` followed by a
    /// space or the line end, and a line of exactly seven `=` after an opening marker (alone,
    /// such a line is a Markdown heading's underline).
    public static func find(in bytes: ArraySlice<UInt8>) -> [Marker] {
        // One pass over the lines; a line is looked at only when it starts with `<`, `=`, `>` or `|`.
        var markers: [Marker] = []
        var open = false
        var line = 1
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            var text = bytes[start..<end]
            if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
            if let first = text.first, first == 60 || first == 61 || first == 62 || first == 124,
                let kind = kind(of: text, afterOpening: open)
            {
                markers.append(Marker(kind: kind, location: SourceLocation(line: line, column: 1)))
                switch kind {
                case .ours: open = true
                case .theirs: open = false
                case .base, .separator: break
                }
            }
            start = end < bytes.endIndex ? end + 1 : end
            line += 1
        }
        // A lone `>>>>>>>` or `|||||||` with no opening marker is still a marker a merge left.
        return markers
    }

    private static func kind(of line: ArraySlice<UInt8>, afterOpening open: Bool) -> Marker.Kind? {
        guard line.count >= 7, let first = line.first else { return nil }
        let run = line.prefix(7)
        guard run.allSatisfy({ $0 == first }) else { return nil }
        let rest = line.dropFirst(7)
        switch first {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"):
            guard rest.isEmpty || rest.first == UInt8(ascii: " ") else { return nil }
            return first == UInt8(ascii: "<") ? .ours : first == UInt8(ascii: ">") ? .theirs : .base
        case UInt8(ascii: "="):
            guard open, rest.allSatisfy({ $0 == 32 || $0 == 9 }) else { return nil }
            return .separator
        default:
            return nil
        }
    }

    /// The `merge.conflict` findings of a file holding markers, one per marker line.
    public static func findings(in bytes: ArraySlice<UInt8>, path: String) -> [Finding] {
        find(in: bytes).map { marker in
            let what: String
            switch marker.kind {
            case .ours: what = "a merge conflict starts here: the lines up to '=======' are ours"
            case .base: what = "a merge conflict's base version starts here"
            case .separator: what = "the other side of a merge conflict starts here: the lines up to '>>>>>>>' are theirs"
            case .theirs: what = "a merge conflict ends here"
            }
            return Finding(
                .error, rule: rule, path: path, location: marker.location,
                message: "\(what); keep the right lines, delete the marker lines and validate again")
        }
    }
}
