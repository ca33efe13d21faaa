import ArgumentParser

/// `--workspace PATH`: which workspace to work on.
struct WorkspaceOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The workspace: a git repository whose root holds Plans/ (default: found from the current directory).",
            valueName: "path"))
    var workspace: String?
}
