import Foundation
import Testing

/// A Stockholm 2022 plan whose goal has three indicators (docs/rollup.md, "An indicator's
/// track and light"), committed on 2023-02-15 so that `--rev HEAD` judges the figures on
/// that day:
///
/// - `vantetid-bup` (Kolada N74000, region 0001): 71 at the end of 2021 (the year's baseline),
///   84.1 for 2022 (revised from 83.7): (84.1 − 71) / (90 − 71) = 68.9 % of the way, 100 %
///   expected on 2022-12-31: 31.1 points behind — off track, yellow (within 2 × 20); 46 days old;
/// - `inlaggningar` (decrease, typed by hand): 50 → 40 towards 30 = 50 %, 49.6 % expected on
///   2022-06-30: on track, green; 230 days old;
/// - `suicid` (Kolada): 9.5 for 2021, no value for 2022: no value.
struct IndicatorProgressFixture {
    let repo: TestRepository

    /// 2023-01-12 and 2023-02-15, 00:00 UTC.
    static let firstTime: Int64 = 19_369 * 86_400
    static let secondTime: Int64 = 19_403 * 86_400

    static let county = """
        ---
        kind: county
        id: stockholm
        name: Stockholms län
        code: "01"
        ---

        """

    static let plan = """
        ---
        kind: plan
        county: stockholm
        year: 2022
        title: Handlingsplan 2022
        version: 1
        status: adopted
        adopted: {date: 2022-01-01, by: Styrgruppen}
        period: {start: 2022-01-01, end: 2022-12-31}
        areas:
          - {id: bu, title: Barn och unga}
        ---

        """

    static func goal(revised: Bool) -> String {
        let url = "http://127.0.0.1/v3/data/kpi/N74000/municipality/0001/year/2022"
        let bup =
            revised
            ? [
                "      - date: 2022-12-31", "        value: 84.1", "        source: Kolada", "        kolada:",
                "          period: 2022", "          fetched: 2023-02-01", "          url: \(url)", "        revisions:",
                "          - value: 83.7", "            fetched: 2023-01-10", "            url: \(url)",
            ]
            : [
                "      - date: 2022-12-31", "        value: 83.7", "        source: Kolada", "        kolada:",
                "          period: 2022", "          fetched: 2023-01-10", "          url: \(url)",
            ]
        let inlaggningar = revised ? "\n      - {date: 2022-06-30, value: 40}" : ""
        return """
            ---
            kind: goal
            id: bu-1
            title: Barn och unga får hjälp i tid
            term: short
            area: bu
            indicators:
              - id: vantetid-bup
                title: Första bedömning inom 30 dagar
                unit: percent
                direction: increase
                source: {kolada: {kpi: N74000, municipality: "0001"}}
                baseline: {value: 71, date: 2021-12-31}
                target: {value: 90, date: 2022-12-31}
                measurements:
                  - date: 2021-12-31
                    value: 71
                    source: Kolada
                    kolada: {period: 2021, fetched: 2023-01-10}
            \(bup.joined(separator: "\n"))
              - id: inlaggningar
                title: Inläggningar per 10 000
                unit: ratio
                direction: decrease
                baseline: {value: 50, date: 2021-12-31}
                target: {value: 30, date: 2022-12-31}
                measurements:
                  - {date: 2021-12-31, value: 50}\(inlaggningar)
              - id: suicid
                title: Suicid per 100 000
                unit: ratio
                direction: decrease
                source: {kolada: {kpi: N70000, municipality: "0001"}}
                baseline: {value: 10, date: 2021-12-31}
                target: {value: 8, date: 2022-12-31}
                measurements:
                  - {date: 2021-12-31, value: 9.5, source: Kolada, kolada: {period: 2021, fetched: 2023-01-10}}
                  - {date: 2022-12-31, value: null, source: Kolada, kolada: {period: 2022, fetched: 2023-01-10}}
            ---
            Text.

            """
    }

    init() throws {
        repo = try TestRepository()
        try repo.stage("Plans/stockholm/county.md", Self.county)
        try repo.stage("Plans/stockholm/2022/plan.md", Self.plan)
        try repo.stage("Plans/stockholm/2022/goals/bu-1.md", Self.goal(revised: false))
        try repo.commit("Values of 2023-01-10", time: Self.firstTime)
        try repo.stage("Plans/stockholm/2022/goals/bu-1.md", Self.goal(revised: true))
        try repo.commit("Values of 2023-02-01", time: Self.secondTime)
    }

