import Foundation
import Testing

/// The bundled Plans/ hold the Stockholm county plan 2021 (seed 002) in full.
@Suite("Bundled Plans")
struct BundledPlansTests {
    private struct Listing: Decodable {
        struct Entry: Decodable {
            var kind: String
            var item: String?
            var path: String
            var frontMatter: [String: FieldValue]

            enum CodingKeys: String, CodingKey {
                case kind, item, path
                case frontMatter = "front_matter"
            }
        }
        var documents: [Entry]
    }

    /// Only the scalar fields the test reads.
    private enum FieldValue: Decodable {
        case text(String)
        case other

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            self = (try? container.decode(String.self)).map(FieldValue.text) ?? .other
        }

        var text: String? {
            if case .text(let s) = self { return s }
            return nil
        }
    }

    @Test func stockholm2021ListsEveryGoalAndActivityOfTheSeedPlan() throws {
        let result = try CLI.run(["list", "--county", "stockholm", "--year", "2021", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let listing = try JSONDecoder().decode(Listing.self, from: Data(result.stdout.utf8))
        let goals = listing.documents.filter { $0.kind == "goal" }
        let activities = listing.documents.filter { $0.kind == "activity" }

        // Seed 002: long-term goals 2 + 1 + 2 + 1, short-term goals 3 + 3 + 7 + 4.
        #expect(goals.filter { $0.frontMatter["term"]?.text == "long" }.count == 6)
        #expect(goals.filter { $0.frontMatter["term"]?.text == "short" }.count == 17)
        // Prioritized activities 2 + 0 + 2 + 1, ongoing 2 + 4 + 2 + 2.
        #expect(activities.filter { $0.frontMatter["priority"]?.text == "prioritized" }.count == 5)
        #expect(activities.filter { $0.frontMatter["priority"]?.text == "ongoing" }.count == 10)

        let titles = Set((goals + activities).compactMap { $0.frontMatter["title"]?.text })
        let fromTheSeed = [
            "Ge stöd i arbetet med att utveckla samverkan kring tidig upptäckt och tidigt stöd",
            "Sprida metoder för främjande av psykisk hälsa hos unga",
            "Fortsatt satsning på att främja skolnärvaro och förebygga närvaroproblem",
            "Sprida implementeringsstöd av elevhälsoportalen",
            "Stöd som gynnar lokalt tvärsektoriellt arbete med psykisk hälsa",
            "Tydliggöra styrning och ledning av arbetet inom Uppdrag psykisk hälsa Stockholms län",
            "Bidra i arbetet med att utveckla det regionala folkhälsoarbetet",
            "Följa och bidra i arbetet med RPO och RSS i samarbete med processledarna",
            "Fler deltar i utbildningen att leda utvecklingsarbete",
            "Ökad kunskap i länets verksamheter om olika begrepp inom området psykisk hälsa/ohälsa.",
        ]
        for title in fromTheSeed {
            #expect(titles.contains(title), "missing: \(title)")
        }
        #expect(
            listing.documents.first { $0.kind == "activity" && $0.item == "stockholm/2021/bu-p1" }?.path
                == "Plans/stockholm/2021/activities/bu-p1.md")

        let plan = try #require(listing.documents.first { $0.kind == "plan" })
        #expect(plan.item == "stockholm/2021")
        #expect(plan.frontMatter["revises"]?.text == "stockholm/2020")
    }

    @Test func showPrintsTheBodyAndFields() throws {
        let result = try CLI.run(["show", "stockholm/2021/bu-p1"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("activity stockholm/2021/bu-p1 — Ge stöd i arbetet med att utveckla samverkan"))
        #expect(result.stdout.contains("  - title: Ta fram ett stödmaterial för strukturerad samverkan kring barn i förskoleålder"))
    }

    @Test("a plan and its follow-up share a folder; show tells them apart")
    func showTellsThePlanFromItsFollowUp() throws {
        func kind(_ item: String) throws -> String? {
            let result = try CLI.run(["show", item, "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            // One document, so one object (not an array of two).
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return object?["kind"] as? String
        }
        #expect(try kind("stockholm/2021") == "plan")
        #expect(try kind("stockholm/2021/followup") == "followup")
        let text = try CLI.run(["show", "stockholm/2021/followup"])
        #expect(text.stdout.hasPrefix("followup stockholm/2021"), "\(text.stdout.prefix(200))")
        #expect(text.stdout.contains("youth_clinics:"))
        // A plan without a follow-up has none to show.
        let none = try CLI.run(["show", "uppsala/2026/followup"])
        #expect(none.status != 0)
    }
}
