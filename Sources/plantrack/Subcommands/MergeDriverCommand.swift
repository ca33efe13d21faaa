import ArgumentParser
import PlantrackCore

/// `plantrack merge-driver %O %A %B %P`: git's merge driver for plan documents and
/// `Plans/workspace.yaml`, registered by `plantrack hooks install` (docs/git-integration.md).
///
/// Hidden from `plantrack --help`: git runs it, people do not, like `diff --git-external-diff`.
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge one file's three versions field by field, as git's merge driver.",
        discussion: """
            git runs this for the files marked merge=plantrack (plantrack hooks install registers it). \
            The merged text is written into OURS. A field both sides changed to different values keeps \
            both between <<<<<<< ours, ======= and >>>>>>> theirs lines, and each conflict is named on \
            standard error with its base, ours and theirs values. Exit status: 0 merged cleanly; \
            1 conflicts remain (markers written); 2 usage errors. See docs/merge.md.
            """,
        shouldDisplay: false
    )

    @Argument(help: "The common ancestor's version (git's %O); empty when the file was added on both sides.")
    var base: String

    @Argument(help: "Our version (git's %A); the merge is written here.")
    var ours: String

    @Argument(help: "Their version (git's %B).")
    var theirs: String

    @Argument(help: "The file's path in the repository (git's %P): it says how the file is merged.")
    var path: String

    func run() throws {
        var conflicts = false
        try reportingErrors {
            func read(_ file: String, _ name: String) throws -> [UInt8] {
                guard let bytes = FileSystem.readBytes(file) else { throw CLIError("cannot read \(name) version \(file)") }
                return bytes
            }
            let baseBytes = try read(base, "the base")
            let result = DocumentMerge.merge(
                path: Self.repositoryPath(path), base: baseBytes.isEmpty ? nil : baseBytes,
                ours: try read(ours, "our"), theirs: try read(theirs, "their"))
            do {
                try AtomicFile.write(result.bytes ?? [], to: ours)
            } catch {
                throw CLIError("cannot write the merge into \(ours): \(error)")
            }
            let error = Terminal.standardError
            if let fallback = result.fallback {
                error.write("plantrack: \(path): merged line by line as a whole: \(fallback)\n")
            }
            for conflict in result.conflicts {
                error.write(Self.describe(conflict, in: path) + "\n")
            }
            conflicts = !result.isClean
        }
        if conflicts { throw ExitStatus.findings }
    }

    /// The path git gives, without a leading `./`.
    static func repositoryPath(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }

    /// `Plans/…/bu-p1.md:14: conflict in status: base "planned", ours "done", theirs "delayed"`.
    static func describe(_ conflict: MergeConflict, in path: String) -> String {
        let place = conflict.line.map { "\(path):\($0)" } ?? path
        switch conflict.place {
        case .field(let field):
            let values = conflict.description.dropFirst(field.count + 2)
            return "\(place): conflict in \(field): \(values)"
        case .body:
            return "\(place): conflict in the body: both sides changed these lines"
        case .file:
            if conflict.line == nil {
                return "\(place): conflict: the file was deleted on one side and changed on the other; the changed version is kept"
            }
            return "\(place): conflict: both sides changed these lines"
        }
    }
}
