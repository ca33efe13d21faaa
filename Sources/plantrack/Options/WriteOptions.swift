import ArgumentParser

/// `--commit/--no-commit` and `--wait`: how a command that writes documents records them.
struct WriteOptions: ParsableArguments {
    @Flag(
        inversion: .prefixedNo,
        help:
            "Commit the changed files (only them) with your git identity. Refused when a file to change has uncommitted edits; --no-commit writes the files and leaves committing to you."
    )
    var commit = true

    @Option(
        help: ArgumentHelp(
            "Seconds to wait for a locked index or another plantrack command writing to the same repository.",
            valueName: "seconds"))
    var wait: Double = 10
}
