import Foundation
import Testing

/// The activity both branches edit in the git tests: bundled, with a comment added so the
/// tests can see that lines neither side touched keep their bytes.
private let activityPath = "Plans/stockholm/2021/activities/bu-p1.md"

/// `text` with `old` replaced by `new` once; fails the test when `old` is not there.
private func replacing(_ text: String, _ old: String, _ new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    guard let range = text.range(of: old) else {
        Issue.record("no \(old) in the text", sourceLocation: sourceLocation)
        return text
    }
    return text.replacingCharacters(in: range, with: new)
}

/// A git repository made and driven by git's own command line (the second client), holding
/// the bundled Plans/, with plantrack's hooks and merge driver installed by `plantrack hooks install`.
private final class GitWorkspace {
    let folder: TemporaryFolder
    let home: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        home = try TemporaryFolder()
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("Plans"), to: folder.url.appendingPathComponent("Plans"))
        try git(["init", "-q", "-b", "main"])
        try git(["config", "user.name", "Åsa Öberg"])
        try git(["config", "user.email", "asa.oberg@example.se"])
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "bundled plans"])
    }

    var environment: [String: String] { ["HOME": home.path, "XDG_CONFIG_HOME": home.path] }

    /// Runs git in the repository; fails the test on a non-zero exit unless `allowFailure`.
    @discardableResult
    func git(_ arguments: [String], allowFailure: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> CLIResult
    {
        let result = try CLI.run(arguments, in: folder.url, environment: environment, executable: "/usr/bin/git")
        if !allowFailure {
            #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        }
        return result
    }

    func plantrack(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(arguments, in: folder.url, environment: environment)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ path: String, _ text: String) throws {
        try folder.write(path, text)
    }

    /// Commits `text` as the activity on the current branch (no hook: the test is about merging).
    func commitActivity(_ text: String, _ message: String) throws {
        try write(activityPath, text)
        try git(["commit", "-q", "--no-verify", "-am", message])
    }
}

@Suite("merge driver")
struct MergeDriverTests {
    @Test("hooks install registers the driver: .git/info/attributes and merge.plantrack.* in .git/config")
    func hooksInstallRegisters() throws {
        let workspace = try GitWorkspace()
        let install = try workspace.plantrack(["hooks", "install"])
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.contains("registered the merge driver"))
        let attributes = try workspace.read(".git/info/attributes")
        #expect(attributes.contains("Plans/**/*.md merge=plantrack\n"))
        #expect(attributes.contains("Plans/workspace.yaml merge=plantrack\n"))
        let driver = try workspace.git(["config", "merge.plantrack.driver"]).stdout
        #expect(driver.contains("merge-driver %O %A %B %P"))
        let attribute = try workspace.git(["check-attr", "merge", "--", activityPath]).stdout
        #expect(attribute.contains("merge: plantrack"))
        // Installing again adds nothing twice.
        #expect(try workspace.plantrack(["hooks", "install"]).status == 0)
        #expect(try workspace.read(".git/info/attributes").components(separatedBy: "merge=plantrack").count == 3)
    }

    @Test("git merge of two branches changing different fields of one activity: clean, untouched bytes kept")
    func gitMergeDifferentFields() throws {
        let workspace = try GitWorkspace()
        #expect(try workspace.plantrack(["hooks", "install"]).status == 0)
        let base = replacing(try workspace.read(activityPath), "status: done", "status: done   # uppdateras kvartalsvis")
        try workspace.commitActivity(base, "comment")
        try workspace.git(["checkout", "-q", "-b", "theirs"])
        let theirs = replacing(base, "spent_sek: 845000", "spent_sek: 850000")
        try workspace.commitActivity(theirs, "spent")
        try workspace.git(["checkout", "-q", "main"])
        let ours = replacing(base, "budget_sek: 900000", "budget_sek: 950000")
        try workspace.commitActivity(ours, "progress")
        // A line merge would conflict here too: the two changed lines are close.
        let merge = try workspace.git(["merge", "--no-edit", "theirs"], allowFailure: true)
        #expect(merge.status == 0, "\(merge.stdout)\(merge.stderr)")
        let merged = try workspace.read(activityPath)
        #expect(merged == replacing(ours, "spent_sek: 845000", "spent_sek: 850000"))
        #expect(merged.contains("status: done   # uppdateras kvartalsvis\n"))
        #expect(try workspace.plantrack(["validate"]).stdout.contains("merge.conflict") == false)
    }

    @Test(
        "git merge of the same field changed differently: git reports the conflict, markers around the field, validate says merge.conflict")
    func gitMergeSameField() throws {
        let workspace = try GitWorkspace()
        #expect(try workspace.plantrack(["hooks", "install"]).status == 0)
        let base = try workspace.read(activityPath)
        try workspace.git(["checkout", "-q", "-b", "theirs"])
        try workspace.commitActivity(replacing(base, "owner: ", "owner: Regionen, "), "owner theirs")
        try workspace.git(["checkout", "-q", "main"])
        try workspace.commitActivity(
            replacing(replacing(base, "owner: ", "owner: Kommunen, "), "spent_sek: 845000", "spent_sek: 850000"), "owner ours")
        let merge = try workspace.git(["merge", "--no-edit", "theirs"], allowFailure: true)
        #expect(merge.status != 0)
        let output = merge.stdout + merge.stderr
        #expect(output.contains("CONFLICT"), "\(output)")
        #expect(output.contains("\(activityPath):"), "\(output)")
        #expect(output.contains("conflict in owner: base"), "\(output)")
        let merged = try workspace.read(activityPath)
        let lines = merged.split(separator: "\n", omittingEmptySubsequences: false)
        let open = try #require(lines.firstIndex { $0 == "<<<<<<< ours" })
        #expect(lines[open + 1].hasPrefix("owner: Kommunen, "))
        #expect(lines[open + 2] == "=======")
        #expect(lines[open + 3].hasPrefix("owner: Regionen, "))
        #expect(lines[open + 4] == ">>>>>>> theirs")
        #expect(lines.filter { $0.hasPrefix("<<<<<<<") }.count == 1, "only the field is wrapped")
        #expect(merged.contains("spent_sek: 850000"), "our other change is kept")
        // Everything but the marked lines is ours, byte for byte.
        var unmarked = lines
        unmarked.removeSubrange((open + 2)...(open + 4))
        unmarked.remove(at: open)
        #expect(
            unmarked.joined(separator: "\n")
                == replacing(replacing(base, "owner: ", "owner: Kommunen, "), "spent_sek: 845000", "spent_sek: 850000"))

        let validate = try workspace.plantrack(["validate"])
        #expect(validate.status == 1)
        for line in [open + 1, open + 3, open + 5] {
            #expect(validate.stdout.contains("\(activityPath):\(line):1: error: [merge.conflict]"), "\(validate.stdout)")
        }
        #expect(!validate.stdout.contains("\(activityPath):\(open + 1):1: error: [yaml"))
    }

    @Test("merge-driver through the binary: clean exits 0 and writes ours; a conflict exits 1 naming the field")
    func driverDirectly() throws {
        let folder = try TemporaryFolder()
        let base = try String(contentsOf: CLI.packageRoot.appendingPathComponent(activityPath), encoding: .utf8)
        try folder.write("base", base)
        try folder.write("ours", replacing(base, "budget_sek: 900000", "budget_sek: 950000"))
        try folder.write("theirs", replacing(base, "spent_sek: 845000", "spent_sek: 850000"))
        let clean = try CLI.run(["merge-driver", "base", "ours", "theirs", activityPath], in: folder.url)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stderr.isEmpty)
        let written = try String(contentsOf: folder.url.appendingPathComponent("ours"), encoding: .utf8)
        #expect(written == replacing(replacing(base, "budget_sek: 900000", "budget_sek: 950000"), "spent_sek: 845000", "spent_sek: 850000"))

        try folder.write("ours", replacing(base, "owner: ", "owner: A "))
        try folder.write("theirs", replacing(base, "owner: ", "owner: B "))
        let conflict = try CLI.run(["merge-driver", "base", "ours", "theirs", activityPath], in: folder.url)
        #expect(conflict.status == 1)
        #expect(conflict.stderr.contains("\(activityPath):"))
        #expect(conflict.stderr.contains(": conflict in owner: base \""), "\(conflict.stderr)")
        #expect(conflict.stderr.contains("ours \"A "), "\(conflict.stderr)")
        #expect(try String(contentsOf: folder.url.appendingPathComponent("ours"), encoding: .utf8).contains("<<<<<<< ours\nowner: A "))

        // Added on both sides: git hands over an empty base.
        try folder.write("empty", "")
        try folder.write("ours", base)
        try folder.write("theirs", base)
        #expect(try CLI.run(["merge-driver", "empty", "ours", "theirs", activityPath], in: folder.url).status == 0)

        let missing = try CLI.run(["merge-driver", "base", "ours", "theirs"], in: folder.url)
        #expect(missing.status == 2)
        let unreadable = try CLI.run(["merge-driver", "nowhere", "ours", "theirs", activityPath], in: folder.url)
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("cannot read the base version nowhere"))
    }

    @Test("merge-driver is not in plantrack --help: git runs it, people do not")
    func hiddenFromMainHelp() throws {
        #expect(try CLI.run(["--help"]).stdout.contains("merge-driver") == false)
    }
}
