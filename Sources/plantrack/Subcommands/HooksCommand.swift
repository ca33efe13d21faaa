import ArgumentParser

/// `plantrack hooks …`: the git hooks plantrack installs.
struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Manage git hooks that run plantrack.",
        subcommands: [HooksInstallCommand.self]
    )
}
