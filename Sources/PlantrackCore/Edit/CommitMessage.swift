import JSONSchema

/// Commit messages: the subject git's convention allows, and the lines that describe field
/// changes (in messages and in what the writing commands print).
public enum CommitMessage {
    /// `~ status: in-progress → done`, `+ completed: 2021-06-30`, `- cancelled_reason: …`.
    public static func changeLines(_ changes: [FieldChange]) -> [String] {
        changes.map { change in
            switch change.kind {
            case .added: return "+ \(change.field): \(show(change.new))"
            case .removed: return "- \(change.field): \(show(change.old))"
            case .changed: return "~ \(change.field): \(show(change.old)) → \(show(change.new))"
            }
        }
    }

    /// A value as one short line: strings bare, the rest as JSON; `∅` when absent.
    public static func show(_ value: JSONValue?) -> String {
        guard let value else { return "∅" }
        if case .string(let s) = value { return s }
        return value.description
    }

    /// The longest first line (subject) a commit gets: git's convention, what `git log
    /// --oneline`, GitHub and most tools show without cutting.
    public static let subjectLimit = 72

    /// `message` with a subject of at most ``subjectLimit`` characters. A longer first line
    /// (a long title, a long value) is cut at a word with "…", and kept whole as the first
    /// paragraph of the body, so nothing is lost. Every commit of a writing command goes
    /// through here (``WorkspaceWriter``).
    public static func fitted(_ message: String) -> String {
        // git's subject is the first paragraph, joined: a value with a line break (a title
        // written over two lines) would carry it on, so such a paragraph is one line too.
        let blank = message.range(of: "\n\n")
        var subject = blank.map { String(message[..<$0.lowerBound]) } ?? message
        if blank == nil, subject.hasSuffix("\n") { subject.removeLast() }
        let oneLine = subject.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
        guard oneLine.count > subjectLimit || oneLine != subject else { return message }
        let body = blank.map { String(message[$0.upperBound...]) } ?? ""
        let short = oneLine.count > subjectLimit ? shortened(oneLine) : oneLine
        return short + "\n\n" + subject + "\n" + (body.isEmpty ? "" : "\n" + body)
    }

    /// The first ``subjectLimit`` − 1 characters of `line`, cut after its last whole word
    /// when that keeps at least half, and "…".
    public static func shortened(_ line: String) -> String {
        let limit = subjectLimit - 1
        var cut = Substring(line.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) >= limit / 2 {
            cut = cut[..<space]
        }
        while let last = cut.last, last == " " || last == "," || last == ":" { cut.removeLast() }
        return cut + "…"
    }
}
