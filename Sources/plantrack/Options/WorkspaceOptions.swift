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

/// `--rev REV | --staged`: which version of the documents to read.
struct SourceOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Read the documents as committed at this revision: a commit id, tag, branch or HEAD~2.",
                           valueName: "rev"))
    var rev: String?

    @Flag(name: .long, help: "Read the documents from the index (what is staged for the next commit).")
    var staged = false

    func validate() throws {
        if rev != nil && staged {
            throw ValidationError("--rev and --staged cannot be used together: choose one version to read.")
        }
    }

    /// Which version this selects.
    var source: DocumentSource {
        if let rev { return .revision(rev) }
        return staged ? .index : .workingTree
    }
}

/// Where documents are read from.
enum DocumentSource: Equatable {
    case workingTree
    case index
    case revision(String)
}

/// `--format text|json`.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
