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
        "Plans/x/2024/activities/open.md": "---\nkind: activity\nid: open\nstatus: delayed\nstart: 2024-02-29\ndue: 2024-02-29 # skjuts\n---\n",
        "Plans/x/2024/activities/late.md": "---\nkind: activity\nid: late\nstatus: planned\nstart: 2025-09-01\ndue: 2024-03-01\ncarried_from: x/2023/late\n---\n",
        "Plans/x/2024/activities/next.md": "---\nkind: activity\nid: next\nstatus: in-progress\nstart: 2024-05-01\ndue: 2025-06-30\n---\n",
        "Plans/x/2024/activities/done.md": "---\nkind: activity\nid: done\nstatus: done\ncompleted: 2024-05-01\n---\n",
        "Plans/x/2024/activities/stopped.md": "---\nkind: activity\nid: stopped\nstatus: cancelled\ncancelled_reason: r\n---\n",
    ])

    @Test func revisesPlanGoalsAndOpenActivities() throws {
        let revision = try PlanRevision.make(from: ItemReference("x/2024")!, to: 2025,
                                             workspace: Workspace.read(from: snapshot), snapshot: snapshot)
        func text(_ path: String) -> String? { revision.files[path].map { String(decoding: $0, as: UTF8.self) } }
        #expect(text("Plans/x/2025/plan.md") == """
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
        #expect(text("Plans/x/2025/goals/g.md") == "---\nkind: goal\nid: g\ntitle: G\nterm: long\narea: a\n---\n")
        // 29 February moves to 28 February; the start to the new period's first day.
        #expect(text("Plans/x/2025/activities/open.md")
            == "---\nkind: activity\nid: open\nstatus: delayed\nstart: 2025-01-01\ndue: 2025-02-28 # skjuts\ncarried_from: x/2024/open\n---\n")
        // A due that would fall before the start goes to the period's end; carried_from is replaced.
        #expect(text("Plans/x/2025/activities/late.md")
            == "---\nkind: activity\nid: late\nstatus: planned\nstart: 2025-09-01\ndue: 2025-12-31\ncarried_from: x/2024/late\n---\n")
        // Dates already in the new year stay.
        #expect(text("Plans/x/2025/activities/next.md")?.contains("start: 2025-01-01\ndue: 2025-06-30\n") == true)
        #expect(revision.files["Plans/x/2025/activities/done.md"] == nil)
        #expect(revision.files["Plans/x/2025/activities/stopped.md"] == nil)
        #expect(revision.leftBehind.map(\.id) == ["done", "stopped"])
        #expect(revision.carried.map(\.id) == ["late", "next", "open"])
        #expect(revision.version == 4)
    }

    @Test func refusesAnEarlierYear() {
        #expect(throws: FrontMatterEditError.self) {
            try PlanRevision.make(from: ItemReference("x/2024")!, to: 2024, workspace: Workspace.read(from: snapshot),
                                  snapshot: snapshot)
        }
    }
}
