import Foundation
import Testing

/// Performance targets (prestationsmål) through `rollup` and `report`: the figures were
/// worked out by hand below, boundary by boundary.
///
/// alfa/2025 (period 2025-01-01 – 2025-12-31):
/// - st-1 `vantetid` (increase; target date 2025-12-31; measured 85 on 2025-06-30, 90 on
///   2025-11-30, 95 on 2026-01-31):
///   - ≥ 90, 2 000 000: judged on 90 (the 95 is after the target date): met, exactly at it;
///   - ≥ 90.5 by 2025-06-30, 300 000: judged on 85: not met (a second target on the indicator);
///   - ≥ 95 by 2026-03-31, 50 000: the 95 is before `by` but outside the period, so 90: not met.
/// - st-2 `tvang` (decrease; measured 12 on 2025-09-30):
///   - ≤ 12, 500 000: met, exactly at it; ≤ 11.9, 100 000: not met.
/// - st-3 `bedomning`: measured only before the period, and null in it: not assessed, 700 000.
/// alfa: 2 met, 3 not met, 1 not assessed; earned 2 500 000; at risk 450 000 + 700 000 = 1 150 000.
///
/// beta/2025: st-1 `andel` measured 60: ≥ 50, 1 000 000: met; ≥ 70 by 2025-12-31, 250 000:
/// not met.
/// beta: 1 met, 1 not met, 0 not assessed; earned 1 000 000; at risk 250 000.
/// Total 2025: 3 met, 4 not met, 1 not assessed; earned 3 500 000; at risk 1 400 000.
private struct PerformanceWorkspace {
    let repo: TestRepository

    init() throws {
        repo = try TestRepository()
        for (county, code) in [("alfa", "01"), ("beta", "02")] {
            try repo.write(
                "Plans/\(county)/county.md",
                "---\nkind: county\nid: \(county)\nname: \(county.capitalized) län\ncode: \"\(code)\"\n---\n")
            try repo.write(
                "Plans/\(county)/2025/plan.md",
                """
                ---
                kind: plan
                county: \(county)
                year: 2025
                title: Handlingsplan 2025
                version: 1
                status: adopted
                adopted: {date: 2025-01-15, by: Styrgruppen}
                period: {start: 2025-01-01, end: 2025-12-31}
                areas:
                  - {id: bu, title: Barn och unga}
                ---

                """)
            try repo.write(
                "Plans/\(county)/2025/goals/lt-1.md",
                "---\nkind: goal\nid: lt-1\ntitle: Långsiktigt\nterm: long\narea: bu\n---\n")
        }
        func goal(_ county: String, _ id: String, _ lines: String) throws {
            try repo.write(
                "Plans/\(county)/2025/goals/\(id).md",
                "---\nkind: goal\nid: \(id)\ntitle: Mål \(id)\nterm: short\narea: bu\nserves: [lt-1]\n" + lines + "---\n")
        }
        try goal(
            "alfa", "st-1",
            """
            indicators:
              - id: vantetid
                title: Första bedömning inom 30 dagar
                unit: percent
                baseline: {value: 71, date: 2024-12-31}
                target: {value: 90, date: 2025-12-31}
                measurements:
                  - {date: 2025-06-30, value: 85}
                  - {date: 2025-11-30, value: 90}
                  - {date: 2026-01-31, value: 95}
            performance:
              - {indicator: vantetid, threshold: 90, amount_sek: 2000000, funding_stream: Prestationsmedel}
              - {indicator: vantetid, threshold: 90.5, amount_sek: 300000, by: 2025-06-30}
              - {indicator: vantetid, threshold: 95, amount_sek: 50000, by: 2026-03-31}

            """)
        try goal(
            "alfa", "st-2",
            """
            indicators:
              - id: tvang
                title: Tvångsåtgärder per 100 vårdtillfällen
                unit: ratio
                direction: decrease
                baseline: {value: 15, date: 2024-12-31}
                target: {value: 12, date: 2025-12-31}
                measurements:
                  - {date: 2025-09-30, value: 12}
            performance:
              - {indicator: tvang, threshold: 12, amount_sek: 500000}
              - {indicator: tvang, threshold: 11.9, amount_sek: 100000}

            """)
        try goal(
            "alfa", "st-3",
            """
            indicators:
              - id: bedomning
                title: Bedömda inom 30 dagar
                unit: percent
                baseline: {value: 50, date: 2024-12-31}
                target: {value: 90, date: 2025-12-31}
                measurements:
                  - {date: 2024-12-15, value: 95}
                  - {date: 2025-12-31, value: null}
            performance:
              - {indicator: bedomning, threshold: 90, amount_sek: 700000}

            """)
        try goal(
            "beta", "st-1",
            """
            indicators:
              - id: andel
                title: Andel
                unit: percent
                baseline: {value: 40, date: 2024-12-31}
                target: {value: 70, date: 2025-12-31}
                measurements:
                  - {date: 2025-10-31, value: 60}
            performance:
              - {indicator: andel, threshold: 50, amount_sek: 1000000}
              - {indicator: andel, threshold: 70, amount_sek: 250000, by: 2025-12-31}

            """)
    }

