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
    static func update(_ reference: ItemReference, _ changes: [FieldChange]) -> String {
        let short = changes.prefix(3).map { change -> String in
            switch change.new {
            case nil: return "\(change.field) removed"
            case .object?, .array?: return change.old == nil ? "\(change.field) added" : "\(change.field) changed"
            case let value?: return "\(change.field) \(DiffOutput.show(value))"
            }
        }.joined(separator: ", ") + (changes.count > 3 ? ", …" : "")
        return "update \(reference): \(short)\n\n" + changeLines(changes).joined(separator: "\n") + "\n"
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

    /// `committed 1a2b3c4` or `written, not committed (--no-commit)`.
    static func outcome(_ outcome: WorkspaceWrite.Outcome) -> String {
        if let id = outcome.commit { return "committed \(String(id.hex.prefix(7)))\n" }
        return "written, not committed (--no-commit)\n"
    }
}
