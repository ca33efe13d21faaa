import Testing

@testable import PlantrackCore

/// The pieces behind #18 item 8's messages; the messages themselves are tested through the
/// binary in PlantrackCLITests/MessageTests.
@Suite("Message hints")
struct MessageHintTests {
    @Test func swedishWordsMapToTheValueOfTheirField() {
        let activity = ["planned", "in-progress", "done", "delayed", "cancelled"]
        let plan = ["draft", "adopted", "closed"]
        #expect(SchemaHints.englishValue(for: "klar", allowed: activity) == "done")
        #expect(SchemaHints.englishValue(for: "Pågår", allowed: activity) == "in-progress")
        #expect(SchemaHints.englishValue(for: "Ej  påbörjad", allowed: activity) == "planned")
        // One word, two meanings: the field decides.
        #expect(SchemaHints.englishValue(for: "avslutad", allowed: activity) == "done")
        #expect(SchemaHints.englishValue(for: "avslutad", allowed: plan) == "closed")
        #expect(SchemaHints.englishValue(for: "uppnått", allowed: activity) == nil)
        #expect(SchemaHints.englishValue(for: "finished", allowed: activity) == nil)
    }

    @Test func amountsWithSeparatorsBecomeWholeKronor() {
        #expect(SchemaHints.kronor("300 000") == 300_000)
        #expect(SchemaHints.kronor("300 000 kr") == 300_000)
        #expect(SchemaHints.kronor("6\u{00A0}400\u{00A0}000") == 6_400_000)
        #expect(SchemaHints.kronor("300,000") == 300_000)
        #expect(SchemaHints.kronor("1.250.000 SEK") == 1_250_000)
        #expect(SchemaHints.kronor("6400 000") == nil, "not thousands groups")
        #expect(SchemaHints.kronor("300 000,50") == nil, "öre are not whole kronor")
        #expect(SchemaHints.kronor("sex miljoner") == nil)
    }

    @Test func datesInAnotherOrderAreRewritten() {
        #expect(SchemaHints.dateHint("31/12/2021") == "write YYYY-MM-DD: 2021-12-31")
        #expect(SchemaHints.dateHint("1.3.2022") == "write YYYY-MM-DD: 2022-03-01")
        #expect(SchemaHints.dateHint("2021/3/5") == "write YYYY-MM-DD: 2021-03-05")
        #expect(SchemaHints.dateHint("20211215") == "write YYYY-MM-DD: 2021-12-15")
        #expect(SchemaHints.dateHint("31/12") == "write YYYY-MM-DD, a real calendar day (e.g. 2021-03-15)")
        #expect(SchemaHints.dateHint("30/02/2021").hasPrefix("write YYYY-MM-DD, a real"), "no such day: no rewrite")
    }

    @Test func nearestReferencesPreferTheSamePlanThenTheNearestYear() {
        let existing = [
            "stockholm", "stockholm/2020", "stockholm/2021", "stockholm/2020/bu-p1", "stockholm/2021/bu-p1",
            "stockholm/2021/bu-p2", "stockholm/2021/kk-l1", "uppsala/2026/bu-p1",
        ].compactMap(ItemReference.init)
        #expect(
            ItemSuggestions.nearest(to: "stockholm/2021/bu-p9", among: existing).map(\.description)
                == ["stockholm/2021/bu-p1", "stockholm/2021/bu-p2", "stockholm/2020/bu-p1"])
        #expect(ItemSuggestions.nearest(to: "stockholm/2022", among: existing).first?.description == "stockholm/2021")
        // The same id in another year comes before one-letter typos in the same plan.
        #expect(
            ItemSuggestions.nearest(to: "stockholm/2021/kk-l2", among: existing + [ItemReference("stockholm/2020/kk-l2")].compactMap { $0 })
                .map(\.description).prefix(2) == ["stockholm/2020/kk-l2", "stockholm/2021/kk-l1"])
        #expect(
            ItemSuggestions.nearest(to: "bu-p1", among: existing).map(\.description)
                == ["stockholm/2020/bu-p1", "stockholm/2021/bu-p1", "uppsala/2026/bu-p1"])
        #expect(ItemSuggestions.nearest(to: "stokholm", among: existing).first?.description == "stockholm")
        #expect(ItemSuggestions.nearest(to: "norrbotten/2026/x", among: existing).isEmpty)
        #expect(ItemSuggestions.hint(for: "norrbotten/2026/x", among: existing).contains("items are named county/year/id"))
        #expect(ItemSuggestions.hint(for: "stockholm/2030/kk-p7", among: existing) == "stockholm has plans for 2020, 2021")
    }

    @Test func yamlSyntaxErrorsSayWhatToDo() {
        func error(_ yaml: String) -> YAMLError? {
            do {
                _ = try YAMLParser().parse(Array(yaml.utf8)[...], firstLine: 2)
                return nil
            } catch {
                return error
            }
        }
        let tab = error("kind: activity\npartners:\n\t- Region\n")
        #expect(tab?.location == SourceLocation(line: 4, column: 1))
        #expect(tab?.message.contains("replace the tab with spaces") == true)
        let quote = error("kind: activity\nowner: 'Kansliet\nstatus: done\n")
        #expect(quote?.location == SourceLocation(line: 3, column: 8), "at the opening quote")
        #expect(quote?.message.contains("this quote is never closed") == true)
        let dash = error("tasks:\n  - title: A\n    done: true\n  title: B\n")
        #expect(dash?.location.line == 5)
        #expect(dash?.message.contains("begin each item with '- '") == true)
    }
}
