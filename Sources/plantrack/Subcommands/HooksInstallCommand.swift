import ArgumentParser
import PlantrackCore
import PlantrackGit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `plantrack hooks install`: validate staged plans before every commit.
struct HooksInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Add a pre-commit hook that validates the staged documents and refuses a commit with errors.",
        discussion: """
            An existing pre-commit hook is never overwritten: with --chain it is kept as \
            pre-commit.before-plantrack and run first; without it, the command stops and says so. \
            It also registers plantrack's merge driver (merge=plantrack in .git/info/attributes, \
            merge.plantrack.driver in .git/config), so git merges plan documents field by field. \
            With --server, in a bare repository (the current folder or --workspace), it adds a \
            pre-receive hook instead, which runs plantrack guard (docs/shared-repository.md).
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(help: "Keep an existing pre-commit hook and run it before plantrack's.")
    var chain = false

    @Flag(help: "In a bare shared repository: add a pre-receive hook that runs plantrack guard on every push.")
    var server = false

    /// Marks hooks written by plantrack, so installing again updates them.
    static let marker = "# plantrack pre-commit hook"

    func validate() throws {
        if server && chain {
            throw ValidationError(
                "--chain keeps an existing pre-commit hook; --server never replaces an existing pre-receive hook, "
                    + "so call 'plantrack guard' from that hook yourself")
        }
    }

    func run() throws {
        if server {
            try reportingErrors { try installServerHook() }
            return
        }
        try reportingErrors {
            let access = try WorkspaceAccess(workspace)
            let hooks = access.repository.path.hasSuffix("/") ? access.repository.path + "hooks" : access.repository.path + "/hooks"
            let hook = hooks + "/pre-commit"
            let kept = hook + ".before-plantrack"
            mkdir(hooks, 0o755)
            var chained = FileSystem.exists(kept)
            if let existing = FileSystem.readText(hook), !existing.contains(Self.marker) {
                guard chain else {
                    throw CLIError(
                        "\(hook) already exists and is not plantrack's; it was left as it is. "
                            + "Run 'plantrack hooks install --chain' to keep it and run it before plantrack's.")
                }
                guard !chained else {
                    throw CLIError("both \(hook) and \(kept) exist; move one of them away first")
                }
                guard rename(hook, kept) == 0 else {
                    throw CLIError("cannot rename \(hook): \(String(cString: strerror(errno)))")
                }
                chained = true
            }
            let script = Self.script(executable: FileSystem.executablePath(), chained: chained)
            guard FileSystem.writeText(script, to: hook, mode: 0o755) else {
                throw CLIError("cannot write \(hook): \(String(cString: strerror(errno)))")
            }
            var message = "installed \(hook): commits now validate the staged documents"
            if chained { message += " (after running the existing hook, kept as \(kept))" }
            Terminal.standardOutput.write(message + "\n")
            try Self.registerMergeDriver(in: access.repository)
        }
    }

    /// Marks the plan documents `merge=plantrack` in `.git/info/attributes` and defines the
    /// driver in `.git/config` (through libgit2), so `git merge` merges them field by field
    /// (docs/git-integration.md says why the attributes are not committed).
    static func registerMergeDriver(in repository: Repository) throws {
        let info = repository.path.hasSuffix("/") ? repository.path + "info" : repository.path + "/info"
        let attributes = info + "/attributes"
        mkdir(info, 0o755)
        let existing = FileSystem.readText(attributes) ?? ""
        if !existing.contains(mergeAttributes) {
            let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
            guard FileSystem.writeText(existing + separator + mergeAttributes, to: attributes, mode: 0o644) else {
                throw CLIError("cannot write \(attributes): \(String(cString: strerror(errno)))")
            }
        }
        do {
            try repository.setConfiguration("merge.plantrack.name", to: "plantrack: plan documents merged field by field")
            try repository.setConfiguration("merge.plantrack.driver", to: mergeDriver(executable: FileSystem.executablePath()))
        } catch {
            throw CLIError("cannot register the merge driver in the repository's configuration: \(error)")
        }
        Terminal.standardOutput.write(
            "registered the merge driver: git merges Plans/**/*.md and Plans/workspace.yaml field by field (\(attributes))\n")
    }

    /// The lines `registerMergeDriver` adds to `.git/info/attributes`.
    static let mergeAttributes = """
        # plantrack merge driver (plantrack hooks install)
        Plans/**/*.md merge=plantrack
        Plans/workspace.yaml merge=plantrack

        """

    /// The driver's command: `plantrack` from PATH when there is one, else this executable.
    static func mergeDriver(executable: String) -> String {
        let arguments = "merge-driver %O %A %B %P"
        return "if command -v plantrack >/dev/null 2>&1; then plantrack \(arguments); "
            + "else '\(executable)' \(arguments); fi"
    }

    static func script(executable: String, chained: Bool) -> String {
        var lines = [
            "#!/bin/sh",
            marker,
            "# Refuses the commit when the staged plans have errors. Bypass once with: git commit --no-verify",
        ]
        if chained {
            lines.append("\"$(dirname \"$0\")/pre-commit.before-plantrack\" \"$@\" || exit $?")
        }
        lines.append("if command -v plantrack >/dev/null 2>&1; then plantrack=plantrack; else plantrack='\(executable)'; fi")
        lines.append("exec \"$plantrack\" validate --staged")
        return lines.joined(separator: "\n") + "\n"
    }
}