    func run(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(arguments, in: repo.url)
    }
}

private func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite("indicator progress through the binary")
struct IndicatorProgressTests {
    @Test("rollup --format json: progress, expected, track, light, latest with its age, source")
    func rollUpJSON() throws {
        let fixture = try IndicatorProgressFixture()
        let result = try fixture.run(["rollup", "--rev", "HEAD", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try object(result.stdout)
        let plans = try #require(json["plans"] as? [[String: Any]])
        let indicators = try #require(plans.first?["indicators"] as? [[String: Any]])
        #expect(indicators.map { $0["id"] as? String } == ["vantetid-bup", "inlaggningar", "suicid"])
        let bup = indicators[0]
        #expect(bup["goal"] as? String == "stockholm/2022/bu-1")
        #expect(bup["progress"] as? Double == 68.9)
        #expect(bup["expected"] as? Int == 100)
        #expect(bup["track"] as? String == "off")
        #expect(bup["light"] as? String == "yellow")
        #expect(bup["behind"] as? Bool == true)
        let latest = try #require(bup["latest"] as? [String: Any])
        #expect(latest["date"] as? String == "2022-12-31")
        #expect(latest["value"] as? Double == 84.1)
        #expect(latest["age_days"] as? Int == 46)
        let source = try #require(bup["source"] as? [String: Any])
        #expect(source["name"] as? String == "Kolada")
        #expect(source["kpi"] as? String == "N74000")
        #expect(source["municipality"] as? String == "0001")
        let down = indicators[1]
        #expect(down["progress"] as? Int == 50)
        #expect(down["expected"] as? Double == 49.6)
        #expect(down["track"] as? String == "on")
        #expect(down["light"] as? String == "green")
        #expect((down["latest"] as? [String: Any])?["age_days"] as? Int == 230)
        #expect(down["source"] is NSNull)
        let none = indicators[2]
        #expect(none["track"] as? String == "no-value")
        #expect(none["light"] is NSNull)
        #expect(none["progress"] is NSNull)
        #expect(none["no_value_since"] as? String == "2022-12-31")
        #expect(none["latest"] is NSNull)
    }

    @Test("rollup --indicators: a row per indicator as a table and as CSV; --by refused")
    func rollUpIndicators() throws {
        let fixture = try IndicatorProgressFixture()
        let table = try fixture.run(["rollup", "--rev", "HEAD", "--indicators", "--lang", "en"])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("GOAL") == true)
        #expect(lines.first?.contains("AGE DAYS") == true)
        let bup = try #require(lines.first { $0.contains("vantetid-bup") })
        for cell in ["84.1", "2022-12-31", "46", "68.9", "100.0", "off track", "yellow", "Kolada N74000 (0001)"] {
            #expect(bup.contains(cell), "\(cell) in \(bup)")
        }
        let none = try #require(lines.first { $0.contains("suicid") })
        #expect(none.contains("no value"))

        let csv = try fixture.run(["rollup", "--rev", "HEAD", "--indicators", "--format", "csv", "--delimiter", ";"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.components(separatedBy: "\r\n")
        #expect(rows.first == "MÅL;INDIKATOR;SENASTE;DATUM;ÅLDER DAGAR;FRAMSTEG %;VÄNTAT %;LÄGE;LJUS;KÄLLA")
        #expect(rows.contains("stockholm/2022/bu-1;inlaggningar;40;2022-06-30;230;50,0;49,6;i fas;grön;-"))
        #expect(rows.contains("stockholm/2022/bu-1;vantetid-bup;84,1;2022-12-31;46;68,9;100,0;efter plan;gul;Kolada N74000 (0001)"))

        let refused = try fixture.run(["rollup", "--rev", "HEAD", "--indicators", "--by", "area"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--indicators"))
    }

    @Test("the default rollup table is unchanged by indicators")
    func defaultTable() throws {
        let fixture = try IndicatorProgressFixture()
        let table = try fixture.run(["rollup", "--rev", "HEAD", "--lang", "en"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(!table.stdout.contains("vantetid-bup"))
    }

    @Test("trend --indicator: the indicator at each point, as JSON and as a table")
    func trend() throws {
        let fixture = try IndicatorProgressFixture()
        let result = try fixture.run([
            "trend", "--indicator", "stockholm/2022/bu-1#vantetid-bup", "--since", "2023-01-01", "--until",
            "2023-02-28", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try object(result.stdout)
        #expect(json["goal"] as? String == "stockholm/2022/bu-1")
        let points = try #require(json["points"] as? [[String: Any]])
        #expect(points.map { $0["date"] as? String } == ["2023-01-31", "2023-02-28"])
        let values = points.map { ($0["latest"] as? [String: Any])?["value"] as? Double }
        #expect(values == [83.7, 84.1])
        #expect(points.map { ($0["latest"] as? [String: Any])?["age_days"] as? Int } == [31, 59])
        #expect(points.map { $0["track"] as? String } == ["off", "off"])
        #expect(points.map { ($0["source"] as? [String: Any])?["kpi"] as? String } == ["N74000", "N74000"])

        let table = try fixture.run([
            "trend", "--indicator", "stockholm/2022/bu-1#vantetid-bup", "--since", "2023-01-01", "--until",
            "2023-02-28", "--lang", "en",
        ])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("DATE") == true)
        #expect(lines.contains { $0.hasPrefix("2023-02-28") && $0.contains("84.1") && $0.contains("off track") })
        #expect(lines.last == "Källa: Kolada")

        let unknown = try fixture.run([
            "trend", "--indicator", "stockholm/2022/bu-1#nope", "--since", "2023-01-01", "--until", "2023-02-28",
        ])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no indicator nope of goal stockholm/2022/bu-1"))
        let malformed = try fixture.run(["trend", "--indicator", "stockholm/bu-1"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("county/year/goal#indicator"))
    }

    @Test("report: a chart per indicator with its figures as text and Källa: Kolada")
    func report() throws {
        let fixture = try IndicatorProgressFixture()
        let result = try fixture.run(["report", "--rev", "HEAD", "--year", "2022"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = result.stdout
        let figures = html.components(separatedBy: "<figure class=\"ind-figure\">").dropFirst()
        // suicid has no value in the year: no chart; the other two have one each.
        #expect(figures.count == 2)
        let bup = try #require(figures.first { $0.contains("Första bedömning") })
        #expect(bup.contains("class=\"ind-series\""))
        #expect(bup.contains("role=\"img\""))
        #expect(bup.contains("class=\"ind-expected\""))
        #expect(bup.contains("Källa: Kolada"))
        #expect(bup.contains("målvärde 90\u{00A0}% senast 2022-12-31"))
        #expect(bup.contains("efter plan"))
        #expect(bup.contains("<td>2022-12-31</td><td class=\"num\">84,1\u{00A0}%</td><td>Kolada 2022, hämtat 2023-02-01</td>"))
        let down = try #require(figures.first { $0.contains("Inläggningar") })
        #expect(!down.contains("Källa: Kolada"))
        #expect(down.contains("i fas"))
    }

    @Test("diff: measurements added and revised, matched by date, with the fetch dates")
    func diff() throws {
        let fixture = try IndicatorProgressFixture()
        let text = try fixture.run(["diff", "HEAD~1", "HEAD"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("  mätvärden:\n"))
        #expect(text.stdout.contains("~ vantetid-bup 2022-12-31: 83.7 → 84.1 (Kolada, hämtat 2023-01-10 → 2023-02-01)"))
        #expect(text.stdout.contains("+ inlaggningar 2022-06-30: 40\n"))
        let english = try fixture.run(["diff", "--lang", "en", "HEAD~1", "HEAD"])
        #expect(english.stdout.contains("~ vantetid-bup 2022-12-31: 83.7 → 84.1 (Kolada, fetched 2023-01-10 → 2023-02-01)"))

        let json = try object(try fixture.run(["diff", "HEAD~1", "HEAD", "--format", "json"]).stdout)
        let changes = try #require(json["changes"] as? [[String: Any]])
        let measurements = try #require(changes.first?["measurements"] as? [[String: Any]])
        #expect(measurements.count == 2)
        let revised = try #require(measurements.first { $0["change"] as? String == "revised" })
        #expect(revised["indicator"] as? String == "vantetid-bup")
        #expect(revised["old"] as? Double == 83.7)
        #expect(revised["new"] as? Double == 84.1)
        #expect(revised["old_fetched"] as? String == "2023-01-10")
        #expect(revised["new_fetched"] as? String == "2023-02-01")
        #expect(revised["source"] as? String == "Kolada")
        let added = try #require(measurements.first { $0["change"] as? String == "added" })
        #expect(added["date"] as? String == "2022-06-30")
        #expect(added["new"] as? Int == 40)
    }
}
