import JSONSchema
import PlantrackCore
import PlantrackGit

/// Where documents are on disk.
enum DocumentFile {
    /// The path and kind of the document `reference` names: a county, a plan, or a goal or
    /// activity (whichever exists).
    static func locate(_ reference: ItemReference, root: String) throws -> (path: String, kind: DocumentKind) {
        let kinds: [DocumentKind]
        switch (reference.year, reference.id) {
        case (nil, _): kinds = [.county]
        case (_, nil): kinds = [.plan]
        default: kinds = [.activity, .goal]
        }
        for kind in kinds {
            let path = DocumentLayout.path(of: kind, reference)
            if FileSystem.exists(root + "/" + path) { return (path, kind) }
        }
        let existing = (try? ItemSuggestions.references(in: DirectorySnapshot(root: root))) ?? []
        throw CLIError.notFound(reference.description, in: "working tree", among: existing)
    }
}

/// Commit messages and the lines that describe field changes.
enum CommitMessage {
    /// `update stockholm/2021/bu-p1: status done, completed 2021-06-30`, then one line per change.
    /// The subject names up to three changes, as many as fit in ``subjectLimit`` (", …"
    /// when some are left out); a first change too long for it is cut by ``fitted(_:)``.
    static func update(_ reference: ItemReference, _ changes: [FieldChange]) -> String {
        let parts = changes.prefix(3).map { change -> String in
            switch change.new {
            case nil: return "\(change.field) removed"
            case .object?, .array?: return change.old == nil ? "\(change.field) added" : "\(change.field) changed"
            case let value?: return "\(change.field) \(DiffOutput.show(value))"
            }
        }
        let start = "update \(reference): "
        var subject = start + (parts.first ?? "")
        var named = min(1, parts.count)
        for part in parts.dropFirst() {
            let longer = subject + ", " + part
            let rest = named + 1 < changes.count ? ", …" : ""
            guard (longer + rest).count <= subjectLimit else { break }
            subject = longer
            named += 1
        }
        if named < changes.count { subject += ", …" }
        return subject + "\n\n" + changeLines(changes).joined(separator: "\n") + "\n"
    }

    /// `~ status: in-progress → done`, `+ completed: 2021-06-30`, `- cancelled_reason: …`.
    static func changeLines(_ changes: [FieldChange]) -> [String] {
        changes.map { change in
            switch change.kind {
            case .added: return "+ \(change.field): \(DiffOutput.show(change.new))"
            case .removed: return "- \(change.field): \(DiffOutput.show(change.old))"
            case .changed: return "~ \(change.field): \(DiffOutput.show(change.old)) → \(DiffOutput.show(change.new))"
            }
        }
    }

    /// `schemas: update workspace.schema.json to plantrack 0.1.0`, then one line per file.
    static func schemasUpdate(_ paths: [String]) -> String {
        let names = paths.map { String($0.split(separator: "/").last ?? "") }
        let subject = names.count == 1
            ? "schemas: update \(names[0]) to plantrack \(PlantrackVersion.text)"
            : "schemas: update \(EnglishWords.count(names.count, "file")) to plantrack \(PlantrackVersion.text)"
        return subject + "\n\nReplaced with the schemas built into plantrack \(PlantrackVersion.text):\n"
            + paths.map { "- \($0)\n" }.joined()
    }

    /// The longest first line (subject) a commit gets: git's convention, what `git log
    /// --oneline`, GitHub and most tools show without cutting.
    static let subjectLimit = 72

    /// `message` with a subject of at most ``subjectLimit`` characters. A longer first line
    /// (a long title, a long value) is cut at a word with "…", and kept whole as the first
    /// paragraph of the body, so nothing is lost. Every commit of a writing command goes
    /// through here (``WorkspaceWrite``).
    static func fitted(_ message: String) -> String {
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
    static func shortened(_ line: String) -> String {
        let limit = subjectLimit - 1
        var cut = Substring(line.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) >= limit / 2 {
            cut = cut[..<space]
        }
        while let last = cut.last, last == " " || last == "," || last == ":" { cut.removeLast() }
        return cut + "…"
    }

    /// `committed 1a2b3c4` or `written, not committed (--no-commit)`.
    static func outcome(_ outcome: WorkspaceWrite.Outcome) -> String {
        if let id = outcome.commit { return "committed \(String(id.hex.prefix(7)))\n" }
        return "written, not committed (--no-commit)\n"
    }
}
