import Foundation
import Testing

@testable import PlantrackCore

@Suite("status words: one table for reports, roll-up and the schemas' help")
struct StatusWordsTests {
    /// Every status and assessment value of the format.
    static let values = Activity.Status.allCases.map(\.rawValue) + Goal.Assessment.allCases.map(\.rawValue)

    static func schema(_ name: String) throws -> [String: Any] {
        let url = URL(fileURLWithPath: RulesFixtures.packageRoot).appendingPathComponent("Schemas/\(name)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try #require(object as? [String: Any])
    }

    static func description(_ schema: [String: Any], _ path: String...) throws -> String {
        var node: Any = schema
        for key in path { node = try #require((node as? [String: Any])?[key], "\(path)") }
        return try #require((node as? [String: Any])?["description"] as? String, "\(path)")
    }

    @Test("the table has a word for every value in both languages, and they differ")
    func complete() {
        for value in Self.values {
            #expect(StatusWords.swedish[value] != nil, "\(value)")
            #expect(StatusWords.english[value] != nil, "\(value)")
        }
        #expect(StatusWords.swedish.count == Self.values.count && StatusWords.english.count == Self.values.count)
        #expect(Set(StatusWords.swedish.values).count == Self.values.count)
    }

    @Test("the schemas' editor help says the table's Swedish words: `value = Word` for each value")
    func schemasAgree() throws {
        let activityStatus = try Self.description(Self.schema("activity.schema.json"), "properties", "status")
        for status in Activity.Status.allCases {
            let word = try #require(StatusWords.swedish[status.rawValue])
            #expect(activityStatus.contains("\(status.rawValue) = \(word)"), "activity status \(status): \(activityStatus)")
        }
        let assessment = try Self.description(Self.schema("goal.schema.json"), "properties", "assessment")
        for value in Goal.Assessment.allCases {
            let word = try #require(StatusWords.swedish[value.rawValue])
            #expect(assessment.contains("\(value.rawValue) = \(word)"), "assessment \(value): \(assessment)")
        }
        let workspace = try Self.schema("workspace.schema.json")
        let labels = try Self.description(workspace, "properties", "status_labels")
        for value in Self.values {
            let word = try #require(StatusWords.swedish[value])
            #expect(labels.contains("\(value) = \(word)"), "status_labels: \(value)")
            let one = try Self.description(workspace, "properties", "status_labels", "properties", value)
            #expect(one.contains("\"\(word)\""), "status_labels.\(value): \(one)")
        }
        // Every value the labels can rename is one of the table's, and no other.
        let properties = try #require(
            ((workspace["properties"] as? [String: Any])?["status_labels"] as? [String: Any])?["properties"]
                as? [String: Any])
        #expect(Set(properties.keys) == Set(Self.values))
    }

    @Test("status_labels rename the words of the workspace's own language only")
    func labels() throws {
        let settings = try #require(
            try YAMLParser().parse(
                Array("language: sv\nstatus_labels:\n  done: Klar\n  at-risk: '  '\n  bogus: X\n".utf8)[...], firstLine: 1)?.mapping)
        let swedish = StatusWords(language: .sv, settings: settings)
        #expect(swedish.activity(.done) == "Klar")
        // Blank and unknown labels are ignored.
        #expect(swedish.assessment(.atRisk) == "Risk för avvikelse")
        #expect(swedish.labels["bogus"] == nil)
        #expect(swedish.activity(.planned) == "Ej påbörjad")
        // An English report of a Swedish workspace uses the English words.
        #expect(StatusWords(language: .en, settings: settings).activity(.done) == "Done")
        // No settings: Swedish is the workspace's language.
        #expect(StatusWords(language: .sv, settings: nil).activity(.inProgress) == "Pågående")
        // The report words take them over.
        let words = ReportLanguage.sv.words(swedish)
        #expect(words.activityStatus(.done) == "Klar" && words.statusHeading(.done, ReportLanguage.sv.format) == "Klar")
    }
}
