import Foundation
import Testing

/// Runs the commands docs/git-integration.md tells people to configure, with the arguments
/// git would append, so the page and the tool cannot drift apart. Never runs git.
@Suite("Diff git-integration doc")
struct DiffGitIntegrationDocTests {
    /// The quoted command of the line `git config KEY "…"` in the doc, split into words.
    private func configured(_ key: String) throws -> [String] {
        let doc = try String(contentsOf: CLI.packageRoot.appendingPathComponent("docs/git-integration.md"), encoding: .utf8)
        let prefix = "git config \(key) \""
        guard let line = doc.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return [] }
        let command = line.dropFirst(prefix.count).prefix { $0 != "\"" }
        return command.split(separator: " ").map(String.init)
    }

    @Test func externalDiffCommandFromTheDoc() throws {
        let words = try configured("diff.plantrack.command")
        #expect(words.first == "plantrack")
        let folder = try TemporaryFolder()
        try folder.write("old.md", DiffHistory.activity("bu-p1", status: "in-progress"))
        try folder.write("new.md", DiffHistory.activity("bu-p1", status: "done"))
        let result = try CLI.run(
            Array(words.dropFirst()) + [
                "Plans/stockholm/2021/activities/bu-p1.md",
                folder.path + "/old.md", String(repeating: "1", count: 40), "100644",
                folder.path + "/new.md", String(repeating: "2", count: 40), "100644",
            ], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("~ status: in-progress → done"))
    }

    @Test func textconvCommandFromTheDoc() throws {
        let words = try configured("diff.plantrack.textconv")
        #expect(words.first == "plantrack")
        let folder = try TemporaryFolder()
        try folder.write("a.md", DiffHistory.activity("bu-p1", status: "done"))
        let result = try CLI.run(Array(words.dropFirst()) + [folder.path + "/a.md"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("status: \"done\""))
    }
}
