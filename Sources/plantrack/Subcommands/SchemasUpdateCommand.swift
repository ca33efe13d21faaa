import ArgumentParser
import PlantrackCore
import PlantrackGit

/// `plantrack schemas update`: replaces the schemas an earlier plantrack wrote into the
/// workspace with this plantrack's, showing what changes.
struct SchemasUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Replace the workspace's schemas written by an earlier plantrack with this plantrack's.",
        discussion: """
            init copies the built-in schemas into Schemas/, and the workspace's copy is what documents \
            are checked against. A copy whose text an earlier plantrack shipped is outdated (validate \
            warns: schemas.outdated); this command replaces each such file with this plantrack's text, \
            prints the lines that change, checks the workspace against the new schemas and commits \
            (--no-commit to only write). A copy whose text no plantrack shipped was edited in the \
            workspace and is kept, unless --replace-edited. Schemas of other names are never touched \
            (docs/cycle.md).
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var writing: WriteOptions

    @Flag(
        name: .customLong("replace-edited"),
        help: "Also replace built-in schemas that were edited in the workspace (their edits are lost; the diff shows them).")
    var replaceEdited = false

    func run() throws {
        try reportingErrors {
            let access = try WorkspaceAccess(workspace)
            var update = SchemaUpdate()
            let outcome = try WorkspaceWrite(access: access, options: writing).perform { snapshot in
                do {
                    update = try SchemaUpdate.plan(for: snapshot, replacingEdited: replaceEdited)
                } catch {
                    throw CLIError("cannot read \(DocumentLayout.schemasFolder)/: \(error)")
                }
                var files: [String: [UInt8]] = [:]
                for replacement in update.replacements { files[replacement.path] = replacement.new }
                return WorkspaceChange(files: files, message: CommitMessage.schemasUpdate(update.replacements.map(\.path)))
            }
            let out = Terminal.standardOutput
            let style = Style(for: out)
            var text = ""
            for path in update.keptEdited {
                text +=
                    "kept \(path): edited in this workspace, not a schema plantrack shipped "
                    + "(--replace-edited replaces it)\n"
            }
            if update.replacements.isEmpty {
                if update.current.isEmpty && update.keptEdited.isEmpty {
                    text +=
                        "\(DocumentLayout.schemasFolder)/ holds no copy of plantrack's schemas: documents are checked "
                        + "against the ones built into plantrack \(PlantrackVersion.text); nothing to do\n"
                } else {
                    text += "the schemas are up to date with plantrack \(PlantrackVersion.text); nothing to do\n"
                }
                out.write(text)
                return
            }
            for replacement in update.replacements {
                let was = replacement.standing == .edited ? "edited in this workspace" : "from an earlier plantrack"
                text += style.bold("updated \(replacement.path)") + " (\(was) → plantrack \(PlantrackVersion.text))\n"
                text += SchemaDiffText.render(old: replacement.old, new: replacement.new, style: style)
            }
            text += CommitMessage.outcome(outcome)
            out.write(text)
        }
    }
}

/// The changed lines of a schema file with two lines of context, `-` old and `+` new.
enum SchemaDiffText {
    static func render(old: [UInt8], new: [UInt8], style: Style, context: Int = 2) -> String {
        let oldLines = lines(old)
        let newLines = lines(new)
        let operations = SequenceDiff.diff(oldLines, newLines)
        // Which operations to show: the changes and `context` unchanged lines around each.
        var shown = [Bool](repeating: false, count: operations.count)
        for (i, operation) in operations.enumerated() {
            if case .same = operation { continue }
            for j in max(0, i - context)...min(operations.count - 1, i + context) { shown[j] = true }
        }
        var out = ""
        var oldLine = 0
        var newLine = 0
        var previousShown = false
        for (i, operation) in operations.enumerated() {
            if shown[i] && !previousShown {
                out += style.cyan("  @@ line \(oldLine + 1) → \(newLine + 1) @@") + "\n"
            }
            previousShown = shown[i]
            switch operation {
            case .same(let line):
                if shown[i] { out += "    \(line)\n" }
                oldLine += 1
                newLine += 1
            case .removed(let line):
                out += style.red("  - \(line)") + "\n"
                oldLine += 1
            case .added(let line):
                out += style.green("  + \(line)") + "\n"
                newLine += 1
            }
        }
        return out
    }

    private static func lines(_ bytes: [UInt8]) -> [String] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        // Split on LF only ("\r\n" is one Character in Swift, so split the scalars).
        return text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var scalars = String.UnicodeScalarView(line)
            if scalars.last == "\r" { scalars.removeLast() }
            return String(scalars)
        }
    }
}
