import Testing

@testable import PlantrackCore

/// A committed workspace with one county and its 2024 plan (a long-term goal, a
/// short-term goal serving it, an open activity), in memory: approve, revise and the write
/// path run on it without libgit2.
private func committedWorkspace(planStatus: String = "draft") -> MemoryHistory {
    var files = countyFiles("x", code: "01", planStatus: planStatus)
    files["Plans/workspace.yaml"] = "name: Test\nlanguage: sv\n"
    let bytes = files.mapValues { Array($0.utf8) }
    let history = MemoryHistory(workingFiles: bytes, identity: clerk)
    history.record(files: bytes, message: "start\n", author: clerk)
    return history
}

private func text(_ history: MemoryHistory, _ path: String) -> String {
    String(decoding: history.workingFiles[path] ?? [], as: UTF8.self)
}

@Suite("The write path, approval and revision on MemoryHistory")
struct WorkspaceWriterTests {
    @Test func theFixtureIsValid() throws {
        let history = committedWorkspace()
        let snapshot = history.workingTree()
        let schemas = try #require(try DocumentSchemas.load(from: snapshot).schemas)
        let errors = WorkspaceValidator(schemas: schemas, asOf: march).validate(try Workspace.read(from: snapshot))
            .findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func approvalAdoptsCommitsAndTagsTheVersion() throws {
        let history = committedWorkspace()
        let writer = WorkspaceWriter(history: history, today: march)
        let outcome = try PlanApproval(plan: ItemReference(county: "x", year: 2024), adoptedBy: "Styrgruppen")
            .run(with: writer)

        let plan = text(history, "Plans/x/2024/plan.md")
        #expect(plan.contains("status: adopted\n"))
        #expect(plan.contains("adopted:\n  date: 2024-03-01\n  by: Styrgruppen\n"))
        #expect(outcome.write.paths == ["Plans/x/2024/plan.md"])
        let commit = try #require(outcome.write.commit)
        #expect(commit.message.hasPrefix("approve x/2024 version 3\n\n~ status: draft → adopted\n"))
        #expect(commit.author == clerk)
        #expect(history.commits[commit.id]?.files["Plans/x/2024/plan.md"] == history.workingFiles["Plans/x/2024/plan.md"])
        #expect(outcome.tag == "x/2024/v3")
        #expect(history.tagRecords["x/2024/v3"]?.commitID == commit.id)
        #expect(history.tagRecords["x/2024/v3"]?.message == "x/2024 version 3 adopted\n")
        #expect(try history.state(ofWorkingFile: "Plans/x/2024/plan.md").isUnchanged)
    }

    @Test func approvalByDefaultNamesTheCommittingIdentity() throws {
        let history = committedWorkspace()
        _ = try PlanApproval(plan: ItemReference(county: "x", year: 2024), date: CalendarDate(secondsSinceEpoch: 1_706_745_600))
            .run(with: WorkspaceWriter(history: history, commits: false, today: march))
        #expect(text(history, "Plans/x/2024/plan.md").contains("adopted:\n  date: 2024-02-01\n  by: Kansliet\n"))
        #expect(history.commits.count == 1, "--no-commit commits nothing")
        #expect(history.tagRecords.isEmpty, "--no-commit tags nothing")
    }

    @Test func approvalRefusesAClosedPlanWritingNothing() throws {
        let history = committedWorkspace(planStatus: "closed")
        let before = history.workingFiles
        #expect {
            try PlanApproval(plan: ItemReference(county: "x", year: 2024)).run(with: WorkspaceWriter(history: history, today: march))
        } throws: { error in
            (error as? WorkspaceWriteError)?.message
                == "x/2024 is closed: its year is over and approving would reopen it. Start next year's plan with "
                + "'plantrack revise x --to YEAR'. Nothing was written."
        }
        #expect(history.workingFiles == before)
        #expect(history.commits.count == 1)
        #expect(history.tagRecords.isEmpty)
    }

