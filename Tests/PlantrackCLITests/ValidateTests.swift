import Foundation
import Testing

private let county = """
    ---
    kind: county
    id: stockholm
    name: Stockholms län
    code: "01"
    ---

    """

private let plan = """
    ---
    kind: plan
    county: stockholm
    year: 2021
    title: Handlingsplan 2021
    version: 1
    status: draft
    period: {start: 2021-01-01, end: 2021-12-31}
    areas:
      - {id: bu, title: Barn och unga}
    ---

    """

private let goal = """
    ---
    kind: goal
    id: bu-lt-1
    title: Samverkan ökar
    term: long
    area: bu
    ---

    """

private let shortGoal = """
    ---
    kind: goal
    id: bu-st-1
    title: Kunskapen ökar
    term: short
    area: bu
    serves: [bu-lt-1]
    indicators:
      - id: kunskap
        title: Andel som fått utbildning
        unit: percent
        baseline: {value: 10, date: 2021-01-01}
        target: {value: 50, date: 2021-12-31}
    ---

    """

private func activity(status: String, extra: String = "") -> String {
    """
    ---
    kind: activity
    id: bu-p1
    title: Stöd åt förskolan
    area: bu
    priority: prioritized
    goals: [bu-st-1]
    status: \(status)
    start: 2021-02-01
    due: 2021-11-30
    \(extra)---
    Text.

    """
}

/// A small valid workspace, written but not committed.
private func validWorkspace() throws -> TestRepository {
    let repo = try TestRepository()
    try repo.stage("Plans/stockholm/county.md", county)
    try repo.stage("Plans/stockholm/2021/plan.md", plan)
    try repo.stage("Plans/stockholm/2021/goals/bu-lt-1.md", goal)
    try repo.stage("Plans/stockholm/2021/goals/bu-st-1.md", shortGoal)
    try repo.stage("Plans/stockholm/2021/activities/bu-p1.md", activity(status: "in-progress"))
    return repo
}

private struct ValidateJSON: Decodable {
    struct Finding: Decodable {
        var severity: String
        var rule: String
        var path: String
        var line: Int?
        var column: Int?
        var pointer: String?
        var message: String
    }
    var documents: Int
    var errors: Int
    var warnings: Int
    var findings: [Finding]
}

private func validateJSON(_ arguments: [String], in repo: TestRepository) throws -> (ValidateJSON, Int32) {
    let result = try CLI.run(["validate", "--format", "json", "--as-of", "2021-06-01"] + arguments, in: repo.url)
    let decoded = try JSONDecoder().decode(ValidateJSON.self, from: Data(result.stdout.utf8))
    return (decoded, result.status)
}

@Suite("validate")
struct ValidateTests {
    /// The bundled plans have no errors; their only warnings are the four short-term goals of
    /// the 2026 plans that have no indicator yet (`goal.unmeasured`, #21): shown honestly.
    @Test func bundledPlansAreCleanInTheWorkingTreeAndAtHEAD() throws {
        for extra in [[], ["--rev", "HEAD"]] {
            let result = try CLI.run(["validate"] + extra)
            #expect(result.status == 0, "\(extra): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains(": 0 errors, 4 warnings"), "\(result.stdout)")
            let warnings = result.stdout.split(separator: "\n").filter { $0.contains(": warning: ") }
            #expect(warnings.count == 4 && warnings.allSatisfy { $0.contains("[goal.unmeasured]") }, "\(warnings)")
            for goal in [
                "norrbotten/2026/goals/sp-st-2.md", "skane/2026/goals/bm-st-1.md", "uppsala/2026/goals/bu-st-2.md",
                "uppsala/2026/goals/sam-st-2.md",
            ] {
                #expect(result.stdout.contains("Plans/\(goal):5:7: warning: [goal.unmeasured]"), "\(goal)")
            }
        }
    }

    @Test func cleanWorkspaceExitsZero() throws {
        let repo = try validWorkspace()
        let (report, status) = try validateJSON([], in: repo)
        #expect(status == 0)
        #expect(report.documents == 5)
        #expect(report.findings.isEmpty)
    }

    @Test func schemaFindingsPointAtTheKeyOrValue() throws {
        let repo = try validWorkspace()
        try repo.write(
            "Plans/stockholm/2021/activities/bu-p1.md",
            """
            ---
            kind: activity
            id: bu-p1
            titel: Stöd åt förskolan
            area: bu
            priority: prioritized
            goals: [bu-st-1]
            status: klar
            start: 2021-02-30
            ---

            """)
        let (report, status) = try validateJSON([], in: repo)
        #expect(status == 1)
        let byRule = Dictionary(grouping: report.findings, by: \.rule)
        let unknown = try #require(byRule["schema.additionalProperties"]?.first)
        #expect((unknown.line, unknown.column) == (4, 1))
        #expect(unknown.message == "unknown field \"titel\" (did you mean \"title\"?)")
        let statusFinding = try #require(byRule["schema.enum"]?.first)
        #expect((statusFinding.line, statusFinding.column) == (8, 9))
        #expect(statusFinding.pointer == "/status")
        #expect(statusFinding.message.hasPrefix("status: must be one of planned, in-progress, done, delayed, cancelled; got \"klar\""))
        let date = try #require(byRule["schema.format"]?.first)
        #expect((date.line, date.column) == (9, 8))
        let missing = try #require(byRule["schema.required"]?.first)
        #expect(missing.message.contains("missing required field \"title\""))
        #expect(missing.line == 2)
    }

