import Foundation
import PlantrackTestSupport
import Testing

/// A small workspace for the measurable-goal and performance rules: one county with a plan
/// for 2025, and the goals each test writes.
private func workspace(goals: [String: String], settings: String? = nil) throws -> TestRepository {
    let repo = try TestRepository()
    try repo.write(
        "Plans/alfa/county.md",
        """
        ---
        kind: county
        id: alfa
        name: Alfa län
        code: "01"
        ---

        """)
    try repo.write(
        "Plans/alfa/2025/plan.md",
        """
        ---
        kind: plan
        county: alfa
        year: 2025
        title: Handlingsplan 2025
        version: 1
        status: adopted
        adopted: {date: 2025-01-15, by: Styrgruppen}
        period: {start: 2025-01-01, end: 2025-12-31}
        areas:
          - {id: bu, title: Barn och unga}
        ---

        """)
    try repo.write(
        "Plans/alfa/2025/goals/lt-1.md",
        """
        ---
        kind: goal
        id: lt-1
        title: Långsiktigt mål
        term: long
        area: bu
        ---

        """)
    for (id, text) in goals { try repo.write("Plans/alfa/2025/goals/\(id).md", text) }
    if let settings { try repo.write("Plans/workspace.yaml", settings) }
    return repo
}

/// A short-term goal `id` with these front-matter lines after `serves` (file line 8 on).
private func goal(_ id: String, _ lines: [String]) -> String {
    (["---", "kind: goal", "id: \(id)", "title: Mål \(id)", "term: short", "area: bu", "serves: [lt-1]"] + lines
        + ["---", "", "Text.", ""]).joined(separator: "\n")
}

@Suite("validate: measurable goals and performance targets (#21)")
struct MeasurableGoalsTests {
    private let path = "Plans/alfa/2025/goals"

