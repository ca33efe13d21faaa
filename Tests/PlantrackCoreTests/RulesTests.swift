import Testing

@testable import PlantrackCore

/// The as-of day of the fault fixture: mid-year, so some 2026 dates are past and some ahead.
private let fixtureDay = CalendarDate(year: 2026, month: 6, day: 30) ?? CalendarDate(daysSinceEpoch: 0)

/// Runs the rules over a marked workspace with the overrides of its own workspace.yaml.
private func run(_ marked: MarkedWorkspace, asOf: CalendarDate = fixtureDay) -> [Finding] {
    // Files in memory: reading throws only for a corrupted git object, which they cannot be.
    let workspace: Workspace
    do {
        workspace = try marked.read()
    } catch {
        Issue.record(error)
        return []
    }
    let settings = workspace.documents.first { $0.kind == .workspace }
    return PlanRules.check(workspace.documents, options: RuleOptions(asOf: asOf, settings: settings))
}

/// The as-of day of the follow-up fixture: between the plan year 2025's end and the first
/// due date, when `followup.incomplete` speaks.
private let followUpDay = CalendarDate(year: 2026, month: 1, day: 20) ?? CalendarDate(daysSinceEpoch: 0)

private func date(_ text: String) throws -> CalendarDate {
    try #require(CalendarDate(text))
}

@Suite("Rules: seeded faults")
struct RulesFaultTests {
    @Test func findingsStandExactlyWhereTheMarkersAre() throws {
        let marked = try MarkedWorkspace(fixture: "faults")
        let workspace = try marked.read()
        #expect(workspace.findings.isEmpty, "the fixture must read cleanly: \(workspace.findings)")
        let findings = run(marked)
        let actual = findings.map(MarkedWorkspace.Expectation.init)
        #expect(actual.count == Set(actual).count, "a finding is reported twice")
        let missing = marked.expected.subtracting(actual).sorted { $0.description < $1.description }
        let extra = Set(actual).subtracting(marked.expected).sorted { $0.description < $1.description }
        #expect(missing.isEmpty, "expected but not found:\n\(missing.map(\.description).joined(separator: "\n"))")
        #expect(extra.isEmpty, "found but not marked:\n\(extra.map(\.description).joined(separator: "\n"))")
    }

    /// The follow-up rules need a day in January–March after a plan year; the fault
    /// fixture's day is mid-year, so they have a fixture of their own.
    @Test func followUpFindingsStandExactlyWhereTheMarkersAre() throws {
        let marked = try MarkedWorkspace(fixture: "followup")
        #expect(try marked.read().findings.isEmpty)
        let actual = Set(run(marked, asOf: followUpDay).map(MarkedWorkspace.Expectation.init))
        #expect(actual == marked.expected)
        // After 31 March the follow-up is history: only the reference error stays.
        let later = run(marked, asOf: try date("2026-04-01")).map(\.rule)
        #expect(later == ["ref.followup-indicator"])
    }

    @Test func everyRuleHasASeededFault() throws {
        let marked = try MarkedWorkspace(fixture: "faults")
        let followUp = try MarkedWorkspace(fixture: "followup")
        let seeded = Set(marked.expected.map(\.rule)).union(followUp.expected.map(\.rule))
        let rules = Set(PlanRules.all.map(\.id))
        #expect(rules.subtracting(seeded).isEmpty, "rules without a fault: \(rules.subtracting(seeded).sorted())")
        #expect(seeded.subtracting(rules).isEmpty, "markers naming no rule: \(seeded.subtracting(rules).sorted())")
    }

    @Test func findingsCarryTheRulesDefaultSeverity() throws {
        for finding in run(try MarkedWorkspace(fixture: "faults")) {
            #expect(finding.severity == PlanRules.descriptor(for: finding.rule)?.severity, "\(finding)")
        }
    }

