import Foundation
import Testing

/// `x-illustrative` through the binary: the schemas check its shape, and reports mark the
/// plans, goals and activities that carry it.
@Suite("x-illustrative in validate and the reports")
struct IllustrativeCLITests {
    /// County alfa's 2026 plan (`plan` marker), goals g (long) and s (short, at risk, `goal`
    /// marker), a delayed activity (`activity` marker) and a done one without a marker.
    static func workspace(plan: String?, goal: String?, activity: String?) throws -> TestRepository {
        let repo = try TestRepository()
        func marked(_ text: String, _ marker: String?) -> String {
            guard let marker else { return text }
            return text.replacingOccurrences(of: "\n---\n", with: "\nx-illustrative: \(marker)\n---\n")
        }
        for (path, text) in PlanFixture.countyFiles("alfa", code: "01") {
            switch path {
            case "Plans/alfa/2026/plan.md": try repo.stage(path, marked(text, plan))
            case "Plans/alfa/2026/goals/s.md":
                try repo.stage(path, marked(text.replacingOccurrences(of: "not-assessed", with: "at-risk"), goal))
            default: try repo.stage(path, text)
            }
        }
        try repo.stage(
            "Plans/alfa/2026/activities/a-p1.md",
            marked(
                PlanFixture.activity(id: "a-p1", title: "Påhittad utbildning", status: "delayed", progress: 10)
                    .replacingOccurrences(of: "progress: 10\n", with: "progress: 10\nstart: 2026-02-01\ndue: 2026-12-15\n"),
                activity))
        try repo.stage(
            "Plans/alfa/2026/activities/a-p2.md",
            PlanFixture.activity(id: "a-p2", title: "Verklig utbildning", status: "done", progress: 100)
                .replacingOccurrences(of: "progress: 100\n", with: "completed: 2026-03-01\nprogress: 100\n"))
        try repo.commit("alfa 2026", time: 1_772_000_000)
        return repo
    }

    static let statusReport = ["report", "--year", "2026", "--as-of", "2026-06-01"]
    static let followUp = ["report", "--kind", "redovisning", "--year", "2026", "--as-of", "2026-06-01"]

    @Test func markedDocumentsValidateCleanly() throws {
        let repo = try Self.workspace(plan: "[adopted, steering_group]", goal: "[assessment, body]", activity: "true")
        let result = try CLI.run(["validate", "--as-of", "2026-06-01"], in: repo.url)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("illustrative"), "\(result.stdout)")
    }

    @Test func aWrongShapeIsNamedWhereItStands() throws {
        let repo = try Self.workspace(plan: "[ownr]", goal: "\"ja\"", activity: "[status, status]")
        try repo.stage("Plans/alfa/county.md", "---\nkind: county\nid: alfa\nname: alfa län\ncode: \"01\"\nx-illustrative: []\n---\n")
        try repo.commit("wrong markers")
        let result = try CLI.run(["validate", "--as-of", "2026-06-01"], in: repo.url)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        func finding(_ prefix: String) -> String? { lines.first { $0.hasPrefix(prefix) } }
        // The unknown field name at its item, with the names allowed.
        #expect(
            finding("Plans/alfa/2026/plan.md:13:18: error: [schema.enum] x-illustrative[0]:")?.contains("steering_group") == true,
            "\(lines)")
        #expect(finding("Plans/alfa/2026/goals/s.md:10:17: error: [schema.type] x-illustrative:") != nil, "\(lines)")
        #expect(finding("Plans/alfa/2026/activities/a-p1.md:13:17: error: [schema.uniqueItems] x-illustrative") != nil, "\(lines)")
        #expect(finding("Plans/alfa/county.md:6:17: error: [schema.minItems] x-illustrative") != nil, "\(lines)")
    }

    @Test func theStatusReportMarksPlansGoalsAndActivities() throws {
        let repo = try Self.workspace(plan: "[adopted]", goal: "true", activity: "[status, progress]")
        let html = try CLI.run(Self.statusReport + ["--format", "html", "--lang", "sv"], in: repo.url)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("<p class=\"legend illustrative-legend\">"))
        // The plan in the counties table, the delayed activity and the goal at risk.
        #expect(html.stdout.contains("<span class=\"illustrative\" title=\"Påhittat: adopted\">Delvis exempeldata</span>"))
        #expect(
            html.stdout.contains(
                "Påhittad utbildning <span class=\"illustrative\" title=\"Påhittat: status, progress\">Delvis exempeldata</span>"))
        #expect(html.stdout.contains("S <span class=\"illustrative\" title=\"Hela dokumentet är påhittat\">Exempeldata</span>"))

        let md = try CLI.run(Self.statusReport + ["--format", "markdown", "--lang", "en"], in: repo.url)
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.contains("Handlingsplan 2026 (adopted) _(Partly illustrative)_"), "\(md.stdout)")
        #expect(md.stdout.contains("Påhittad utbildning (`alfa/2026/a-p1`) _(Partly illustrative)_"), "\(md.stdout)")
        #expect(md.stdout.contains("S (`alfa/2026/s`) _(Illustrative)_"), "\(md.stdout)")
        #expect(md.stdout.contains("_(Illustrative)_ made up to show the tool"), "\(md.stdout)")
    }

    @Test func theFollowUpMarksPlansGoalsAndActivities() throws {
        let repo = try Self.workspace(plan: "true", goal: "[assessment]", activity: "true")
        let html = try CLI.run(Self.followUp + ["--format", "html"], in: repo.url)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("alfa län: Handlingsplan 2026 <span class=\"illustrative\""), "\(html.stdout)")
        #expect(html.stdout.contains("<code>s</code> <span class=\"illustrative\" title=\"Påhittat: assessment\">"))
        #expect(html.stdout.contains("<code>a-p1</code> <span class=\"illustrative\" title=\"Hela dokumentet är påhittat\">"))
        // The unmarked activity has no mark.
        #expect(html.stdout.contains("<code>a-p2</code><small"), "\(html.stdout)")

        let md = try CLI.run(Self.followUp + ["--format", "markdown"], in: repo.url)
        #expect(md.stdout.contains("### alfa län: Handlingsplan 2026 _(Exempeldata)_"), "\(md.stdout)")
        #expect(md.stdout.contains("- **Påhittad utbildning** (`a-p1`) _(Exempeldata)_:"), "\(md.stdout)")
        #expect(md.stdout.contains("- **Verklig utbildning** (`a-p2`):"), "\(md.stdout)")
    }

    @Test func aReportWithoutMarkedItemsHasNoMarkAndNoLegend() throws {
        let repo = try Self.workspace(plan: nil, goal: nil, activity: nil)
        for arguments in [Self.statusReport, Self.followUp] {
            let html = try CLI.run(arguments + ["--format", "html"], in: repo.url)
            #expect(html.status == 0, "\(html.stderr)")
            #expect(!html.stdout.contains("<span class=\"illustrative\""))
            #expect(!html.stdout.contains("illustrative-legend"))
            let md = try CLI.run(arguments + ["--format", "markdown"], in: repo.url)
            #expect(!md.stdout.contains("Exempeldata"), "\(md.stdout)")
        }
    }
}