    @Test func stagedSeesAFixTheWorkingTreeLacksAndTheReverse() throws {
        let repo = try validWorkspace()
        // Working tree broken, index fine.
        try repo.write("Plans/stockholm/2021/activities/bu-p1.md", activity(status: "done"))
        var (tree, treeStatus) = try validateJSON([], in: repo)
        var (index, indexStatus) = try validateJSON(["--staged"], in: repo)
        #expect(treeStatus == 1 && tree.findings.map(\.rule) == ["status.completed-missing"])
        #expect(indexStatus == 0 && index.findings.isEmpty)
        // The reverse: the index broken, the working tree fixed.
        try repo.stage("Plans/stockholm/2021/activities/bu-p1.md", activity(status: "done"))
        try repo.write("Plans/stockholm/2021/activities/bu-p1.md", activity(status: "done", extra: "completed: 2021-05-02\n"))
        (tree, treeStatus) = try validateJSON([], in: repo)
        (index, indexStatus) = try validateJSON(["--staged"], in: repo)
        #expect(treeStatus == 0 && tree.findings.isEmpty)
        #expect(indexStatus == 1 && index.findings.map(\.rule) == ["status.completed-missing"])
    }

    @Test func warningsFailOnlyUnderStrict() throws {
        let repo = try validWorkspace()
        // Due 2021-11-30 and not done: overdue on 2021-12-15.
        let lenient = try CLI.run(["validate", "--as-of", "2021-12-15"], in: repo.url)
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("warning: [dates.overdue]"))
        let strict = try CLI.run(["validate", "--as-of", "2021-12-15", "--strict"], in: repo.url)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("error: [dates.overdue]"))
    }

    @Test func badInputsBecomeFindings() throws {
        let repo = try validWorkspace()
        try repo.folder.write(
            "Plans/stockholm/2021/goals/latin1.md", Data("---\nid: x\ntitle: F".utf8) + Data([0xE5]) + Data("\n---\n".utf8))
        try repo.write("Plans/stockholm/2021/goals/huge.md", "---\nid: huge\n---\n" + String(repeating: "x", count: 1_100_000))
        try repo.write("Plans/stockholm/2021/goals/broken.md", "---\nid: [\n---\n")
        try repo.write("Plans/stockholm/2021/goals/unclosed.md", "---\nid: unclosed\n")
        try FileManager.default.createSymbolicLink(
            atPath: repo.url.appendingPathComponent("Plans/stockholm/2021/goals/link.md").path,
            withDestinationPath: "/etc/passwd")
        let (report, status) = try validateJSON([], in: repo)
        #expect(status == 1)
        let rules = Set(report.findings.map { "\($0.path.split(separator: "/").last ?? ""):\($0.rule)" })
        #expect(
            rules.isSuperset(of: [
                "latin1.md:file.not-utf8", "huge.md:file.too-large", "broken.md:yaml.syntax",
                "unclosed.md:frontmatter.unclosed", "link.md:file.symlink",
            ]))
        #expect(report.documents == 10)
    }

    @Test("conflict markers are merge.conflict at each marker line, in front matter and body, not a YAML error")
    func conflictMarkers() throws {
        let repo = try validWorkspace()
        try repo.write(
            "Plans/stockholm/2021/goals/front.md",
            "---\nid: front\n<<<<<<< ours\ntitle: A\n=======\ntitle: B\n>>>>>>> theirs\n---\n\nText.\n")
        try repo.write(
            "Plans/stockholm/2021/goals/body.md",
            "---\nid: body\n---\n\nRubrik\n=======\n\n<<<<<<< ours\nA\n=======\nB\n>>>>>>> theirs\n")
        let result = try CLI.run(["validate"], in: repo.url)
        #expect(result.status == 1)
        for place in ["front.md:3:1", "front.md:5:1", "front.md:7:1", "body.md:8:1", "body.md:10:1", "body.md:12:1"] {
            #expect(
                result.stdout.contains("Plans/stockholm/2021/goals/\(place): error: [merge.conflict]"), "\(place): \(result.stdout)")
        }
        // The heading's underline is no marker, and the markers cause no YAML finding.
        #expect(!result.stdout.contains("body.md:6:1"))
        #expect(!result.stdout.contains("front.md:3:1: error: [yaml"))
        #expect(result.stdout.components(separatedBy: "[merge.conflict]").count == 7)
        let sarif = try CLI.run(["validate", "--format", "sarif"], in: repo.url)
        #expect(sarif.stdout.contains("no document holds the conflict markers a merge left"))
    }

    @Test func pathsLimitWhatIsReported() throws {
        let repo = try validWorkspace()
        try repo.write("Plans/stockholm/2021/goals/bu-st-1.md", shortGoal.replacingOccurrences(of: "term: short", with: "term: medium"))
        let all = try CLI.run(["validate", "--as-of", "2021-06-01"], in: repo.url)
        #expect(all.status == 1)
        let elsewhere = try CLI.run(["validate", "--as-of", "2021-06-01", "Plans/stockholm/2021/activities"], in: repo.url)
        #expect(elsewhere.status == 0, "\(elsewhere.stdout)")
        #expect(elsewhere.stdout.contains("1 document checked"))
    }

    @Test("a named file whose YAML cannot be read counts as checked, not \"0 documents\"")
    func namedUnreadableFileIsCounted() throws {
        let repo = try validWorkspace()
        try repo.write("Plans/stockholm/2021/goals/broken.md", "---\nid: [\n---\n")
        let (file, fileStatus) = try validateJSON(["Plans/stockholm/2021/goals/broken.md"], in: repo)
        #expect(fileStatus == 1)
        #expect(file.documents == 1)
        #expect(file.findings.map(\.rule) == ["yaml.syntax"])
        // The folder: the two goals that read and the broken one.
        let (folder, _) = try validateJSON(["Plans/stockholm/2021/goals"], in: repo)
        #expect(folder.documents == 3)
        let text = try CLI.run(["validate", "--as-of", "2021-06-01", "Plans/stockholm/2021/goals/broken.md"], in: repo.url)
        #expect(text.stdout.contains("1 document checked (working tree): 1 error"), "\(text.stdout)")
    }

    @Test func sarifAndGitHubFormats() throws {
        let repo = try validWorkspace()
        try repo.write("Plans/stockholm/2021/activities/bu-p1.md", activity(status: "klar"))
        let sarif = try CLI.run(["validate", "--format", "sarif"], in: repo.url)
        #expect(sarif.status == 1)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
        let runs = log?["runs"] as? [[String: Any]]
        let results = runs?.first?["results"] as? [[String: Any]]
        #expect(results?.first?["ruleId"] as? String == "schema.enum")
        let github = try CLI.run(["validate", "--format", "github"], in: repo.url)
        #expect(
            github.stdout.hasPrefix("::error file=Plans/stockholm/2021/activities/bu-p1.md,line=8,col=9,title=schema.enum::status%3A")
                || github.stdout.hasPrefix("::error file=Plans/stockholm/2021/activities/bu-p1.md,line=8,col=9,title=schema.enum::status:"))
    }

    @Test func workspaceSchemasTakePrecedence() throws {
        let repo = try validWorkspace()
        try repo.write("Plans/stockholm/2021/activities/bu-p1.md", activity(status: "in-progress", extra: "risk: hög\n"))
        let before = try CLI.run(["validate", "--as-of", "2021-06-01"], in: repo.url)
        #expect(before.status == 1)
        #expect(before.stdout.contains("unknown field \"risk\""))
        // The workspace's own activity schema allows `risk`.
        let builtIn = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Schemas/activity.schema.json"), encoding: .utf8)
        let extended = builtIn.replacingOccurrences(
            of: "\"properties\": {", with: "\"properties\": {\n    \"risk\": {\"type\": \"string\"},")
        try repo.write("Schemas/activity.schema.json", extended)
        let after = try CLI.run(["validate", "--as-of", "2021-06-01"], in: repo.url)
        #expect(after.status == 0, "\(after.stdout)")
    }

    @Test func ruleSeveritiesFromWorkspaceSettings() throws {
        let repo = try validWorkspace()
        try repo.write("Plans/workspace.yaml", "name: Test\nrules:\n  dates.overdue: error\n")
        let result = try CLI.run(["validate", "--as-of", "2021-12-15"], in: repo.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: [dates.overdue]"))
    }

    @Test func hookRefusesACommitWithErrorsAndKeepsAnExistingHook() throws {
        let repo = try validWorkspace()
        let hooks = URL(fileURLWithPath: repo.repository.path).appendingPathComponent("hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        let existing = hooks.appendingPathComponent("pre-commit")
        try "#!/bin/sh\necho existing hook ran\n".write(to: existing, atomically: true, encoding: .utf8)
        chmod(existing.path, 0o755)

        let refused = try CLI.run(["hooks", "install"], in: repo.url)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("already exists and is not plantrack's"))
        #expect(try String(contentsOf: existing, encoding: .utf8).contains("existing hook ran"))

        let chained = try CLI.run(["hooks", "install", "--chain"], in: repo.url)
        #expect(chained.status == 0, "\(chained.stderr)")
        #expect(FileManager.default.fileExists(atPath: hooks.appendingPathComponent("pre-commit.before-plantrack").path))

        // git runs the hook from the top of the work tree; do the same.
        func runHook() throws -> CLIResult {
            try CLI.run([existing.path], in: repo.url, executable: "/bin/sh")
        }
        let clean = try runHook()
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("existing hook ran"))
        try repo.stage("Plans/stockholm/2021/activities/bu-p1.md", activity(status: "klar"))
        let broken = try runHook()
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("[schema.enum]"))
    }
}
