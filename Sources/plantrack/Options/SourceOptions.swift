import ArgumentParser

/// `--rev REV | --staged`: which version of the documents to read.
struct SourceOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read the documents as committed at this revision: a commit id, tag, branch or HEAD~2.",
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