    @Test func ruleIDsAreUniqueAndWellFormed() {
        let ids = PlanRules.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.split(separator: ".").count == 2 && id == id.lowercased(), "\(id)")
        }
    }

    @Test func messagesNameWhatIsWrong() throws {
        let findings = run(try MarkedWorkspace(fixture: "faults"))
        func message(_ rule: String, _ path: String) -> String {
            findings.first { $0.rule == rule && $0.path.hasSuffix(path) }?.message ?? ""
        }
        #expect(
            message("budget.stream-over-funding", "alfa/2026/plan.md")
                .contains("1 100 000 kr > 1 000 000 kr"))
        #expect(message("budget.overspent", "a-p9.md").contains("spent 150 000 kr > budget 100 000 kr"))
        #expect(message("budget.stream-unknown", "a-p11.md").contains("did you mean \"Stärkt samverkan\"?"))
        #expect(message("settings.unknown-rule", "workspace.yaml").contains("did you mean \"dates.overdue\"?"))
        let open = message("revise.open-not-carried", "alfa/2026/plan.md")
        #expect(open.contains("a-p3"))
        #expect(!open.contains("a-p2") && !open.contains("a-p4") && !open.contains("a-p5"), "\(open)")
        #expect(message("ref.goal-missing", "a-p14.md").isEmpty == false)
        #expect(findings.contains { $0.rule == "ref.goal-missing" && $0.message.contains("a-p1 is an activity") })
        #expect(message("dates.overdue", "a-p15.md").contains("91 days before 2026-06-30"))
        #expect(
            message("dates.target-before-period", "a-st-1.md")
                .contains("indicator kommuner is dated 2025-12-31, before the plan's period 2026-01-01 – 2026-12-31; set a new target"))
        #expect(message("status.done-progress", "a-p19.md").contains("done but its progress is 30; set progress: 100"))
        let planned = findings.filter { $0.rule == "status.planned-with-progress" }.map(\.message)
        #expect(planned.contains { $0.contains("planned (not started) but its progress is 20") })
        #expect(planned.contains { $0.contains("planned (not started) but 5 000 kr is spent") })
        // a-st-1 serves a-lt-1 and is named as the goal to use instead.
        #expect(
            message("goal.activity-long-term-goal", "a-p21.md")
                .contains("a-lt-1 is a long-term goal; an activity contributes to short-term goals"))
        #expect(message("goal.activity-long-term-goal", "a-p21.md").contains("a-st-1"))
    }
}

@Suite("Rules: clean plans, overrides, dates")
struct RulesBehaviourTests {
    @Test func cleanWorkspaceHasNoFindings() throws {
        let findings = run(try MarkedWorkspace(fixture: "clean"), asOf: try date("2026-11-23"))
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    }

    @Test func offRemovesAndErrorUpgrades() throws {
        let workspace = try MarkedWorkspace(fixture: "faults").read()
        let plain = PlanRules.check(workspace.documents, options: RuleOptions(asOf: fixtureDay))
        let overridden = PlanRules.check(
            workspace.documents,
            options: RuleOptions(
                asOf: fixtureDay,
                severityOverrides: ["dates.overdue": .off, "goal.activity-without-goal": .error, "budget.overspent": .warning]))
        #expect(plain.contains { $0.rule == "dates.overdue" })
        #expect(!overridden.contains { $0.rule == "dates.overdue" })
        let upgraded = overridden.filter { $0.rule == "goal.activity-without-goal" }
        #expect(upgraded.count == 2 && upgraded.allSatisfy { $0.severity == .error })
        let downgraded = overridden.filter { $0.rule == "budget.overspent" }
        #expect(downgraded.count == 1 && downgraded.allSatisfy { $0.severity == .warning })
        #expect(plain.count == overridden.count + 1)
    }

    @Test func overridesAreReadFromWorkspaceSettings() throws {
        var files = Self.overduePlan(status: "adopted")
        files["Plans/workspace.yaml"] = "rules:\n  dates.overdue: error\n  budget.overspent: off\n  bogus: fatal\n"
        let workspace = try MarkedWorkspace(files: files).read()
        let settings = workspace.documents.first { $0.kind == .workspace }
        let options = RuleOptions(asOf: fixtureDay, settings: settings)
        #expect(options.severityOverrides == ["dates.overdue": .error, "budget.overspent": .off])
        let findings = PlanRules.check(workspace.documents, options: options)
        // "bogus: fatal" has a value the schema rejects; it is not judged as a rule id here.
        #expect(findings.map(\.rule) == ["dates.overdue"])
        #expect(findings.first?.severity == .error)
    }

    @Test func overridesApplyToOtherFindings() throws {
        let options = RuleOptions(asOf: fixtureDay, severityOverrides: ["yaml.tag": .off, "layout.misplaced": .error])
        let findings = [
            Finding(.error, rule: "yaml.tag", path: "a", message: "x"),
            Finding(.warning, rule: "layout.misplaced", path: "b", message: "y"),
            Finding(.error, rule: "schema.type", path: "c", message: "z"),
        ]
        let result = options.applyingOverrides(to: findings)
        #expect(result.map(\.rule) == ["layout.misplaced", "schema.type"])
        #expect(result.map(\.severity) == [.error, .error])
    }

    @Test func unknownRuleIDsOtherTargetsKnowAreAccepted() throws {
        var files = Self.overduePlan(status: "adopted")
        files["Plans/workspace.yaml"] = "rules:\n  ⟦settings.unknown-rule /rules/dates.overdu⟧dates.overdu: off\n  yaml.tag: off\n"
        let marked = MarkedWorkspace(files: files)
        let workspace = try marked.read()
        let settings = workspace.documents.first { $0.kind == .workspace }
        let findings = PlanRules.check(
            workspace.documents, options: RuleOptions(asOf: try date("2026-01-01"), settings: settings, otherRuleIDs: ["yaml.tag"]))
        #expect(Set(findings.map(MarkedWorkspace.Expectation.init)) == marked.expected)
        #expect(findings.first?.message.contains("did you mean \"dates.overdue\"?") == true)
        #expect(findings.first?.path == "Plans/workspace.yaml")
    }

