import PlantrackGit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `plantrack hooks install --server`: the `pre-receive` hook of a shared bare repository,
/// which runs `plantrack guard` on every push (docs/shared-repository.md).
extension HooksInstallCommand {
    /// Marks the pre-receive hooks written by plantrack, so installing again updates them.
    static let serverMarker = "# plantrack pre-receive hook"

    /// Installs the hook in the bare repository at `--workspace` or the current folder; an
    /// existing pre-receive hook that is not plantrack's is never overwritten.
    func installServerHook() throws {
        let start = workspace.workspace ?? FileSystem.currentDirectory()
        let repository: Repository
        do {
            repository = try Repository.open(at: start)
        } catch {
            throw CLIError(
                "\(start): not a git repository; run 'plantrack hooks install --server' in the shared "
                    + "(bare) repository, or pass --workspace PATH")
        }
        guard repository.isBare else {
            throw CLIError(
                "\(start): has a working folder; --server installs the pre-receive hook of a shared bare "
                    + "repository (git init --bare). In a clone, use 'plantrack hooks install'")
        }
        let hooks = repository.path.hasSuffix("/") ? repository.path + "hooks" : repository.path + "/hooks"
        let hook = hooks + "/pre-receive"
        mkdir(hooks, 0o755)
        if let existing = FileSystem.readText(hook), !existing.contains(Self.serverMarker) {
            throw CLIError(
                "\(hook) already exists and is not plantrack's; it was left as it is. Move it away, "
                    + "or run it from a hook of your own beside 'plantrack guard'")
        }
        let script = Self.serverScript(executable: FileSystem.executablePath())
        guard FileSystem.writeText(script, to: hook, mode: 0o755) else {
            throw CLIError("cannot write \(hook): \(String(cString: strerror(errno)))")
        }
        Terminal.standardOutput.write(
            "installed \(hook): pushes are now judged by plantrack guard (access:, protected branches, approval tags)\n")
    }

    /// The hook: git's `OLD NEW REF` lines go to `plantrack guard` on standard input; the
    /// plantrack on PATH is preferred, the one that installed the hook is the fallback.
    static func serverScript(executable: String) -> String {
        [
            "#!/bin/sh",
            serverMarker,
            "# Refuses pushes that break the rules of docs/shared-repository.md; the identity comes from",
            "# REMOTE_USER, GL_USER or GL_USERNAME, which the git server sets.",
            "if command -v plantrack >/dev/null 2>&1; then plantrack=plantrack; else plantrack='\(executable)'; fi",
            "exec \"$plantrack\" guard",
        ].joined(separator: "\n") + "\n"
    }
}
