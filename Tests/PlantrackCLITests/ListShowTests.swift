import Foundation
import Testing

private func activity(_ id: String, status: String, title: String = "Stöd åt förskolan") -> String {
    """
    ---
    kind: activity
    id: \(id)
    title: \(title)
    area: bu
    priority: prioritized
    status: \(status)
    ---
    Vad aktiviteten gör.

    """
}

private let county = """
    ---
    kind: county
    id: stockholm
    name: Stockholms län
    code: "01"
    ---

    """

@Suite("list and show")
struct ListShowTests {
    @Test func workingTreeIndexAndCommitGiveThreeVersions() throws {
        let repo = try TestRepository()
        let path = "Plans/stockholm/2021/activities/bu-p1.md"
        try repo.stage("Plans/stockholm/county.md", county)
        try repo.stage(path, activity("bu-p1", status: "planned"))
        try repo.commit("Första versionen")
        try repo.stage(path, activity("bu-p1", status: "in-progress"))
        try repo.commit("Påbörjad")
        try repo.stage(path, activity("bu-p1", status: "done"))
        try repo.write(path, activity("bu-p1", status: "delayed"))

        func status(_ extra: [String]) throws -> String {
            let result = try CLI.run(["show", "stockholm/2021/bu-p1", "--format", "json"] + extra, in: repo.url)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let fields = object?["front_matter"] as? [String: Any]
            return fields?["status"] as? String ?? "?"
        }
        #expect(try status([]) == "delayed")
        #expect(try status(["--staged"]) == "done")
        #expect(try status(["--rev", "HEAD"]) == "in-progress")
        #expect(try status(["--rev", "HEAD~1"]) == "planned")
        // Reading revisions never touched the working tree.
        let onDisk = try String(contentsOf: repo.url.appendingPathComponent(path), encoding: .utf8)
        #expect(onDisk.contains("status: delayed"))
    }

    @Test func unknownRevisionIsAClearUsageError() throws {
        let repo = try TestRepository()
        try repo.stage("Plans/stockholm/county.md", county)
        try repo.commit("Län")
        let result = try CLI.run(["list", "--rev", "no-such-tag"], in: repo.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown revision 'no-such-tag'"))
        #expect(result.stdout.isEmpty)
    }

    @Test func notAGitRepositoryNamesThePath() throws {
        let folder = try TemporaryFolder()
        try folder.write("Plans/stockholm/county.md", county)
        let result = try CLI.run(["list", "--workspace", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(folder.path): not inside a git repository"))
    }

    @Test func revAndStagedTogetherIsRefused() throws {
        let result = try CLI.run(["list", "--rev", "HEAD", "--staged"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--rev and --staged cannot be used together"))
    }

    @Test func listFiltersAndTable() throws {
        let repo = try TestRepository()
        try repo.write("Plans/stockholm/county.md", county)
        try repo.write("Plans/stockholm/2021/activities/bu-p1.md", activity("bu-p1", status: "done"))
        try repo.write("Plans/stockholm/2022/activities/bu-p1.md", activity("bu-p1", status: "planned"))
        let result = try CLI.run(["list", "--kind", "activity", "--year", "2022"], in: repo.url)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("KIND") == true)
        #expect(lines.contains { $0.contains("stockholm/2022/bu-p1") && $0.contains("Stöd åt förskolan") && $0.hasSuffix("planned") })
        #expect(!result.stdout.contains("stockholm/2021/bu-p1"))
        #expect(lines.last == "1 document (working tree)")
    }

    @Test func showSuggestsANearbyItem() throws {
        let repo = try TestRepository()
        try repo.write("Plans/stockholm/2021/activities/bu-p1.md", activity("bu-p1", status: "done"))
        let result = try CLI.run(["show", "stockholm/2021/bu-p2"], in: repo.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("did you mean stockholm/2021/bu-p1?"))
    }

    @Test func badInputsAreFindingsAndTheRestIsRead() throws {
        let repo = try TestRepository()
        try repo.write("Plans/stockholm/county.md", county)
        try repo.write("Plans/stockholm/2021/activities/ok.md", activity("ok", status: "done"))
        // Not UTF-8: a Latin-1 "å" in the title.
        try repo.folder.write(
            "Plans/stockholm/2021/activities/latin1.md",
            Data("---\nid: latin1\ntitle: F".utf8) + Data([0xE5]) + Data("r\n---\n".utf8))
        // Over 1 MiB.
        try repo.write("Plans/stockholm/2021/activities/huge.md", "---\nid: huge\n---\n" + String(repeating: "x", count: 1_100_000))
        // A link to a file outside the workspace.
        let outside = try TemporaryFolder()
        try outside.write("secret.md", activity("secret", status: "done"))
        try FileManager.default.createSymbolicLink(
            atPath: repo.url.appendingPathComponent("Plans/stockholm/2021/activities/link.md").path,
            withDestinationPath: outside.url.appendingPathComponent("secret.md").path)
        // Not a regular file.
        #expect(mkfifo(repo.url.appendingPathComponent("Plans/stockholm/2021/activities/fifo.md").path, 0o644) == 0)
        // Broken YAML.
        try repo.write("Plans/stockholm/2021/activities/broken.md", "---\nid: broken\ntitle: [unclosed\n---\n")

        let result = try CLI.run(["list"], in: repo.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("stockholm/2021/ok"))
        #expect(!result.stdout.contains("secret"))
        let errors = result.stderr
        #expect(errors.contains("Plans/stockholm/2021/activities/latin1.md:3:9: error: [file.not-utf8]"))
        #expect(errors.contains("Plans/stockholm/2021/activities/huge.md: error: [file.too-large]"))
        #expect(errors.contains("Plans/stockholm/2021/activities/link.md: error: [file.symlink]"))
        #expect(errors.contains("Plans/stockholm/2021/activities/fifo.md: error: [file.unreadable]"))
        #expect(errors.contains("Plans/stockholm/2021/activities/broken.md:4:1: error: [yaml.syntax]"))
    }

    // Root reads any file whatever its permissions, so this case only runs as a user.
    @Test(.enabled(if: getuid() != 0, "root can read any file")) func unreadableFileNamesThePath() throws {
        let repo = try TestRepository()
        try repo.write("Plans/stockholm/2021/activities/locked.md", activity("locked", status: "done"))
        let file = repo.url.appendingPathComponent("Plans/stockholm/2021/activities/locked.md").path
        #expect(chmod(file, 0) == 0)
        let result = try CLI.run(["list"], in: repo.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("locked.md: error: [file.unreadable]"))
    }
}
