import PlantrackCore
import Testing

/// Recording Kolada values into a goal document: revisions, nulls, statuses, and the bytes
/// that must not move.
@Suite("Indicator recording")
struct IndicatorRecordingTests {
    static let path = "Plans/halland/2024/goals/vantetid.md"

    static func goal(measurements: String) -> String {
        """
        ---
        kind: goal
        id: vantetid
        title: Kortare väntetid
        term: short
        area: bu
        indicators:
          - id: bup # första bedömning
            title: Andel inom 30 dagar
            unit: percent
            source: {kolada: {kpi: N74000, municipality: "0013", gender: K}}
        \(measurements)
        ---

        Text.

        """
    }

    static func record(_ text: String, _ values: [KoladaValue], on day: String = "2026-12-07") throws -> (RecordingOutcome, String) {
        let snapshot = MemorySnapshot(files: [path: text])
        let document = try #require(try Workspace.read(from: snapshot).documents.first)
        let needs = KoladaNeeds.of(Workspace(label: "memory", documents: [document]), years: nil)
        let outcome = try IndicatorRecording.record(
            values.map { FetchedValue(value: $0, request: "https://kolada.test/r") }, needs: needs, in: snapshot,
            fetched: try #require(CalendarDate(day)))
        return (outcome, outcome.files[path].map { String(decoding: $0, as: UTF8.self) } ?? text)
    }

    static func value(_ period: Int, _ value: Double?, gender: KoladaSource.Gender = .women, status: String? = nil) -> KoladaValue {
        KoladaValue(kpi: "N74000", municipality: "0013", period: period, gender: gender, value: value, status: status)
    }

    @Test func addsUnderAKeyThatWasMissingWithTheGenderNamed() throws {
        let (outcome, text) = try Self.record(
            Self.goal(measurements: ""), [Self.value(2023, 61.5, status: "prel"), Self.value(2023, 99, gender: .total)])
        #expect(outcome.added.count == 1)
        #expect(
            text.contains(
                """
                    source: {kolada: {kpi: N74000, municipality: "0013", gender: K}}
                    measurements:
                      - date: 2023-12-31
                        value: 61.5
                        source: Kolada
                        kolada:
                          period: 2023
                          fetched: 2026-12-07
                          url: https://kolada.test/r
                          status: prel

                ---
                """))
        #expect(outcome.commitMessage.hasPrefix("Record Kolada values: 1 added\n\n+ halland/2024/vantetid bup 2023: 61.5\n"))
    }

    @Test func aNullBecomesANumberAndTheStatusGoes() throws {
        let before = Self.goal(
            measurements: """
                    measurements:
                      - date: 2022-12-31
                        value: null
                        source: Kolada
                        kolada: {period: 2022, fetched: 2025-03-01, url: "https://kolada.test/old", status: B}
                """)
        let (outcome, text) = try Self.record(before, [Self.value(2022, 58)])
        #expect(outcome.revised.count == 1)
        #expect(outcome.revised.first?.oldValue == nil)
        #expect(outcome.revised.first?.oldFetched == CalendarDate("2025-03-01"))
        // The flow-style provenance cannot take lines: the measurement is written anew.
        #expect(
            text.contains(
                """
                    measurements:
                      - date: 2022-12-31
                        value: 58
                        source: Kolada
                        kolada:
                          period: 2022
                          fetched: 2026-12-07
                          url: https://kolada.test/r
                        revisions:
                          - value: null
                            fetched: 2025-03-01
                            url: https://kolada.test/old
                ---
                """))
        // A second revision goes after the first.
        let (again, twice) = try Self.record(text, [Self.value(2022, 59)], on: "2026-12-08")
        #expect(again.revised.first?.oldValue == 58)
        #expect(
            twice.contains(
                "      - value: null\n            fetched: 2025-03-01\n            url: https://kolada.test/old\n          - value: 58\n            fetched: 2026-12-07\n"
            ))
    }

    @Test func theSameValueLeavesEveryByte() throws {
        let before = Self.goal(
            measurements: """
                    measurements:
                      - {date: 2022-12-31, value: 58, source: Kolada, kolada: {period: 2022, fetched: 2025-03-01}}
                """)
        let (outcome, text) = try Self.record(before, [Self.value(2022, 58, status: "new status")])
        #expect(outcome.files.isEmpty)
        #expect(outcome.unchanged == 1)
        #expect(text == before)
    }

    @Test func periodsNotOverAndDisagreeingValues() throws {
        let (outcome, _) = try Self.record(Self.goal(measurements: ""), [Self.value(2026, 1)], on: "2026-12-07")
        #expect(outcome.added.isEmpty)
        #expect(
            outcome.skipped.first?.reason
                == .periodNotOver(goal: ItemReference(county: "halland", year: 2024, id: "vantetid"), indicator: "bup"))
        #expect(throws: IndicatorRecordingError.self) {
            try Self.record(Self.goal(measurements: ""), [Self.value(2022, 1), Self.value(2022, 2)])
        }
        let (without, _) = try Self.record(Self.goal(measurements: ""), [])
        #expect(without.withoutValues.map(\.indicator) == ["bup"])
    }
}
