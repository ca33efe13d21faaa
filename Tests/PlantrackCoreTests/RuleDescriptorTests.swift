import Foundation
import PlantrackCore
import Testing

@Suite("Rule descriptors")
struct RuleDescriptorTests {
    /// The bundled Plans/, read from the package's folder.
    private func bundledDocuments() throws -> [Document] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try Workspace.read(from: DirectorySnapshot(root: root.path)).documents
    }

    @Test("the rules whose findings change with the day are those whose descriptors say they depend on it")
    func dateDependentRules() throws {
        // Stockholm's 2021 follow-up without its youth clinics: followup.incomplete names it
        // on 20 January 2022 only.
        let documents = try bundledDocuments().map { document in
            var document = document
            if document.kind == .followup {
                document.frontMatter = YAMLMapping(document.frontMatter.entries.filter { $0.key != "youth_clinics" })
            }
            return document
        }
        let days = ["2019-01-01", "2021-06-30", "2022-01-20", "2026-11-30", "2040-01-01"].compactMap(CalendarDate.init)
        #expect(days.count == 5)
        // Every rule at its default severity: which documents each finds something in, per day.
        var found: [String: Set<String>] = [:]
        for day in days {
            for finding in PlanRules.check(documents, options: RuleOptions(asOf: day)) {
                found[finding.rule, default: []].insert("\(day) \(finding.path)")
            }
        }
        func changes(_ rule: String) -> Bool {
            let perDay = days.map { day in Set((found[rule] ?? []).filter { $0.hasPrefix("\(day) ") }.map { $0.dropFirst(11) }) }
            return Set(perDay).count > 1
        }
        let flagged = Set(PlanRules.all.filter(\.dependsOnDate).map(\.id))
        let changing = Set(PlanRules.all.map(\.id).filter(changes))
        #expect(!flagged.isEmpty)
        #expect(changing == flagged)
    }
}