    func run(_ arguments: [String]) throws -> CLIResult { try CLI.run(arguments, in: repo.url) }
}

private func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite("performance targets (#21): rollup and report")
struct PerformanceTargetsTests {
    @Test("rollup --format json: per plan (one county's year) and in total, every boundary")
    func rollUpJSON() throws {
        let ws = try PerformanceWorkspace()
        let result = try ws.run(["rollup", "--year", "2025", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try object(result.stdout)
        let plans = try #require(json["plans"] as? [[String: Any]])
        let alfa = try #require(plans.first { $0["county"] as? String == "alfa" }?["performance"] as? [String: Any])
        #expect(alfa["met"] as? Int == 2)
        #expect(alfa["not_met"] as? Int == 3)
        #expect(alfa["not_assessed"] as? Int == 1)
        #expect(alfa["amount_sek"] as? Int == 3_650_000)
        #expect(alfa["earned_sek"] as? Int == 2_500_000)
        #expect(alfa["at_risk_sek"] as? Int == 1_150_000)
        #expect(alfa["not_assessed_sek"] as? Int == 700_000)
        let targets = try #require(alfa["targets"] as? [[String: Any]])
        #expect(targets.map { $0["outcome"] as? String } == ["met", "not-met", "not-met", "met", "not-met", "not-assessed"])
        #expect(targets.map { $0["value"] as? Double } == [90, 85, 90, 12, 12, nil])
        #expect(
            targets.map { $0["by"] as? String } == ["2025-12-31", "2025-06-30", "2026-03-31", "2025-12-31", "2025-12-31", "2025-12-31"])
        #expect(targets[0]["funding_stream"] as? String == "Prestationsmedel")
        #expect(targets[3]["direction"] as? String == "decrease")
        let beta = try #require(plans.first { $0["county"] as? String == "beta" }?["performance"] as? [String: Any])
        #expect(beta["earned_sek"] as? Int == 1_000_000)
        #expect(beta["at_risk_sek"] as? Int == 250_000)
        let total = try #require((json["total"] as? [String: Any])?["performance"] as? [String: Any])
        #expect(total["met"] as? Int == 3)
        #expect(total["not_met"] as? Int == 4)
        #expect(total["not_assessed"] as? Int == 1)
        #expect(total["earned_sek"] as? Int == 3_500_000)
        #expect(total["at_risk_sek"] as? Int == 1_400_000)
        // Grouped by county, the same per county.
        let grouped = try object(try ws.run(["rollup", "--year", "2025", "--format", "json", "--by", "county"]).stdout)
        let groups = try #require(grouped["groups"] as? [[String: Any]])
        let alfaGroup = try #require(groups.first { $0["key"] as? String == "alfa" }?["performance"] as? [String: Any])
        #expect(alfaGroup["earned_sek"] as? Int == 2_500_000)
    }

    @Test("rollup's table: a Prestationsmål section, money per plan and in total")
    func rollUpText() throws {
        let ws = try PerformanceWorkspace()
        let result = try ws.run(["rollup", "--year", "2025"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("Prestationsmål\n"), "\(out)")
        #expect(out.contains("alfa/2025/st-1  vantetid   >= 90    2025-12-31  90 (2025-11-30)  Uppnått"), "\(out)")
        #expect(out.contains("alfa/2025/st-2  tvang      <= 11,9"), "\(out)")
        #expect(out.contains("Ej bedömt"), "\(out)")
        let lines = out.split(separator: "\n").map(String.init)
        // The last "alfa/2025" row is the money table's (the first is the status table's).
        let alfa = try #require(lines.last { $0.hasPrefix("alfa/2025 ") })
        #expect(alfa.split(separator: " ", omittingEmptySubsequences: true) == ["alfa/2025", "2", "3", "1", "2500000", "1150000"])
        let total = try #require(lines.first { $0.hasPrefix("totalt 2025 ") && $0.hasSuffix("1400000") })
        #expect(total.split(separator: " ", omittingEmptySubsequences: true) == ["totalt", "2025", "3", "4", "1", "3500000", "1400000"])
        // English words with --lang en; a workspace without targets has no section.
        #expect(try ws.run(["rollup", "--year", "2025", "--lang", "en"]).stdout.contains("Performance targets\n"))
        let bundled = try CLI.run(["rollup", "--year", "2026"])
        #expect(!bundled.stdout.contains("Prestationsmål"), "\(bundled.stdout)")
    }

    @Test("the follow-up report: met or not per target, money per county and in total")
    func followUpReport() throws {
        let ws = try PerformanceWorkspace()
        let result = try ws.run(["report", "--kind", "redovisning", "--year", "2025", "--format", "markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("## Prestationsmål"), "\(out)")
        #expect(out.contains("| Alfa län | 2 | 3 | 1 | 2\u{A0}500\u{A0}000\u{A0}kr | 1\u{A0}150\u{A0}000\u{A0}kr |"), "\(out)")
        #expect(out.contains("| Beta län | 1 | 1 | 0 | 1\u{A0}000\u{A0}000\u{A0}kr | 250\u{A0}000\u{A0}kr |"), "\(out)")
        #expect(out.contains("| **Totalt** | 3 | 4 | 1 | 3\u{A0}500\u{A0}000\u{A0}kr | 1\u{A0}400\u{A0}000\u{A0}kr |"), "\(out)")
        #expect(
            out.contains(
                "| Alfa län | st-1 | vantetid | ≥ 90 | 31 december 2025 | 90 (30 november 2025) | Uppnått | "
                    + "2\u{A0}000\u{A0}000\u{A0}kr |"),
            "\(out)")
        #expect(out.contains("| Alfa län | st-2 | tvang | ≤ 11,9 | 31 december 2025 | 12 (30 september 2025) | Ej uppnått |"))
        #expect(out.contains("| Alfa län | st-3 | bedomning | ≥ 90 | 31 december 2025 | – | Ej bedömt |"))
        let html = try ws.run(["report", "--kind", "redovisning", "--year", "2025", "--format", "html", "--lang", "en"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("Performance targets"), "\(html.stdout)")
        #expect(html.stdout.contains("SEK 3,500,000"), "\(html.stdout)")
    }

    @Test("rollup --format csv|markdown: the money in columns, the same figures as the table")
    func rollUpCSVAndMarkdown() throws {
        let ws = try PerformanceWorkspace()
        let csv = try ws.run(["rollup", "--year", "2025", "--format", "csv", "--lang", "en"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        #expect(
            Array(header.suffix(5)) == ["TARGETS MET", "TARGETS NOT MET", "TARGETS NOT ASSESSED", "EARNED SEK", "AT RISK SEK"],
            "\(csv.stdout)")
        let alfa = try #require(rows.first { $0.first == "alfa/2025" })
        #expect(Array(alfa.suffix(5)) == ["2", "3", "1", "2500000", "1150000"], "\(csv.stdout)")
        let beta = try #require(rows.first { $0.first == "beta/2025" })
        #expect(Array(beta.suffix(5)) == ["1", "1", "0", "1000000", "250000"], "\(csv.stdout)")
        let total = try #require(rows.first { $0.first == "total 2025" })
        #expect(Array(total.suffix(5)) == ["3", "4", "1", "3500000", "1400000"], "\(csv.stdout)")
        let markdown = try ws.run(["rollup", "--year", "2025", "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(
            markdown.stdout.contains(
                "| PRESTATIONSMÅL UPPNÅTT | PRESTATIONSMÅL EJ UPPNÅTT | PRESTATIONSMÅL EJ BEDÖMT | INTJÄNAT KR | I RISKZONEN KR |\n"),
            "\(markdown.stdout)")
        #expect(markdown.stdout.contains(" | 3 | 4 | 1 | 3500000 | 1400000 |\n"), "\(markdown.stdout)")
        // Without targets, no such columns.
        let bundled = try CLI.run(["rollup", "--year", "2026", "--format", "csv"])
        #expect(!bundled.stdout.contains("PRESTATIONSMÅL"), "\(bundled.stdout)")
    }

    @Test("the status report: money earned and at risk per county and in total")
    func statusReport() throws {
        let ws = try PerformanceWorkspace()
        let result = try ws.run(["report", "--year", "2025", "--format", "markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("## Prestationsmål\n\n3 av 8 uppnådda, 4 ej uppnådda, 1 ej bedömda; "), "\(out)")
        #expect(out.contains("| Alfa län | 2 | 3 | 1 | 2\u{A0}500\u{A0}000\u{A0}kr | 1\u{A0}150\u{A0}000\u{A0}kr |"), "\(out)")
        #expect(out.contains("| **Totalt** | 3 | 4 | 1 | 3\u{A0}500\u{A0}000\u{A0}kr | 1\u{A0}400\u{A0}000\u{A0}kr |"), "\(out)")
        let html = try ws.run(["report", "--year", "2025", "--format", "html", "--lang", "en"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("<h2 id=\"performance\">Performance targets</h2>"), "\(html.stdout)")
        #expect(html.stdout.contains("SEK 3,500,000"), "\(html.stdout)")
        // Without targets the report has no such section.
        let bundled = try CLI.run(["report", "--year", "2026", "--format", "markdown"])
        #expect(!bundled.stdout.contains("Prestationsmål"), "\(bundled.stdout)")
    }
}