    @Test func approvalRefusesAnExistingTagWritingNothing() throws {
        let history = committedWorkspace()
        let head = try #require(history.headID)
        try history.createTag(named: "x/2024/v3", at: head, tagger: clerk, message: "earlier\n")
        let before = history.workingFiles
        #expect {
            try PlanApproval(plan: ItemReference(county: "x", year: 2024)).run(with: WorkspaceWriter(history: history, today: march))
        } throws: { error in
            (error as? WorkspaceWriteError)?.message.hasPrefix(
                "the tag x/2024/v3 already exists: version 3 was approved before.") == true
        }
        #expect(history.workingFiles == before)
        #expect(history.commits.count == 1)
        #expect(history.tagRecords["x/2024/v3"]?.message == "earlier\n")
    }

    @Test func approvalRefusesUncommittedPlanFiles() throws {
        let history = committedWorkspace()
        history.workingFiles["Plans/x/2024/goals/g.md"]?.append(contentsOf: Array("Ändrad.\n".utf8))
        #expect {
            try PlanApproval(plan: ItemReference(county: "x", year: 2024)).run(with: WorkspaceWriter(history: history, today: march))
        } throws: { error in
            (error as? WorkspaceWriteError)?.message.hasPrefix(
                "Plans/x/2024/goals/g.md has uncommitted changes: the tag would not hold it.") == true
        }
        #expect(history.commits.count == 1)
    }

    @Test func revisionWritesNextYearAndCommitsIt() throws {
        let history = committedWorkspace()
        let written = try PlanRevision.revise("x", to: 2025, with: WorkspaceWriter(history: history, today: march))

        #expect(written.revision.from == ItemReference(county: "x", year: 2024))
        #expect(written.write.paths == written.revision.files.keys.sorted())
        #expect(written.write.paths.contains("Plans/x/2025/plan.md"))
        #expect(written.write.paths.contains("Plans/x/2025/activities/p1.md"), "an open activity is carried")
        #expect(text(history, "Plans/x/2025/plan.md").contains("version: 4\n"))
        let commit = try #require(written.write.commit)
        #expect(commit.message == written.revision.message)
        #expect(commit.message.hasPrefix("revise x/2024 → x/2025: version 4, draft\n"))
        for path in written.write.paths {
            #expect(history.commits[commit.id]?.files[path] == history.workingFiles[path])
        }
        #expect(history.commits[commit.id]?.files["Plans/x/2024/plan.md"] != nil, "last year's files stay")
    }

    @Test func revisionRefusesAnExistingYearAndAnUnknownCounty() throws {
        let history = committedWorkspace()
        let writer = WorkspaceWriter(history: history, today: march)
        _ = try PlanRevision.revise("x", to: 2025, with: writer)
        #expect {
            try PlanRevision.revise("x", to: 2025, with: writer)
        } throws: { error in
            (error as? WorkspaceWriteError)?.message == "x/2025 already exists; nothing was written"
        }
        history.workingFiles["Plans/x/2026/anteckningar.txt"] = Array("utkast\n".utf8)
        let withNotes = history.workingFiles
        #expect {
            try PlanRevision.revise("x", to: 2026, with: writer)
        } throws: { error in
            (error as? WorkspaceWriteError)?.message == "x/2026 already exists; nothing was written"
        }
        #expect(history.workingFiles == withNotes)
        #expect {
            try PlanRevision.revise("y", to: 2025, with: writer)
        } throws: { error in
            guard case .notFound(let message)? = error as? WorkspaceWriteError else { return false }
            return message.hasPrefix("no y in the working tree; ")
        }
        #expect(history.workingFiles == withNotes)
        #expect(history.commits.count == 2)
    }

    @Test func aChangeThatMakesTheWorkspaceInvalidIsRefused() throws {
        let history = committedWorkspace()
        let before = history.workingFiles
        let path = "Plans/x/2024/activities/p1.md"
        let broken = text(history, path).replacingOccurrences(of: "status: in-progress", with: "status: soon")
        #expect {
            try WorkspaceWriter(history: history, today: march).perform { _ in
                WorkspaceChange(files: [path: Array(broken.utf8)], message: "update\n")
            }
        } throws: { error in
            guard case .invalidChange(let errors)? = error as? WorkspaceWriteError, errors.count == 1 else { return false }
            return errors[0].finding.path == path && errors[0].line == "status: soon"
                && (error as? WorkspaceWriteError)?.message
                    == "the change would make the workspace invalid (1 error above). Nothing was written."
        }
        #expect(history.workingFiles == before)
        #expect(history.commits.count == 1)
    }

    @Test func aFileWithUncommittedChangesIsNotCommittedOver() throws {
        let history = committedWorkspace()
        let path = "Plans/x/2024/activities/p1.md"
        history.workingFiles[path]?.append(contentsOf: Array("Min anteckning.\n".utf8))
        let edited = history.workingFiles[path]
        #expect {
            try WorkspaceWriter(history: history, today: march).perform { _ in
                WorkspaceChange(files: [path: Array("x".utf8)], message: "update\n")
            }
        } throws: { error in
            (error as? WorkspaceWriteError)?.message
                == "\(path) has uncommitted changes; commit or discard them first, or run again with "
                + "--no-commit to edit the file as it is. Nothing was written."
        }
        #expect(history.workingFiles[path] == edited)
    }

    @Test func committingWithoutAnIdentityIsRefusedBeforeAnythingIsWritten() throws {
        let history = committedWorkspace()
        history.identity = nil
        let before = history.workingFiles
        #expect(throws: WorkspaceWriteError.self) {
            try WorkspaceWriter(history: history, today: march).perform { _ in
                WorkspaceChange(files: ["Plans/x/2024/plan.md": []], message: "x\n")
            }
        }
        #expect(history.workingFiles == before)
    }
}
