import Foundation
import PlantrackCore
import Testing

/// The fields of issue 23 (docs/format.md, "The agreement's money"): the schemas and the
/// model know the same values, and the editor help carries the Swedish titles.
@Suite("principal, target groups, analysis and stream kinds")
struct AgreementFieldsTests {
    static func schema(_ name: String) throws -> [String: Any] {
        let text = try #require(SchemaReleases.builtInText(of: name))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func properties(_ object: [String: Any]?) -> [String: Any] { object?["properties"] as? [String: Any] ?? [:] }

    static var fundingProperties: [String: Any] {
        get throws {
            let plan = try schema("plan.schema.json")
            let funding = properties(plan)["funding"] as? [String: Any]
            return properties(funding?["items"] as? [String: Any])
        }
    }

    @Test func streamKindsAreTheSchemasAndItsHelpNamesThemInSwedish() throws {
        let kind = try #require(try Self.fundingProperties["kind"] as? [String: Any])
        #expect(kind["enum"] as? [String] == StreamKind.allCases.map(\.rawValue))
        let help = try #require(kind["description"] as? String)
        for k in StreamKind.allCases { #expect(help.contains("\(k.rawValue) = \(k.swedishTitle)"), "\(k)") }
    }

    @Test func targetGroupsAreTheSchemasAndItsHelpNamesThemInSwedish() throws {
        let activity = try Self.schema("activity.schema.json")
        let groups = try #require(Self.properties(activity)["target_groups"] as? [String: Any])
        let items = groups["items"] as? [String: Any]
        #expect(items?["enum"] as? [String] == TargetGroup.allCases.map(\.rawValue))
        let help = try #require(groups["description"] as? String)
        for g in TargetGroup.allCases { #expect(help.contains("\(g.rawValue) = \(g.swedishTitle)"), "\(g)") }
    }

    /// The principal is written out in the activity and the funding schema alike (not in
    /// common.schema.json, so a workspace's older copy of that file cannot break the
    /// reference); the two must not drift, and the model reads what the pattern allows.
    @Test func principalPatternIsOneAndTheModelReadsWhatItAllows() throws {
        let activity = try #require(Self.properties(try Self.schema("activity.schema.json"))["principal"] as? [String: Any])
        let funding = try #require(try Self.fundingProperties["principal"] as? [String: Any])
        let pattern = try #require(activity["pattern"] as? String)
        #expect(funding["pattern"] as? String == pattern)
        let regex = try NSRegularExpression(pattern: pattern)
        for text in [
            "region", "municipalities", "joint", "0180", "2584", "0114", "0000", "2601", "180", "01800", "Region", "kommun", "0x18",
        ] {
            let matches = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
            #expect((Principal(text) != nil) == matches, "\(text)")
        }
        #expect(Principal("0180") == .municipality(code: "0180"))
        #expect(Principal("0180")?.countyCode == "01")
        #expect(Principal("joint")?.description == "joint")
    }

    @Test func theModelReadsTheNewFields() throws {
        let plan = """
            ---
            kind: plan
            county: stockholm
            year: 2019
            title: Plan
            version: 1
            status: draft
            period: {start: 2019-01-01, end: 2019-12-31}
            analysis: {document: "https://example.se/analys.pdf", date: 2018-11-30}
            areas: [{id: bu, title: Barn och unga}]
            funding:
              - {stream: Samverkan, kind: cooperation, amount_sek: 100, principal: joint}
              - {stream: Egna, amount_sek: 5, principal: "0180"}
            ---

            """
        let activity = """
            ---
            kind: activity
            id: bu-p1
            title: Stöd
            area: bu
            priority: prioritized
            status: planned
            principal: region
            target_groups: [children_young, staff, nobody]
            ---

            """
        let snapshot = MemorySnapshot(files: [
            "Plans/stockholm/2019/plan.md": plan, "Plans/stockholm/2019/activities/bu-p1.md": activity,
        ])
        let workspace = try Workspace.read(from: snapshot)
        let p = try Plan(document: try #require(workspace.documents.first { $0.kind == .plan }))
        #expect(p.analysis == Plan.Analysis(document: "https://example.se/analys.pdf", date: CalendarDate("2018-11-30")))
        #expect(p.funding.map(\.kind) == [.cooperation, nil])
        #expect(p.funding.map(\.principal) == [.joint, .municipality(code: "0180")])
        let a = try Activity(document: try #require(workspace.documents.first { $0.kind == .activity }))
        #expect(a.principal == .region)
        #expect(a.targetGroups == [.childrenYoung, .staff])
    }
}
