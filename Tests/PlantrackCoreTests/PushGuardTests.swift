import Testing

@testable import PlantrackCore

/// A shared repository in memory: counties x (identity anna) and y (identity eva), admin
/// nationell; x's 2024 plan adopted as version 3, y's a draft.
private func sharedRepository(access: String? = defaultAccess) -> (MemoryHistory, HistoryCommit) {
    let history = MemoryHistory()
    let tip = history.record(files: workspaceFiles(access: access), message: "start\n", author: clerk)
    return (history, tip)
}

private let defaultAccess = """
    access:
      admins: [nationell]
      counties:
        x: [anna]
        y: [eva]
    """

private func workspaceFiles(access: String?) -> [String: [UInt8]] {
    var files: [String: String] = [
        "Plans/workspace.yaml": "name: Test\nlanguage: sv\n" + (access.map { $0 + "\n" } ?? ""),
        "Schemas/README.md": "Egna scheman.\n",
    ]
    for (county, code, status) in [("x", "01", "adopted"), ("y", "03", "draft")] {
        files.merge(countyFiles(county, code: code, planStatus: status)) { _, new in new }
    }
    return files.mapValues { Array($0.utf8) }
}

extension MemoryHistory {
    /// A commit on top of `parent` changing `changes` (nil: removes the file); HEAD stays.
    fileprivate func push(_ changes: [String: String?], on parent: HistoryCommit) throws -> HistoryCommit {
        var files = commits[parent.id]?.files ?? [:]
        for (path, text) in changes { files[path] = text.map { Array($0.utf8) } }
        return record(files: files, message: "change\n", author: clerk, parents: [parent.id], movingHead: false)
    }
}

private func judge(
    _ history: MemoryHistory, _ ref: String = "refs/heads/main", old: String?, new: String?, as identity: String?
) throws -> [PushRefusal] {
    try PushGuard(history: history, identity: identity, asOf: march).judge(RefUpdate(name: ref, old: old, new: new))
}

@Suite("The guard of a shared repository, on MemoryHistory")
struct PushGuardTests {
    private let xActivity = "Plans/x/2024/activities/p1.md"

    @Test func theFixtureValidates() throws {
        let (history, tip) = sharedRepository()
        let snapshot = try history.snapshot(at: tip.id, label: nil)
        let schemas = try #require(try DocumentSchemas.load(from: snapshot).schemas)
        let errors = try WorkspaceValidator(schemas: schemas, asOf: march).validate(snapshot).findings
            .filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func aCountyChangesItsOwnFilesAndNotAnothers() throws {
        let (history, tip) = sharedRepository()
        let change = try history.push([xActivity: openActivity(progress: 60)], on: tip)
        #expect(try judge(history, old: tip.id, new: change.id, as: "anna").isEmpty)
        #expect(try judge(history, old: tip.id, new: change.id, as: "nationell").isEmpty)
        let refused = try judge(history, old: tip.id, new: change.id, as: "eva")
        #expect(refused.map(\.rule) == ["access.file"])
        #expect(
            refused.first?.description
                == "refused: Plans/x/2024/activities/p1.md may be changed by x's identities (anna) and admins "
                + "(nationell); you are eva (y) [access.file, refs/heads/main]")
    }

    @Test func aPushWithoutIdentityChangesNothingOnceAccessIsDeclared() throws {
        let (history, tip) = sharedRepository()
        let change = try history.push([xActivity: openActivity(progress: 60)], on: tip)
        let refused = try judge(history, old: tip.id, new: change.id, as: nil)
        #expect(refused.map(\.subject) == [xActivity])
        #expect(refused.first?.message.contains("the push carries no identity") == true)
        #expect(try judge(history, old: tip.id, new: change.id, as: "").map(\.rule) == ["access.file"])

        let (open, openTip) = sharedRepository(access: nil)
        let anyone = try open.push([xActivity: openActivity(progress: 60), "Schemas/README.md": "x\n"], on: openTip)
        #expect(try judge(open, old: openTip.id, new: anyone.id, as: nil).isEmpty)
    }

