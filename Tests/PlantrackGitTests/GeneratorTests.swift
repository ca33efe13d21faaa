import Foundation
import PlantrackGit
import Testing

@testable import PlantrackCore

/// Runs the built `plantrack-generate` binary, which sits beside the test bundle.
@Suite struct GeneratorTests {
    /// Runs `plantrack-generate`, built beside the test bundle.
    static func generate(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(arguments, executable: "plantrack-generate")
    }

    static func markdownFiles(in folder: URL) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: folder.appendingPathComponent("Plans").path) else {
            return 0
        }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.count
    }

    @Test func sameSeedGivesTheSameHistory() throws {
        #expect(configurationIsolated)
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("plantrack-generate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let first = base.appendingPathComponent("a")
        let second = base.appendingPathComponent("b")
        let tiny = ["--seed", "7", "--entities", "3", "--years", "2", "--commits-per-year", "20"]

        let runA = try Self.generate(["--out", first.path] + tiny)
        #expect(runA.status == 0, "\(runA.stderr)")
        let runB = try Self.generate(["--out", second.path] + tiny)
        #expect(runB.status == 0, "\(runB.stderr)")

        let repositoryA = try Repository.open(at: first.path)
        let repositoryB = try Repository.open(at: second.path)
        let head = try repositoryA.head()
        #expect(head.id == (try repositoryB.head()).id)
        #expect(head.author.name == "plantrack generator")
        #expect(head.author.email == "generator@example.se")
        #expect(try repositoryA.history(from: head.id).count == 40)
        #expect(try repositoryA.tagNames() == ["plans-2024", "plans-2025"])
        #expect(try repositoryA.resolveCommit("plans-2025~1").summary == "Handlingsplaner 2024 avslutade")

        // The working tree, the index and HEAD hold the same documents.
        let committed = try repositoryA.snapshot(revision: "HEAD").entries(under: "Plans")
        let staged = try repositoryA.indexSnapshot().entries(under: "Plans")
        #expect(committed == staged.map { SnapshotEntry(path: $0.path, kind: $0.kind, contentID: $0.contentID, size: $0.size) })
        let documents = committed.filter { $0.path.hasSuffix(".md") }.count
        #expect(Self.markdownFiles(in: first) == documents)
        // 3 entities: a county document each, and per year a plan with some 14 goals and 30 activities.
        #expect((3 * (1 + 2 * 35))...(3 * (1 + 2 * 60)) ~= documents)
        #expect(runA.stdout.contains("3 entities, \(documents) documents, 40 commits"))
        #expect(committed.contains { $0.path == "Plans/workspace.yaml" })

        let otherSeed = try Self.generate(["--out", base.appendingPathComponent("c").path, "--seed", "8"] + tiny.dropFirst(2))
        #expect(otherSeed.status == 0)
        #expect(try Repository.open(at: base.appendingPathComponent("c").path).head().id != head.id)
    }

    @Test func refusesANonEmptyFolderWithoutForce() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("plantrack-generate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try Data("behåll mig".utf8).write(to: base.appendingPathComponent("anteckning.txt"))
        let small = ["--out", base.path, "--entities", "1", "--years", "1", "--commits-per-year", "3"]

        let refused = try Self.generate(small)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("is not empty; pass --force"))
        #expect(FileManager.default.fileExists(atPath: base.appendingPathComponent("anteckning.txt").path))

        let forced = try Self.generate(small + ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("anteckning.txt").path))
        #expect(try Repository.open(at: base.path).history(from: Repository.open(at: base.path).head().id).count == 3)

        let invalid = try Self.generate(["--out", base.path, "--entities", "400"])
        #expect(invalid.status != 0)
        #expect(invalid.stderr.contains("--entities must be between 1 and 311"))
    }
}

/// The national benchmark's documents come from the generator: every version of every
/// document it writes must be read by the direct block-style reader (not left to libyaml),
/// to the tree libyaml gives.
@Suite struct GeneratedFrontMatterTests {
    @Test func everyGeneratedDocumentVersionIsReadDirectlyToLibyamlsTree() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("plantrack-generate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let run = try GeneratorTests.generate([
            "--out", base.path, "--seed", "11", "--entities", "6", "--years", "3",
            "--commits-per-year", "30",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let repository = try Repository.open(at: base.path)
        var seen: Set<String> = []
        var libyamlOnly = YAMLParser()
        libyamlOnly.readsBlockStyleDirectly = false
        for commit in try repository.history(from: repository.head().id) {
            let snapshot = try repository.snapshot(revision: commit.hex)
            for entry in try snapshot.entries(under: "Plans") where entry.path.hasSuffix(".md") {
                guard let id = entry.contentID, seen.insert(id).inserted else { continue }
                let bytes = try snapshot.contents(of: entry)
                let yaml = try FrontMatterSplit.split(bytes[...]).yaml
                let direct = Array(yaml).withUnsafeBufferPointer {
                    try? BlockYAMLReader.read($0, lineOffset: 1, maxDepth: 64)
                }
                #expect(direct != nil, "declined: \(entry.path) at \(commit.abbreviated)")
                #expect(direct == (try libyamlOnly.parse(yaml, firstLine: 2)), "\(entry.path) at \(commit.abbreviated)")
            }
        }
        // Versions of county, plan, goal and activity documents over three years of edits.
        #expect(seen.count > 800)
    }
}
