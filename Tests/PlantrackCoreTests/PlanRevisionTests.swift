import Testing

@testable import PlantrackCore

@Suite("Plan revision")
struct PlanRevisionTests {
    let snapshot = MemorySnapshot(files: [
        "Plans/x/2024/plan.md": """
        ---
        kind: plan
        county: x
        year: 2024
        title: Handlingsplan 2024   # årtalet följer med
        version: 3
        status: adopted
        adopted:
          date: 2024-02-01
          by: Styrgruppen
        period:
          start: 2024-01-01
          end: 2024-12-31
        revises: x/2023
        areas:
          - id: a
            title: A
        ---
        Text om 2024.

        """,
        "Plans/x/2024/goals/g.md": "---\nkind: goal\nid: g\ntitle: G\nterm: long\narea: a\n---\n",
        "Plans/x/2024/goals/m.md": """
        ---
        kind: goal
        id: m
        title: Mål med mätningar
        term: short
        area: a
        serves:
          - g
        assessment: achieved   # bedömt i januari
        indicators:
          - id: kommuner
            title: Antal kommuner
            baseline:
              value: 2
              date: 2024-01-01
            target:
              value: 10
              date: 2024-12-31
            measurements:
              - date: 2024-11-30
                value: 10
          - id: utan-datum
            title: Mål utan datum
            target:
              value: 5
        ---
        Målet.

        """,
        "Plans/x/2024/activities/loepande.md": """
        ---
        kind: activity
        id: loepande
        title: Nätverk för samordnare
        area: a
        priority: ongoing
        goals:
          - m
        status: done
        owner: Kansliet
        partners:
          - Kommunerna
        start: 2024-01-15
        due: 2024-12-15
        completed: 2024-12-01
        progress: 100
        budget_sek: 50000
        spent_sek: 48000
        tasks:
          - title: Fyra träffar
            done: true
          - title: Årsrapport
            done: false
        followups:
          - date: 2024-06-30
            note: Två träffar hållna.
            by: Kansliet
        carried_from: x/2023/loepande
        ---
        Löpande arbete, år efter år.

        """,
        "Plans/x/2024/activities/slut.md":
            "---\nkind: activity\nid: slut\npriority: ongoing\nstatus: cancelled\ncancelled_reason: r\n---\n",
        "Plans/x/2024/activities/open.md":
            "---\nkind: activity\nid: open\nstatus: delayed\nstart: 2024-02-29\ndue: 2024-02-29 # skjuts\n---\n",
        "Plans/x/2024/activities/late.md":
            "---\nkind: activity\nid: late\nstatus: planned\nstart: 2025-09-01\ndue: 2024-03-01\ncarried_from: x/2023/late\n---\n",
        "Plans/x/2024/activities/next.md": "---\nkind: activity\nid: next\nstatus: in-progress\nstart: 2024-05-01\ndue: 2025-06-30\n---\n",
        "Plans/x/2024/activities/done.md": "---\nkind: activity\nid: done\nstatus: done\ncompleted: 2024-05-01\n---\n",
        "Plans/x/2024/activities/stopped.md": "---\nkind: activity\nid: stopped\nstatus: cancelled\ncancelled_reason: r\n---\n",
    ])

