import Foundation
import PlantrackGit

/// A small history of stockholm/2021 whose roll-up figures were worked out by hand
/// (see RollUpTests). Commits are dated 2021-01-02, -03, -04 and -05 (00:00 UTC).
struct RollUpFixture {
    let repo: TestRepository
    /// The four commits, oldest first.
    let commits: [ObjectID]

    static let county = """
        ---
        kind: county
        id: stockholm
        name: Stockholms län
        code: "01"
        ---

        """

    static let plan = """
        ---
        kind: plan
        county: stockholm
        year: 2021
        title: Handlingsplan 2021
        version: 1
        status: adopted
        adopted: {date: 2021-01-01, by: Styrgruppen}
        period: {start: 2021-01-01, end: 2021-12-31}
        areas:
          - {id: bu, title: Barn och unga}
        funding:
          - {stream: Stimulansmedel, amount_sek: 1000000}
        ---

        """

    static let longGoal = """
        ---
        kind: goal
        id: bu-lt-1
        title: Samverkan ökar
        term: long
        area: bu
        assessment: on-track
        indicators:
          - id: i1
            title: Andel kommuner med avtal
            unit: percent
            baseline: {value: 10, date: 2020-12-31}
            target: {value: 20, date: 2021-12-31}
            measurements:
              - {date: 2021-01-01, value: 15}
        ---

        """

    static let shortGoal = """
        ---
        kind: goal
        id: bu-st-1
        title: Väntetiden minskar
        term: short
        area: bu
        serves: [bu-lt-1]
        assessment: at-risk
        indicators:
          - id: i2
            title: Väntetid i dagar
            unit: days
            direction: decrease
            baseline: {value: 30, date: 2020-12-31}
            target: {value: 10, date: 2021-12-31}
            measurements:
              - {date: 2021-01-01, value: 25}
        ---

        """

    static func activity(_ id: String, status: String, due: String, budget: Int, spent: Int?, extra: String = "") -> String {
        """
        ---
        kind: activity
        id: \(id)
        title: Aktivitet \(id)
        area: bu
        priority: prioritized
        goals: [bu-st-1]
        status: \(status)
        start: 2021-01-01
        due: \(due)
        funding_stream: Stimulansmedel
        budget_sek: \(budget)
        \(spent.map { "spent_sek: \($0)\n" } ?? "")\(extra)---
        Text.

        """
    }

    static let invalidActivity = """
        ---
        kind: activity
        id: a5
        title: Aktivitet utan status
        area: bu
        priority: prioritized
        goals: [bu-st-1]
        ---

        """

    init() throws {
        let repo = try TestRepository()
        let base = "Plans/stockholm/2021"
        var commits: [ObjectID] = []
        // C1, 2021-01-02: a1 in progress, a2–a4 planned (nothing spent: status.planned-with-progress).
        try repo.stage("Plans/stockholm/county.md", Self.county)
        try repo.stage("\(base)/plan.md", Self.plan)
        try repo.stage("\(base)/goals/bu-lt-1.md", Self.longGoal)
        try repo.stage("\(base)/goals/bu-st-1.md", Self.shortGoal)
        try repo.stage(
            "\(base)/activities/a1.md", Self.activity("a1", status: "in-progress", due: "2021-03-31", budget: 100_000, spent: 90_000))
        try repo.stage("\(base)/activities/a2.md", Self.activity("a2", status: "planned", due: "2021-01-04", budget: 200_000, spent: nil))
        try repo.stage("\(base)/activities/a3.md", Self.activity("a3", status: "planned", due: "2021-06-30", budget: 300_000, spent: nil))
        try repo.stage("\(base)/activities/a4.md", Self.activity("a4", status: "planned", due: "2021-01-03", budget: 50_000, spent: nil))
        commits.append(try repo.commit("C1"))
        // C2, 2021-01-03: a1 done.
        try repo.stage(
            "\(base)/activities/a1.md",
            Self.activity(
                "a1", status: "done", due: "2021-03-31", budget: 100_000, spent: 90_000,
                extra: "completed: 2021-01-03\n"))
        commits.append(try repo.commit("C2"))
        // C3, 2021-01-04: a2 in progress, a4 cancelled.
        try repo.stage(
            "\(base)/activities/a2.md", Self.activity("a2", status: "in-progress", due: "2021-01-04", budget: 200_000, spent: 50_000))
        try repo.stage(
            "\(base)/activities/a4.md",
            Self.activity(
                "a4", status: "cancelled", due: "2021-01-03", budget: 50_000, spent: 10_000,
                extra: "cancelled_reason: Ingen personal\n"))
        commits.append(try repo.commit("C3"))
        // C4, 2021-01-05: an invalid activity (no status) is added.
        try repo.stage("\(base)/activities/a5.md", Self.invalidActivity)
        commits.append(try repo.commit("C4"))
        self.repo = repo
        self.commits = commits
    }
}