    @Test(arguments: [("2026-03-31", false), ("2026-04-01", true), ("2027-01-01", true), ("2025-12-31", false)])
    func asOfDecidesWhatIsOverdue(day: String, overdue: Bool) throws {
        let workspace = try MarkedWorkspace(files: Self.overduePlan(status: "adopted")).read()
        let findings = PlanRules.check(workspace.documents, options: RuleOptions(asOf: try date(day)))
        #expect(findings.contains { $0.rule == "dates.overdue" } == overdue, "\(findings)")
    }

    @Test func closedPlansAreNotOverdue() throws {
        let asOf = try date("2027-06-01")
        let adopted = try MarkedWorkspace(files: Self.overduePlan(status: "adopted")).read()
        let closed = try MarkedWorkspace(files: Self.overduePlan(status: "closed")).read()
        #expect(PlanRules.check(adopted.documents, options: RuleOptions(asOf: asOf)).map(\.rule) == ["dates.overdue"])
        #expect(PlanRules.check(closed.documents, options: RuleOptions(asOf: asOf)).isEmpty)
    }

    @Test func kronorAreGroupedInThousands() {
        #expect(RuleText.kronor(6_500_000) == "6 500 000 kr")
        #expect(RuleText.kronor(950) == "950 kr")
        #expect(RuleText.kronor(1000) == "1 000 kr")
        #expect(RuleText.kronor(-12_345) == "-12 345 kr")
        #expect(RuleText.kronor(0) == "0 kr")
    }

    @Test func suggestions() {
        let ids = PlanRules.all.map(\.id)
        #expect(Suggestion.closest(to: "dates.overdu", among: ids) == "dates.overdue")
        #expect(Suggestion.closest(to: "activity.overdue", among: ids) == "dates.overdue")
        #expect(Suggestion.closest(to: "zzzz", among: ids) == nil)
    }

    /// One plan with one activity due 2026-03-31 and still in progress.
    static func overduePlan(status: String) -> [String: String] {
        [
            "Plans/o/2026/plan.md": """
            ---
            kind: plan
            county: o
            year: 2026
            title: O
            version: 1
            status: \(status)
            adopted: {date: 2026-01-20, by: Styrgruppen}
            period: {start: 2026-01-01, end: 2026-12-31}
            areas: [{id: a, title: A}]
            ---
            """,
            "Plans/o/2026/goals/g-lt.md": "---\nkind: goal\nid: g-lt\ntitle: L\nterm: long\narea: a\n---\n",
            "Plans/o/2026/goals/g-st.md":
                "---\nkind: goal\nid: g-st\ntitle: S\nterm: short\narea: a\nserves: [g-lt]\n"
                + "indicators: [{id: i, title: I, unit: count, baseline: {value: 0, date: 2026-01-01}, "
                + "target: {value: 1, date: 2026-12-31}}]\n---\n",
            "Plans/o/2026/activities/p1.md": """
            ---
            kind: activity
            id: p1
            title: P
            area: a
            priority: prioritized
            goals: [g-st]
            status: in-progress
            due: 2026-03-31
            ---
            """,
        ]
    }
}

