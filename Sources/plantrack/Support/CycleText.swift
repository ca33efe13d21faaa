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

/// The commit messages and lines only the CLI writes (the rest are ``CommitMessage`` in
/// PlantrackCore).
extension CommitMessage {
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

    /// `schemas: update workspace.schema.json to plantrack 0.1.0`, then one line per file.
    static func schemasUpdate(_ paths: [String]) -> String {
        let names = paths.map { String($0.split(separator: "/").last ?? "") }
        let subject =
            names.count == 1
            ? "schemas: update \(names[0]) to plantrack \(PlantrackVersion.text)"
            : "schemas: update \(EnglishWords.count(names.count, "file")) to plantrack \(PlantrackVersion.text)"
        return subject + "\n\nReplaced with the schemas built into plantrack \(PlantrackVersion.text):\n"
            + paths.map { "- \($0)\n" }.joined()
    }

    /// `committed 1a2b3c4` or `written, not committed (--no-commit)`.
    static func outcome(_ outcome: WorkspaceWriteOutcome) -> String {
        if let commit = outcome.commit { return "committed \(String(commit.id.prefix(7)))\n" }
        return "written, not committed (--no-commit)\n"
    }
}
