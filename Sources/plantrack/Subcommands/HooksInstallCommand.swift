import ArgumentParser
import PlantrackCore

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
        }
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
