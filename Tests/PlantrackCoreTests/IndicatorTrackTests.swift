import PlantrackCore
import Testing

/// The track, light and age rules of an indicator (docs/rollup.md, "An indicator's track and
/// light"), on a plan year 2022 (2022-01-01 – 2022-12-31).
@Suite("Indicator track, light and age")
struct IndicatorTrackTests {
    private let period = Plan.Period(start: day("2022-01-01"), end: day("2022-12-31"))

    private func indicator(
        direction: String = "increase", baseline: Double, target: Double, targetDate: String = "2022-12-31",
        measurements: [String]
    ) throws -> Indicator {
        let yaml = """
            id: g
            title: Mål
            term: short
            area: bu
            indicators:
              - id: i
                title: Indikator
                unit: percent
                direction: \(direction)
                baseline: {value: \(baseline), date: 2021-12-31}
                target: {value: \(target), date: \(targetDate)}
                measurements:
            \(measurements.map { "      - \($0)" }.joined(separator: "\n"))

            """
        let goal = try Goal(document: try document("Plans/stockholm/2022/goals/g.md", yaml))
        return try #require(goal.indicators.first)
    }

    @Test("on track within the tolerance, off by more; green, yellow up to twice it, red beyond")
    func increase() throws {
        // 2022-07-02 is day 183 of 365: 50.1 % expected.
        let onTrack = try indicator(baseline: 0, target: 100, measurements: ["{date: 2022-07-02, value: 31}"])
        let year = onTrack.progress(in: period)
        #expect(year.track(tolerance: 20) == .onTrack)
        #expect(year.light(tolerance: 20) == .green)
        let yellow = try indicator(baseline: 0, target: 100, measurements: ["{date: 2022-07-02, value: 25}"])
        #expect(yellow.progress(in: period).track(tolerance: 20) == .offTrack)
        #expect(yellow.progress(in: period).light(tolerance: 20) == .yellow)
        let red = try indicator(baseline: 0, target: 100, measurements: ["{date: 2022-07-02, value: 10}"])
        #expect(red.progress(in: period).light(tolerance: 20) == .red)
        // The tolerance is the workspace's: with 0, any lag is off track and red.
        #expect(onTrack.progress(in: period).track(tolerance: 0) == .offTrack)
        #expect(onTrack.progress(in: period).light(tolerance: 0) == .red)
    }

    @Test("a decrease indicator counts the way down")
    func decrease() throws {
        // 50 → 40 towards 30 is half the way; 2022-06-30 is day 181 of 365 (49.6 %).
        let down = try indicator(
            direction: "decrease", baseline: 50, target: 30, measurements: ["{date: 2022-06-30, value: 40}"])
        let year = down.progress(in: period)
        #expect(year.progress == 50)
        #expect(year.track(tolerance: 20) == .onTrack)
        #expect(year.light(tolerance: 20) == .green)
        // Moving up is the wrong way: 0 % of 49.6 % — off track, red (more than 2 × 20 behind).
        let wrongWay = try indicator(
            direction: "decrease", baseline: 50, target: 30, measurements: ["{date: 2022-06-30, value: 55}"])
        #expect(wrongWay.progress(in: period).progress == 0)
        #expect(wrongWay.progress(in: period).track(tolerance: 20) == .offTrack)
        #expect(wrongWay.progress(in: period).light(tolerance: 20) == .red)
    }

    @Test("a target dated before the period is not judged on time, and has no light")
    func targetBeforePeriod() throws {
        let early = try indicator(
            baseline: 0, target: 100, targetDate: "2021-06-30", measurements: ["{date: 2022-06-30, value: 10}"])
        let year = early.progress(in: period)
        #expect(year.expected == nil)
        #expect(year.track(tolerance: 20) == .notJudged)
        #expect(year.light(tolerance: 20) == nil)
        #expect(!year.isBehind(tolerance: 20))
    }

    @Test("age counts days from the latest measurement's date (a Kolada period's end) to the day judged")
    func age() throws {
        let kolada = try indicator(
            baseline: 0, target: 100,
            measurements: ["{date: 2022-12-31, value: 80, kolada: {period: 2022, fetched: 2023-03-01}}"])
        let year = kolada.progress(in: period)
        #expect(year.age(on: day("2023-02-15")) == 46)
        #expect(year.age(on: day("2022-12-31")) == 0)
        let none = try indicator(baseline: 0, target: 100, measurements: ["{date: 2021-06-30, value: 5}"])
        #expect(none.progress(in: period).age(on: day("2023-02-15")) == nil)
        #expect(none.progress(in: period).track(tolerance: 20) == .notJudged)
    }

    @Test("a newest answer without a value says no value, never 0 and never stale-but-fine")
    func noValue() throws {
        let missing = try indicator(
            baseline: 0, target: 100,
            measurements: ["{date: 2022-06-30, value: 60}", "{date: 2022-12-31, value: null}"])
        let year = missing.progress(in: period)
        #expect(missing.measurements.map(\.value) == [60])
        #expect(year.latest?.value == 60)
        #expect(year.missingSince == day("2022-12-31"))
        #expect(year.track(tolerance: 20) == .noValue)
        #expect(year.light(tolerance: 20) == nil)
        // A null older than the latest value is history: the value stands.
        let filled = try indicator(
            baseline: 0, target: 100,
            measurements: ["{date: 2022-03-31, value: null}", "{date: 2022-06-30, value: 60}"])
        #expect(filled.progress(in: period).missingSince == nil)
        #expect(filled.progress(in: period).track(tolerance: 20) == .onTrack)
        // The figures of the roll-up carry the same, with the age on the day judged.
        let goal = try Goal(
            document: try document(
                "Plans/stockholm/2022/goals/g.md",
                """
                id: g
                title: Mål
                term: short
                area: bu
                indicators:
                  - id: i
                    title: Indikator
                    unit: percent
                    source: {kolada: {kpi: N1, municipality: "0001"}}
                    baseline: {value: 0, date: 2021-12-31}
                    target: {value: 100, date: 2022-12-31}
                    measurements:
                      - {date: 2022-06-30, value: 60}
                      - {date: 2022-12-31, value: null}

                """))
        let figures = StatusFigures.indicators(of: goal, period: period, tolerance: 20, asOf: day("2023-01-30"))
        #expect(figures.first?.track == .noValue)
        #expect(figures.first?.ageDays == 214)
        #expect(figures.first?.kolada?.kpi == "N1")
        #expect(figures.first?.isFromKolada == true)
    }
}

private func day(_ text: String) -> CalendarDate {
    CalendarDate(text) ?? CalendarDate(daysSinceEpoch: 0)
}
