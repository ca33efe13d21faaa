import PlantrackCore
import Testing

private func activity(
    _ id: String, status: String, start: String = "2021-01-01", due: String = "2021-11-30",
    progress: Int? = nil
) throws -> Document {
    var yaml =
        "kind: activity\nid: \(id)\ntitle: Aktivitet \(id)\narea: bu\npriority: prioritized\nstatus: \(status)\n"
        + "start: \(start)\ndue: \(due)\n"
    if let progress { yaml += "progress: \(progress)\n" }
    if status == "cancelled" { yaml += "cancelled_reason: Ingen personal\n" }
    return try document("Plans/stockholm/2021/activities/\(id).md", yaml)
}

/// An indicator from 0 (2020-12-31) to 100 by 2021-12-31, measured 0 on 2021-04-14: progress
/// 0 against 104 of 365 days = 28.5 % expected — behind with any tolerance under 28.5.
private func goal(_ id: String, assessment: String, indicator: Bool) throws -> Document {
    var yaml = "kind: goal\nid: \(id)\ntitle: Mål \(id)\nterm: short\narea: bu\nassessment: \(assessment)\n"
    if indicator {
        yaml += indicatorsYAML(
            id: "i1", title: "Andel", unit: "percent", baseline: (0, "2020-12-31"), target: (100, "2021-12-31"),
            measurements: [("2021-04-14", 0)])
    }
    return try document("Plans/stockholm/2021/goals/\(id).md", yaml)
}

/// stockholm/2021 on 2021-04-15 (day 105), by hand:
/// - a1 in progress 01-01 → 11-30 at 30 %: 105 of 334 days = 31.4 % expected — behind only
///   with a tolerance under 1.4 points;
/// - a2 planned from 06-01: on schedule; c1 cancelled: not judged;
/// - o1 in progress due 04-01: overdue, 14 days late; d1 delayed: delayed;
/// - g1 on track with its indicator behind; g2 at risk; g3 achieved with the same indicator
///   (its assessment stands); g4 on track without indicators.
private func report(tolerance: Int?) throws -> SteeringReport {
    var documents = [
        try stockholmPlan(),
        try activity("a1", status: "in-progress", progress: 30),
        try activity("a2", status: "planned", start: "2021-06-01"),
        try activity("c1", status: "cancelled"),
        try activity("o1", status: "in-progress", due: "2021-04-01", progress: 50),
        try activity("d1", status: "delayed"),
        try goal("g1", assessment: "on-track", indicator: true),
        try goal("g2", assessment: "at-risk", indicator: false),
        try goal("g3", assessment: "achieved", indicator: true),
        try goal("g4", assessment: "on-track", indicator: false),
    ]
    if let tolerance {
        documents.append(try settings("name: T\ntraffic_light:\n  tolerance: \(tolerance)\n"))
    }
    let rollUp = RollUp(documents: documents, invalidPaths: [], asOf: try #require(CalendarDate("2021-04-15")))
    return SteeringReport(
        rollUp: rollUp, year: 2021, counties: [], workspaceName: nil, source: "test",
        trend: .unavailable, changes: nil)
}

@Suite("status report: what is behind, as the light judges it")
struct SteeringReportBehindTests {
    @Test("overdue first, then delayed, then behind with progress and expected share; goals by assessment and indicators")
    func listsWhatTheLightCounts() throws {
        let strict = try report(tolerance: 0)
        #expect(strict.attention.map(\.reference.description) == ["stockholm/2021/o1", "stockholm/2021/d1", "stockholm/2021/a1"])
        #expect(strict.attention.map(\.schedule) == [.overdue, .delayed, .behind])
        #expect(strict.attention[0].daysLate == 14)
        let behind = strict.attention[2]
        #expect(behind.progress == 30)
        #expect(abs((behind.expected ?? 0) - 105.0 / 334.0 * 100) < 1e-9)
        #expect(strict.attention[0].progress == nil && strict.attention[0].expected == nil)
        // The list agrees with the figures the light is judged from.
        #expect(strict.total.count(schedule: .behind) == 1 && strict.total.offSchedule == 3)

        #expect(strict.goalsAttention.map(\.reference.description) == ["stockholm/2021/g1", "stockholm/2021/g2"])
        let g1 = strict.goalsAttention[0]
        #expect(g1.indicatorsBehind.map(\.title) == ["Andel"])
        #expect(g1.indicatorsBehind.first?.progress.progress == 0)
        #expect(abs((g1.indicatorsBehind.first?.progress.expected ?? 0) - 104.0 / 365.0 * 100) < 1e-9)
        #expect(strict.goalsAttention[1].assessment == .atRisk && strict.goalsAttention[1].indicatorsBehind.isEmpty)
        #expect(strict.total.goalsBehind == 1)
    }

    @Test("the workspace's tolerance decides what is behind, in the list as in the light")
    func toleranceOfTheWorkspace() throws {
        // Default tolerance 20: a1 (30 of 31.4) keeps up; g1's indicator (0 of 28.5) is still behind.
        let standard = try report(tolerance: nil)
        #expect(standard.attention.map(\.reference.description) == ["stockholm/2021/o1", "stockholm/2021/d1"])
        #expect(standard.total.count(schedule: .behind) == 0)
        #expect(standard.goalsAttention.map(\.reference.description) == ["stockholm/2021/g1", "stockholm/2021/g2"])
        // Tolerance 30: the indicator keeps up too; g2 stays by its assessment.
        let lenient = try report(tolerance: 30)
        #expect(lenient.goalsAttention.map(\.reference.description) == ["stockholm/2021/g2"])
        #expect(lenient.total.goalsBehind == 0)
    }

    @Test("the report's words: behind with the expected share, in Swedish and English")
    func words() throws {
        let strict = try report(tolerance: 0)
        let html = ReportHTML.steering(strict, language: .sv)
        #expect(html.contains("Pågående · 30\u{00A0}% av väntade 31\u{00A0}%"), "\(html)")
        #expect(html.contains("Andel: 0\u{00A0}% av väntade 28\u{00A0}%"), "\(html)")
        let markdown = ReportMarkdown.steering(strict, language: .en)
        #expect(
            markdown.contains(
                "| Aktivitet a1 (`stockholm/2021/a1`) | stockholm | none given | 30 November 2021 "
                    + "| In progress, 30% of 31% expected |"), "\(markdown)")
        #expect(markdown.contains("| Mål g2 (`stockholm/2021/g2`) | stockholm | At risk | – |"), "\(markdown)")
    }
}
