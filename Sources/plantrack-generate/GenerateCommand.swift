import ArgumentParser
import Foundation
import PlantrackGit

/// `plantrack-generate`: writes a deterministic synthetic workspace with history.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plantrack-generate",
        abstract: "Generate a synthetic plantrack workspace: a git repository with years of plan history.",
        discussion: """
            The same seed and settings always give the same files and the same commit ids. At the
            defaults (311 regions and municipalities, 3 years, 3000 commits a year) the workspace holds
            about 43,000 documents and 9,000 commits.
            """)

    @Option(name: .long, help: "The folder to create the repository in.")
    var out: String

    @Option(name: .long, help: "Seed for every random choice.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "How many regions and municipalities (1–311).")
    var entities: Int = 311

    @Option(name: .long, help: "How many plan years.")
    var years: Int = 3

    @Option(name: .customLong("first-year"), help: "The first plan year.")
    var firstYear: Int = 2024

    @Option(name: .customLong("commits-per-year"), help: "Commits per year, opening and closing commits included (at least 2).")
    var commitsPerYear: Int = 3000

    @Flag(name: .long, help: "Replace the output folder if it exists and is not empty.")
    var force = false

    func validate() throws {
        guard (1...311).contains(entities) else {
            throw ValidationError("--entities must be between 1 and 311 (Sweden has 21 regions and 290 municipalities)")
        }
        guard (1...50).contains(years) else { throw ValidationError("--years must be between 1 and 50") }
        guard (1900...2900).contains(firstYear) else { throw ValidationError("--first-year must be between 1900 and 2900") }
        guard (2...1_000_000).contains(commitsPerYear) else {
            throw ValidationError("--commits-per-year must be at least 2 (the opening and closing commits)")
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let folder = URL(fileURLWithPath: out).standardizedFileURL
        try prepare(folder)

        // The generator must not depend on the user's git configuration (init templates,
        // core.autocrlf at checkout): point libgit2's config search at an empty folder.
        let emptyConfig = FileManager.default.temporaryDirectory
            .appendingPathComponent("plantrack-generate-config-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: emptyConfig, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: emptyConfig) }
        try Libgit2.isolateConfiguration(searchPath: emptyConfig.path)
        // Every object a tree or commit refers to is written by this program a moment before.
        try Libgit2.setStrictObjectCreation(false)

        let repository = try Repository.initialize(at: folder.path, initialBranch: "main")
        let settings = GeneratorSettings(
            seed: seed, entities: entities, years: years, firstYear: firstYear, commitsPerYear: commitsPerYear)
        let result = try Generator(settings: settings).run(in: repository)
        try repository.checkoutHead(force: true)

        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "plantrack-generate: \(result.entities) entities, \(result.documents) documents, "
                + "\(result.commits) commits in \(String(format: "%.1f", seconds)) s → \(folder.path) "
                + "(HEAD \(result.head.abbreviated))")
    }

    /// Makes sure `folder` is absent or empty, emptying it first with `--force`.
    private func prepare(_ folder: URL) throws {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw ValidationError("\(folder.path) exists and is not a folder")
        }
        let contents = try files.contentsOfDirectory(atPath: folder.path)
        if contents.isEmpty { return }
        guard force else {
            throw ValidationError("\(folder.path) is not empty; pass --force to replace it")
        }
        // Even with --force, never empty the file-system root, the home folder or a folder
        // that holds the current one.
        let current = URL(fileURLWithPath: files.currentDirectoryPath).standardizedFileURL.path
        let home = files.homeDirectoryForCurrentUser.standardizedFileURL.path
        let path = folder.path
        if path == "/" || path == home || current == path || current.hasPrefix(path + "/") {
            throw ValidationError("refusing to replace \(path) even with --force")
        }
        for name in contents {
            try files.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