    @Test func revisesPlanGoalsAndOpenActivities() throws {
        let revision = try PlanRevision.make(
            from: ItemReference("x/2024")!, to: 2025,
            workspace: try Workspace.read(from: snapshot), snapshot: snapshot)
        func text(_ path: String) -> String? { revision.files[path].map { String(decoding: $0, as: UTF8.self) } }
        #expect(
            text("Plans/x/2025/plan.md") == """
                ---
                kind: plan
                county: x
                year: 2025
                title: Handlingsplan 2025   # årtalet följer med
                version: 4
                status: draft
                period:
                  start: 2025-01-01
                  end: 2025-12-31
                revises: x/2024
                areas:
                  - id: a
                    title: A
                ---
                Text om 2024.

                """)
        // A goal without an assessment gets one, explicitly.
        #expect(
            text("Plans/x/2025/goals/g.md")
                == "---\nkind: goal\nid: g\ntitle: G\nterm: long\narea: a\nassessment: not-assessed\n---\n")
        // 29 February moves to 28 February; the start to the new period's first day; delayed
        // work goes on as in-progress.
        #expect(
            text("Plans/x/2025/activities/open.md")
                == "---\nkind: activity\nid: open\nstatus: in-progress\nstart: 2025-01-01\ndue: 2025-02-28 # skjuts\ncarried_from: x/2024/open\n---\n"
        )
        // A due that would fall before the start goes to the period's end; carried_from is replaced.
        #expect(
            text("Plans/x/2025/activities/late.md")
                == "---\nkind: activity\nid: late\nstatus: planned\nstart: 2025-09-01\ndue: 2025-12-31\ncarried_from: x/2024/late\n---\n")
        // Dates already in the new year stay, and so does in-progress.
        #expect(
            text("Plans/x/2025/activities/next.md")
                == "---\nkind: activity\nid: next\nstatus: in-progress\nstart: 2025-01-01\ndue: 2025-06-30\ncarried_from: x/2024/next\n---\n"
        )
        #expect(revision.files["Plans/x/2025/activities/done.md"] == nil)
        #expect(revision.files["Plans/x/2025/activities/stopped.md"] == nil)
        #expect(revision.files["Plans/x/2025/activities/slut.md"] == nil)
        #expect(
            revision.leftBehind == [
                .init(id: "done", reason: .done(completed: "2024-05-01")),
                .init(id: "slut", reason: .cancelled),
                .init(id: "stopped", reason: .cancelled),
            ])
        #expect(revision.carried.map(\.id) == ["late", "loepande", "next", "open"])
        #expect(revision.carried.map(\.reason) == [.open("planned"), .ongoing, .open("in-progress"), .open("delayed")])
        #expect(revision.version == 4)
        #expect(revision.goals == ["g", "m"])
    }

    /// The new year starts with nothing achieved: the goal's assessment is reset and its
    /// series kept; the ongoing activity, done last year, starts afresh with its
    /// description, tasks, partners and body.
    @Test func theNewYearStartsWithNothingAchieved() throws {
        let revision = try PlanRevision.make(
            from: ItemReference("x/2024")!, to: 2025,
            workspace: try Workspace.read(from: snapshot), snapshot: snapshot)
        func text(_ path: String) -> String? { revision.files[path].map { String(decoding: $0, as: UTF8.self) } }
        let oldGoal = try #require(
            try? String(decoding: snapshot.contents(of: SnapshotEntry(path: "Plans/x/2024/goals/m.md", kind: .file)), as: UTF8.self))
        #expect(
            text("Plans/x/2025/goals/m.md")
                == oldGoal.replacingOccurrences(of: "assessment: achieved ", with: "assessment: not-assessed "))
        #expect(revision.assessmentsReset.map(\.id) == ["m"] && revision.assessmentsReset.map(\.was) == ["achieved"])
        // The target with a date before 2025 is named; the one without a date is not judged.
        #expect(revision.targetsBeforePeriod.map(\.indicator) == ["m/kommuner"])
        #expect(revision.targetsBeforePeriod.map(\.date) == ["2024-12-31"])

        // Last year's text with only the lines the new year resets changed: described, owned,
        // with its partners, tasks and body as before.
        let oldActivity = try #require(
            try? String(
                decoding: snapshot.contents(of: SnapshotEntry(path: "Plans/x/2024/activities/loepande.md", kind: .file)),
                as: UTF8.self))
        let changes = try #require(text("Plans/x/2025/activities/loepande.md")).split(separator: "\n", omittingEmptySubsequences: false)
            .difference(from: oldActivity.split(separator: "\n", omittingEmptySubsequences: false))
        #expect(
            lines(changes.removals).map { "- " + $0 } == [
                "- status: done", "- start: 2024-01-15", "- due: 2024-12-15", "- completed: 2024-12-01", "- progress: 100",
                "- spent_sek: 48000", "-     done: true", "- followups:", "-   - date: 2024-06-30", "-     note: Två träffar hållna.",
                "-     by: Kansliet", "- carried_from: x/2023/loepande",
            ])
        #expect(
            lines(changes.insertions).map { "+ " + $0 } == [
                "+ status: planned", "+ start: 2025-01-01", "+ due: 2025-12-15", "+ progress: 0", "+ spent_sek: 0",
                "+     done: false", "+ carried_from: x/2024/loepande",
            ])
        let carried = try #require(revision.carried.first { $0.id == "loepande" })
        #expect(
            carried.resets == [
                "status done → planned", "completed removed", "progress 100 → 0",
                "spent_sek 48000 → 0", "1 task not done", "1 follow-up removed",
            ])
        #expect(carried.dates == ["start 2024-01-15 → 2025-01-01", "due 2024-12-15 → 2025-12-15"])
        // Last year's files are not among those written.
        #expect(revision.files.keys.allSatisfy { $0.hasPrefix("Plans/x/2025/") })
    }

    @Test func carryAndLeaveOverrideTheDefaults() throws {
        let revision = try PlanRevision.make(
            from: ItemReference("x/2024")!, to: 2025, workspace: try Workspace.read(from: snapshot), snapshot: snapshot,
            choices: .init(carry: ["x/2024/stopped", "done"], leave: ["loepande", "open"]))
        #expect(revision.carried.map(\.id) == ["done", "late", "next", "stopped"])
        #expect(revision.carried.first { $0.id == "stopped" }?.reason == .chosen)
        #expect(revision.carried.first { $0.id == "done" }?.reason == .chosen)
        #expect(revision.leftBehind.map(\.id) == ["loepande", "open", "slut"])
        #expect(revision.leftBehind.first?.reason == .chosen("done"))
        #expect(revision.leftBehind.first?.reason.description == "--leave, done")
        // A cancelled activity carried on request comes without its reason, as planned.
        let stopped = String(decoding: revision.files["Plans/x/2025/activities/stopped.md"] ?? [], as: UTF8.self)
        #expect(stopped == "---\nkind: activity\nid: stopped\nstatus: planned\ncarried_from: x/2024/stopped\n---\n")
        #expect(revision.files["Plans/x/2025/activities/loepande.md"] == nil)
    }

    @Test func carryAndLeaveNameActivitiesOfThePlanOnce() throws {
        func error(_ choices: PlanRevision.ActivityChoices) -> String {
            do {
                _ = try PlanRevision.make(
                    from: ItemReference("x/2024")!, to: 2025, workspace: try Workspace.read(from: snapshot),
                    snapshot: snapshot, choices: choices)
                return ""
            } catch let error as PlanRevision.ChoiceError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(
            error(.init(carry: ["lopande"]))
                == "--carry lopande: x/2024 has no activity lopande; nearest: x/2024/loepande, x/2024/done, x/2024/late")
        #expect(error(.init(leave: ["m"])) == "--leave m: x/2024/m is a goal (goals are always copied)")
        #expect(error(.init(carry: ["done"], leave: ["x/2024/done"])) == "done is named by both --carry and --leave; name it once")
    }

    @Test func refusesAnEarlierYear() {
        #expect(throws: FrontMatterEditError.self) {
            try PlanRevision.make(
                from: ItemReference("x/2024")!, to: 2024, workspace: try Workspace.read(from: snapshot),
                snapshot: snapshot)
        }
    }
}

/// The lines of these changes, in their order.
private func lines(_ changes: [CollectionDifference<Substring>.Change]) -> [String] {
    changes.map { change in
        switch change {
        case .insert(_, let line, _), .remove(_, let line, _): String(line)
        }
    }
}
