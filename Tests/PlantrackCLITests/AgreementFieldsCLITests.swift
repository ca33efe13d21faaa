import Foundation
import PlantrackTestSupport
import Testing

/// The fields of issue 23 through `plantrack validate`: accepted when right, and each wrong
/// value named at its file, line and column.
@Suite("principal, target groups, analysis and stream kinds in validate")
struct AgreementFieldsCLITests {
    static func plan(analysis: String, funding: String) -> String {
        """
        ---
        kind: plan
        county: stockholm
        year: 2019
        title: Handlingsplan 2019
        version: 1
        status: draft
        period: {start: 2019-01-01, end: 2019-12-31}
        \(analysis)
        areas:
          - {id: bu, title: Barn och unga}
        funding:
        \(funding)
        ---

        """
    }

    static func activity(principal: String, groups: String) -> String {
        """
        ---
        kind: activity
        id: bu-p1
        title: Stöd åt förskolan
        area: bu
        priority: prioritized
        status: planned
        principal: \(principal)
        target_groups: \(groups)
        ---

        """
    }

    static func workspace(plan: String, activity: String) throws -> TestRepository {
        let repo = try TestRepository()
        try repo.stage("Plans/stockholm/county.md", AllocationCLITests.county)
        try repo.stage("Plans/stockholm/2019/plan.md", plan)
        try repo.stage("Plans/stockholm/2019/activities/bu-p1.md", activity)
        try repo.commit("Stockholm 2019")
        return repo
    }

    @Test func theNewFieldsValidate() throws {
        let repo = try Self.workspace(
            plan: Self.plan(
                analysis: "analysis: {document: Plans/stockholm/analys-2018.pdf, date: 2018-11-30}",
                funding: """
                      - stream: Länsgemensamma stimulansmedel
                        kind: general
                        amount_sek: 6400000
                        principal: joint
                      - {stream: Brukarmedverkan, kind: user_participation, amount_sek: 2000000, principal: region}
                      - {stream: Stadens medel, amount_sek: 100000, principal: "0180"}
                    """),
            activity: Self.activity(principal: "\"0180\"", groups: "[children_young, users_relatives, staff]"))
        let result = try CLI.run(["validate", "--as-of", "2019-06-01"], in: repo.url)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // The one warning is the activity's missing goal, not a new field.
        #expect(result.stdout.contains("0 errors, 1 warning"), "\(result.stdout)")
        #expect(result.stdout.contains("[goal.activity-without-goal]"), "\(result.stdout)")
    }

    @Test func wrongValuesAreNamedWhereTheyStand() throws {
        let plan = "Plans/stockholm/2019/plan.md"
        let activity = "Plans/stockholm/2019/activities/bu-p1.md"
        let repo = try Self.workspace(
            plan: Self.plan(
                analysis: "analysis: {document: analys.pdf}",
                funding: "  - {stream: Stimulans, kind: stimulansmedel, amount_sek: 100, principal: kommunen}"),
            // An unquoted 0180 is the integer 180 in YAML.
            activity: Self.activity(principal: "0180", groups: "[barn, staff]"))
        let result = try CLI.run(["validate", "--as-of", "2019-06-01"], in: repo.url)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        func finding(_ prefix: String) -> String? { lines.first { $0.hasPrefix(prefix) } }
        #expect(finding("\(plan):9:11: error: [schema.required]")?.contains("\"date\"") == true, "\(lines)")
        #expect(finding("\(plan):13:31: error: [schema.enum] funding[0].kind:")?.contains("general, cooperation") == true, "\(lines)")
        #expect(finding("\(plan):13:75: error: [schema.pattern] funding[0].principal: \"kommunen\"") != nil, "\(lines)")
        #expect(finding("\(activity):8:12: error: [schema.type] principal: must be a string; got a number (180)") != nil, "\(lines)")
        #expect(
            finding("\(activity):9:17: error: [schema.enum] target_groups[0]:")?.contains("children_young, adults, older") == true,
            "\(lines)")
    }
}