    @Test("a short-term goal without an indicator: at its term, or at an empty list")
    func unmeasured() throws {
        let repo = try workspace(goals: ["st-1": goal("st-1", []), "st-2": goal("st-2", ["indicators: []"])])
        let result = try CLI.run(["validate", "--as-of", "2025-06-30"], in: repo.url)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout.contains(
                "\(path)/st-1.md:5:7: warning: [goal.unmeasured] the short-term goal has no indicator, so its "
                    + "progress cannot be measured; add one under indicators (id, title, unit, a baseline and a "
                    + "target with a date)"),
            "\(result.stdout)")
        #expect(result.stdout.contains("\(path)/st-2.md:8:13: warning: [goal.unmeasured]"), "\(result.stdout)")
        // The long-term goal lt-1 has none either: it is not judged.
        #expect(!result.stdout.contains("lt-1.md"), "\(result.stdout)")
        // Once each (the plan has no activities, so goal.short-term-unsupported warns too).
        #expect(result.stdout.components(separatedBy: "[goal.unmeasured]").count == 3, "\(result.stdout)")
        #expect(result.stdout.contains(": 0 errors, "), "\(result.stdout)")
    }

    @Test("an indicator without baseline, target or target date; a target after the period")
    func incompleteAndTargetAfterPeriod() throws {
        let repo = try workspace(goals: [
            "st-1": goal(
                "st-1",
                [
                    "indicators:",
                    "  - id: i1",
                    "    title: Utan baslinje",
                    "    unit: count",
                    "    target: {value: 8}",
                    "  - id: i2",
                    "    title: Efter perioden",
                    "    unit: count",
                    "    baseline: {value: 1, date: 2024-12-31}",
                    "    target:",
                    "      value: 8",
                    "      date: 2026-03-31",
                ])
        ])
        let result = try CLI.run(["validate", "--as-of", "2025-06-30"], in: repo.url)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout.contains(
                "\(path)/st-1.md:9:5: warning: [indicator.incomplete] indicator i1 lacks a baseline and a target "
                    + "date, so its progress cannot be judged; add baseline: {value, date} and target.date"),
            "\(result.stdout)")
        #expect(
            result.stdout.contains(
                "\(path)/st-1.md:19:13: warning: [dates.target-after-period] the target of indicator i2 is dated "
                    + "2026-03-31, after the plan's period 2025-01-01 – 2025-12-31"),
            "\(result.stdout)")
        #expect(result.stdout.components(separatedBy: "[indicator.incomplete]").count == 2, "\(result.stdout)")
        #expect(result.stdout.contains(": 0 errors, "), "\(result.stdout)")
    }

    private static let staleGoal = goal(
        "st-1",
        [
            "indicators:",
            "  - id: i1",
            "    title: Gammal mätning",
            "    unit: percent",
            "    baseline: {value: 10, date: 2024-01-01}",
            "    target: {value: 20, date: 2025-12-31}",
            "    measurements:",
            "      - {date: 2024-06-30, value: 11}",
            "      - date: 2024-10-31",
            "        value: 12",
        ])

    @Test("the latest measurement older than 18 months, or than indicators.stale_after_months")
    func stale() throws {
        let repo = try workspace(goals: ["st-1": Self.staleGoal])
        // 2024-10-31 + 18 months = 2026-04-30: stale the day after, not on it.
        let onTheDay = try CLI.run(["validate", "--as-of", "2026-04-30"], in: repo.url)
        #expect(!onTheDay.stdout.contains("indicator.stale"), "\(onTheDay.stdout)")
        let after = try CLI.run(["validate", "--as-of", "2026-05-01"], in: repo.url)
        #expect(
            after.stdout.contains(
                "\(path)/st-1.md:16:15: warning: [indicator.stale] the latest measurement of indicator i1 is dated "
                    + "2024-10-31, more than 18 months before 2026-05-01"),
            "\(after.stdout)")
        // The workspace allows 24 months: not stale; and as an error it fails the run.
        try repo.write("Plans/workspace.yaml", "indicators:\n  stale_after_months: 24\n")
        let longer = try CLI.run(["validate", "--as-of", "2026-05-01"], in: repo.url)
        #expect(!longer.stdout.contains("indicator.stale"), "\(longer.stdout)")
        try repo.write(
            "Plans/workspace.yaml", "indicators:\n  stale_after_months: 6\nrules:\n  indicator.stale: error\n")
        let strict = try CLI.run(["validate", "--as-of", "2025-06-30"], in: repo.url)
        #expect(strict.status == 1, "\(strict.stdout)")
        #expect(
            strict.stdout.contains(
                "\(path)/st-1.md:16:15: error: [indicator.stale] the latest measurement of indicator i1 is dated "
                    + "2024-10-31, more than 6 months before 2025-06-30"),
            "\(strict.stdout)")
        // A value the schema refuses is reported, and the default holds.
        try repo.write("Plans/workspace.yaml", "indicators:\n  stale_after_months: 0\n")
        let refused = try CLI.run(["validate", "--as-of", "2026-05-01"], in: repo.url)
        #expect(refused.stdout.contains("Plans/workspace.yaml:2:23: error: [schema.minimum]"), "\(refused.stdout)")
        #expect(refused.stdout.contains("more than 18 months before 2026-05-01"), "\(refused.stdout)")
    }

    @Test("a closed plan's indicators are not judged stale or unmeasured")
    func closedPlanIsNotChased() throws {
        let repo = try workspace(goals: ["st-1": Self.staleGoal, "st-2": goal("st-2", [])])
        let plan = try String(contentsOf: repo.url.appendingPathComponent("Plans/alfa/2025/plan.md"), encoding: .utf8)
        try repo.write("Plans/alfa/2025/plan.md", plan.replacingOccurrences(of: "status: adopted", with: "status: closed"))
        let result = try CLI.run(["validate", "--as-of", "2027-01-01"], in: repo.url)
        #expect(!result.stdout.contains("indicator.stale"), "\(result.stdout)")
        #expect(!result.stdout.contains("goal.unmeasured"), "\(result.stdout)")
    }

    @Test("a Kolada-sourced indicator whose answers are all null; one numeric Kolada value clears it")
    func noValue() throws {
        func sourced(_ measurements: [String]) -> String {
            goal(
                "st-1",
                [
                    "indicators:",
                    "  - id: bup",
                    "    title: Första bedömning inom 30 dagar",
                    "    unit: percent",
                    "    source:",
                    "      kolada:",
                    "        kpi: N74000",
                    "        municipality: \"0001\"",
                    "    baseline: {value: 70, date: 2024-12-31}",
                    "    target: {value: 90, date: 2025-12-31}",
                    "    measurements:",
                ] + measurements)
        }
        let null = [
            "      - date: 2024-12-31",
            "        value: null",
            "        source: Kolada",
            "        kolada: {period: 2024, fetched: 2025-03-01, url: \"https://api.kolada.se/v3/x\"}",
            "      - date: 2025-12-31",
            "        value: null",
            "        source: Kolada",
            "        kolada: {period: 2025, fetched: 2025-03-01, url: \"https://api.kolada.se/v3/x\"}",
        ]
        let repo = try workspace(goals: ["st-1": sourced(null)])
        let result = try CLI.run(["validate", "--as-of", "2025-06-30"], in: repo.url)
        #expect(
            result.stdout.contains(
                "\(path)/st-1.md:15:23: warning: [indicator.no-value] Kolada has no value of N74000 for municipality "
                    + "0001 (gender T) in any of the periods asked (2024, 2025), so indicator bup cannot be followed"),
            "\(result.stdout)")
        // A hand-typed value is no Kolada value: still reported.
        try repo.write(
            "\(path)/st-1.md", sourced(null + ["      - {date: 2025-03-31, value: 80, source: Egen mätning}"]))
        #expect(try CLI.run(["validate", "--as-of", "2025-06-30"], in: repo.url).stdout.contains("indicator.no-value"))
        // A value Kolada had: not reported; and switched off, nothing either.
        try repo.write(
            "\(path)/st-1.md",
            sourced(
                null + [
                    "      - date: 2023-12-31", "        value: 75", "        source: Kolada",
                    "        kolada: {period: 2023, fetched: 2025-03-01}",
                ]))
        #expect(!(try CLI.run(["validate", "--as-of", "2025-06-30"], in: repo.url).stdout.contains("indicator.no-value")))
        try repo.write("\(path)/st-1.md", sourced(null))
        try repo.write("Plans/workspace.yaml", "rules:\n  indicator.no-value: off\n")
        #expect(!(try CLI.run(["validate", "--as-of", "2025-06-30"], in: repo.url).stdout.contains("indicator.no-value")))
    }

    @Test("a performance target on an indicator the goal lacks is an error at its indicator")
    func performanceIndicatorMissing() throws {
        let repo = try workspace(goals: [
            "st-1": goal(
                "st-1",
                [
                    "indicators:",
                    "  - id: vantetid",
                    "    title: Väntetid",
                    "    unit: percent",
                    "    baseline: {value: 70, date: 2024-12-31}",
                    "    target: {value: 90, date: 2025-12-31}",
                    "performance:",
                    "  - indicator: vantetyd",
                    "    threshold: 90",
                    "    amount_sek: 1000000",
                ])
        ])
        let result = try CLI.run(["validate", "--as-of", "2025-06-30"], in: repo.url)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(
            result.stdout.contains(
                "\(path)/st-1.md:15:16: error: [ref.indicator-missing] the performance target is on vantetyd, which "
                    + "is not an indicator of the goal (did you mean \"vantetid\"?); the goal's indicators are vantetid"),
            "\(result.stdout)")
        try repo.write("Plans/workspace.yaml", "rules:\n  ref.indicator-missing: warning\n  goal.unmeasured: error\n")
        let relaxed = try CLI.run(["validate", "--as-of", "2025-06-30"], in: repo.url)
        #expect(relaxed.status == 0, "\(relaxed.stdout)")
        #expect(relaxed.stdout.contains("st-1.md:15:16: warning: [ref.indicator-missing]"), "\(relaxed.stdout)")
    }

    @Test("goal.unmeasured set to error fails the run")
    func severityOverride() throws {
        let repo = try workspace(
            goals: ["st-1": goal("st-1", [])], settings: "rules:\n  goal.unmeasured: error\n")
        let result = try CLI.run(["validate", "--as-of", "2025-06-30"], in: repo.url)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("\(path)/st-1.md:5:7: error: [goal.unmeasured]"), "\(result.stdout)")
    }
}