    @Test func onlyAdminsChangeSchemasAndTheSettings() throws {
        let (history, tip) = sharedRepository()
        let schema = try history.push(["Schemas/README.md": "Ändrad.\n"], on: tip)
        #expect(try judge(history, old: tip.id, new: schema.id, as: "nationell").isEmpty)
        let refused = try judge(history, old: tip.id, new: schema.id, as: "anna")
        #expect(refused.first?.message.hasPrefix("may be changed by admins (nationell) only; you are anna (x)") == true)
        let readme = try history.push(["README.md": "Hej\n"], on: tip)
        #expect(try judge(history, old: tip.id, new: readme.id, as: "anna").map(\.subject) == ["README.md"])
    }

    @Test func aPushCannotGrantItselfRights() throws {
        let (history, tip) = sharedRepository()
        let granted = "access:\n  admins: [nationell]\n  counties:\n    x: [anna]\n    y: [eva, anna]"
        let change = try history.push(
            [
                "Plans/workspace.yaml": "name: Test\nlanguage: sv\n\(granted)\n",
                "Plans/y/2024/activities/p1.md": openActivity(progress: 70),
            ], on: tip)
        #expect(
            try judge(history, old: tip.id, new: change.id, as: "anna").map(\.subject)
                == ["Plans/workspace.yaml", "Plans/y/2024/activities/p1.md"])
    }

    @Test func theNewTipOfAProtectedBranchMustValidate() throws {
        let (history, tip) = sharedRepository()
        let broken = try history.push([xActivity: openActivity(progress: 140)], on: tip)
        let refused = try judge(history, old: tip.id, new: broken.id, as: "anna")
        #expect(refused.map(\.rule) == ["branch.validate"])
        #expect(refused.first?.findings.map(\.path) == [xActivity])
        // A branch no one protects may hold work in progress.
        #expect(try judge(history, "refs/heads/utkast", old: tip.id, new: broken.id, as: "anna").isEmpty)
        // … unless access.protected_branches lists it.
        let (listed, listedTip) = sharedRepository(access: defaultAccess + "\n  protected_branches: [utkast]")
        let brokenListed = try listed.push([xActivity: openActivity(progress: 140)], on: listedTip)
        #expect(
            try judge(listed, "refs/heads/utkast", old: listedTip.id, new: brokenListed.id, as: "anna").map(\.rule)
                == ["branch.validate"])
    }

    @Test func aProtectedBranchIsNeitherRewrittenNorDeleted() throws {
        let (history, tip) = sharedRepository()
        let first = try history.push([xActivity: openActivity(progress: 50)], on: tip)
        let other = try history.push([xActivity: openActivity(progress: 60)], on: tip)
        #expect(try judge(history, old: first.id, new: other.id, as: "anna").map(\.rule) == ["branch.rewrite"])
        #expect(try judge(history, old: tip.id, new: other.id, as: "anna").isEmpty)
        #expect(try judge(history, old: tip.id, new: nil, as: "nationell").map(\.rule) == ["branch.delete"])
        // Another branch may be rewritten and deleted.
        #expect(try judge(history, "refs/heads/utkast", old: first.id, new: other.id, as: "anna").isEmpty)
        #expect(try judge(history, "refs/heads/utkast", old: first.id, new: nil, as: "anna").isEmpty)
    }

    @Test func aNewBranchIsComparedWithTheDefaultBranch() throws {
        let (history, tip) = sharedRepository()
        let own = try history.push([xActivity: openActivity(progress: 50)], on: tip)
        #expect(try judge(history, "refs/heads/anna", old: nil, new: own.id, as: "anna").isEmpty)
        let foreign = try history.push(["Plans/y/2024/activities/p1.md": openActivity(progress: 50)], on: tip)
        #expect(
            try judge(history, "refs/heads/anna", old: nil, new: foreign.id, as: "anna").map(\.subject)
                == ["Plans/y/2024/activities/p1.md"])
    }

    @Test func approvalTagsAreNeverMovedOrDeleted() throws {
        let (history, tip) = sharedRepository()
        let later = try history.push([xActivity: openActivity(progress: 50)], on: tip)
        let moved = try judge(history, "refs/tags/x/2024/v3", old: tip.id, new: later.id, as: "nationell")
        #expect(moved.map(\.rule) == ["tag.move"])
        #expect(moved.first?.subject == "tag x/2024/v3")
        #expect(
            try judge(history, "refs/tags/x/2024/v3", old: tip.id, new: nil, as: "nationell").map(\.rule)
                == ["tag.delete"])
        // Other tags are no approval.
        #expect(try judge(history, "refs/tags/utkast", old: tip.id, new: later.id, as: "anna").isEmpty)
    }

    @Test func anApprovalTagIsCreatedByItsCountyOnTheAdoptedVersion() throws {
        let (history, tip) = sharedRepository()
        #expect(try judge(history, "refs/tags/x/2024/v3", old: nil, new: tip.id, as: "anna").isEmpty)
        #expect(try judge(history, "refs/tags/x/2024/v3", old: nil, new: tip.id, as: "nationell").isEmpty)
        let foreign = try judge(history, "refs/tags/x/2024/v3", old: nil, new: tip.id, as: "eva")
        #expect(foreign.map(\.rule) == ["access.tag"])
        #expect(foreign.first?.message.contains("x's identities (anna)") == true)
        let wrongVersion = try judge(history, "refs/tags/x/2024/v4", old: nil, new: tip.id, as: "anna")
        #expect(wrongVersion.map(\.rule) == ["tag.not-adopted"])
        #expect(wrongVersion.first?.message.contains("its status is adopted and its version 3") == true)
        #expect(
            try judge(history, "refs/tags/y/2024/v3", old: nil, new: tip.id, as: "eva").map(\.rule) == ["tag.not-adopted"])
        #expect(
            try judge(history, "refs/tags/z/2024/v1", old: nil, new: tip.id, as: "nationell").first?.message
                .contains("it has no Plans/z/2024/plan.md") == true)
    }

    @Test func unreadableRightsRefuseRatherThanAllow() throws {
        let (history, tip) = sharedRepository()
        let broken = try history.push(["Plans/workspace.yaml": "access: [unclosed\n"], on: tip)
        history.headID = broken.id
        let change = try history.push([xActivity: openActivity(progress: 60)], on: broken)
        let refused = try judge(history, old: broken.id, new: change.id, as: "anna")
        #expect(refused.first?.rule == "access.unreadable")
        #expect(refused.first?.subject == "Plans/workspace.yaml")
        #expect(refused.first?.findings.first?.location != nil)
        #expect(
            try judge(history, "refs/tags/x/2024/v3", old: nil, new: tip.id, as: "anna").map(\.rule)
                == ["access.unreadable"])
    }

    @Test func hookLinesAndApprovalTagNames() throws {
        let zero = String(repeating: "0", count: 40)
        let line = RefUpdate(hookLine: "\(zero) \(String(repeating: "a", count: 40)) refs/heads/main")
        #expect(line == RefUpdate(name: "refs/heads/main", old: nil, new: String(repeating: "a", count: 40)))
        #expect(RefUpdate(hookLine: "a b") == nil)
        #expect(RefUpdate(hookLine: "not a line") == nil)
        #expect(RefUpdate(hookLine: "\(zero) \(zero) main") == nil)
        #expect(PushGuard.approvalTag("stockholm/2026/v12")! == ("stockholm", 2026, 12))
        #expect(PushGuard.approvalTag("stockholm/26/v1") == nil)
        #expect(PushGuard.approvalTag("v1") == nil)
        #expect(PushGuard.approvalTag("stockholm/2026/vx") == nil)
    }

    @Test func accessRulesReadLeniently() throws {
        let rules = try #require(
            AccessRules(settings: settings("access:\n  admins: nationell\n  counties:\n    x: [anna, 5]\n")))
        #expect(rules.admins.isEmpty)
        #expect(rules.counties["x"]?.contains("anna") == true)
        #expect(rules.mayChange(path: "Plans/x/county.md", as: "anna"))
        #expect(!rules.mayChange(path: "Plans/workspace.yaml", as: "anna"))
        #expect(AccessRules(settings: try settings("name: T\n")) == nil)
        #expect(AccessRules(settings: try settings("access: 5\n")) == AccessRules())
    }
}