@Suite("Rules: documents the schemas reject")
struct RulesInvalidDocumentTests {
    /// Fields of the wrong type are the schemas' findings: the rules skip them silently and
    /// still judge what they can. The markers are the only findings expected.
    @Test func wrongTypesAreSkippedWithoutCrashing() throws {
        let marked = MarkedWorkspace(files: [
            "Plans/workspace.yaml": "rules: [1, 2]\n",
            "Plans/x/county.md": "---\nkind: 7\nid: [x]\n---\n",
            "Plans/x/2026/plan.md": """
            ---
            kind: plan
            county: 12
            year: "2026"
            status: 42
            period: "all year"
            revises: 2025
            areas: 5
            funding: "a lot"
            ---
            """,
            "Plans/x/2026/goals/g.md": """
            ---
            kind: goal
            id: 3
            term: [long]
            area: {a: 1}
            serves: "g2"
            indicators: [1, ⟦indicator.incomplete /indicators/1⟧{measurements: "x"}, ⟦indicator.incomplete /indicators/2⟧{measurements: [7, {date: 2026-02-30}, {date: 99}]}]
            carried_from: x/2026
            ---
            """,
            "Plans/x/2026/goals/h.md": """
            ---
            kind: goal
            id: h
            term: ⟦goal.unmeasured /term⟧short
            area: q
            serves: [1, null, {a: b}]
            ---
            """,
            "Plans/x/2026/activities/a.md": """
            ---
            kind: activity
            status: 42
            goals: "x"
            start: 2026-13-01
            due: 2026-01-01
            completed: yes
            budget_sek: "100"
            spent_sek: 1e9
            funding_stream: [s]
            followups: [3, {date: [1]}]
            carried_from: 2025
            tasks: {a: 1}
            ---
            """,
            "Plans/x/2026/activities/b.md": """
            ---
            ⟦status.completed-missing /completed⟧kind: activity
            status: done
            completed:
            goals: [h, 5, ⟦ref.goal-missing /goals/2⟧nope]
            budget_sek: 9223372036854775807
            spent_sek: 9223372036854775807
            ---
            """,
            // An empty front matter still says, by its place, that it is an activity.
            "Plans/x/2026/activities/c.md": "---\n⟦goal.activity-without-goal /goals⟧---\n",
            "Plans/y/2026/activities/d.md":
                "---\nkind: activity\nid: d\nstatus: in-progress\ngoals: [⟦ref.goal-missing /goals/0⟧g]\ndue: ⟦dates.overdue /due⟧2026-01-01\n---\n",
        ])
        let workspace = try marked.read()
        #expect(workspace.findings.isEmpty, "\(workspace.findings)")
        let settings = workspace.documents.first { $0.kind == .workspace }
        let findings = PlanRules.check(workspace.documents, options: RuleOptions(asOf: fixtureDay, settings: settings))
        let actual = Set(findings.map(MarkedWorkspace.Expectation.init))
        #expect(
            actual == marked.expected,
            "missing \(marked.expected.subtracting(actual)), extra \(actual.subtracting(marked.expected))")
    }

    @Test func noDocumentsNoFindings() {
        #expect(PlanRules.check([], options: RuleOptions(asOf: fixtureDay)).isEmpty)
    }
}

@Suite("Rules: the bundled example workspace")
struct RulesBundledPlansTests {
    @Test func bundledPlansPassTheRules() throws {
        let workspace = try Workspace.read(from: DirectorySnapshot(root: RulesFixtures.packageRoot))
        #expect(!workspace.documents.isEmpty)
        let settings = workspace.documents.first { $0.kind == .workspace }
        let findings = PlanRules.check(
            workspace.documents, options: RuleOptions(asOf: try date("2026-11-23"), settings: settings))
        // Only the honest measurable-goal warnings (docs/rules.md): four short-term goals of the
        // 2026 plans have no indicator yet.
        #expect(findings.allSatisfy { $0.rule == "goal.unmeasured" }, "\(findings.map(\.description).joined(separator: "\n"))")
        #expect(findings.count == 4)
    }
}

@Suite("Rules: one part per plan, on all cores")
struct RulesInPartsTests {
    /// Judging the index in parts (on all cores) must give exactly the findings, in the same
    /// order and with the same text, that judging it whole on one core gives.
    private func expectSameFindings(_ workspace: Workspace, asOf: CalendarDate) {
        let settings = workspace.documents.first { $0.kind == .workspace }
        let options = RuleOptions(asOf: asOf, settings: settings)
        let index = RuleIndex(workspace.documents, asOf: asOf)
        let whole = PlanRules.check(index, options: options, inParts: false)
        let inParts = PlanRules.check(index, options: options)
        #expect(inParts.count == whole.count)
        #expect(inParts == whole)
    }

    @Test func faultFixture() throws {
        expectSameFindings(try MarkedWorkspace(fixture: "faults").read(), asOf: fixtureDay)
    }

    @Test func bundledPlans() throws {
        let workspace = try Workspace.read(from: DirectorySnapshot(root: RulesFixtures.packageRoot))
        expectSameFindings(workspace, asOf: try date("2026-11-23"))
    }

    /// Forty copies of the fault fixture's counties beside the originals: more parts than
    /// `ParallelMap` runs on the calling thread, and copies whose `revises` and
    /// `carried_from` name the originals' plans, so references cross parts.
    @Test func manyCopiesOfTheFaultFixture() throws {
        let files = try MarkedWorkspace(fixture: "faults").snapshot.files
        var copies = files
        for copy in 0..<40 {
            for (path, bytes) in files where path != DocumentLayout.settingsPath {
                var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                parts[1] += "-\(copy)"
                copies[parts.joined(separator: "/")] = bytes
            }
        }
        let workspace = try Workspace.read(from: MemorySnapshot(bytes: copies))
        #expect(workspace.documents.count == files.count * 41 - 40)
        expectSameFindings(workspace, asOf: fixtureDay)
    }
}
