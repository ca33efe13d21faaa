import Foundation
import Testing

/// The bundled Plans/' illustrative Kolada sources (docs/indicators.md, "The bundled
/// example"): recorded from docs/examples/kolada-stockholm.json, and drawn by the report.
@Suite("Bundled Plans: Kolada sources")
struct BundledKoladaTests {
    /// The sourced indicators of the Stockholm plans: goal, indicator id, title.
    static let sourced2021 = [
        (
            "bu-ft-st-2", "forsta-bedomning-bup",
            "Andel barn och unga som fått en första bedömning inom barn- och ungdomspsykiatrin inom 30 dagar"
        ),
        ("bu-sk-lt-1", "behoriga-gymnasiet", "Andel elever i årskurs 9 i länet som är behöriga till ett yrkesprogram i gymnasieskolan"),
        ("kk-st-1", "ensamhet-hemtjanst", "Andel äldre med hemtjänst som besväras av ensamhet"),
    ]
    static let sourced2020 = Array(sourced2021.prefix(2))
    static let answer = CLI.packageRoot.appendingPathComponent("docs/examples/kolada-stockholm.json").path
    static let request0001 = "https://api.kolada.se/v3/data/kpi/N15428,N74010/municipality/0001/year/2018,2019,2020,2021"
    static let requestLoneliness = "https://api.kolada.se/v3/data/kpi/U21468/municipality/0001/year/2019,2020,2021"

    /// The HTML figures (`<figure class="ind-figure">…</figure>`) of a report page.
    static func figures(_ page: String) -> [String] {
        page.components(separatedBy: "<figure class=\"ind-figure\">").dropFirst().map { part in
            part.components(separatedBy: "</figure>").first ?? ""
        }
    }

    @Test func theSourcedIndicatorsNameTheirKeyFigureAsIllustrative() throws {
        for (year, goals) in [("2021", Self.sourced2021), ("2020", Self.sourced2020)] {
            for (goal, id, _) in goals {
                let text = try String(
                    contentsOf: CLI.packageRoot.appendingPathComponent("Plans/stockholm/\(year)/goals/\(goal).md"), encoding: .utf8)
                #expect(text.contains("  - id: \(id)\n"))
                #expect(text.contains("      # illustrative: the key figure id was not verified against Kolada"), "\(goal)")
                #expect(text.contains("    baseline: # illustrative: made up"), "\(goal)")
                #expect(text.contains("        source: Kolada\n        kolada:\n"), "\(year)/\(goal) has no recorded value")
            }
        }
    }

    @Test func theValuesAreTheRecordingOfTheExampleAnswer() throws {
        let ws = try CycleWorkspace(bundled: true)
        let head = try ws.head()
        // Recorded already, on the same fetch day: nothing is new, nothing is written.
        let result = try ws.run(["indicators", "import", Self.answer, "--fetched", "2026-02-16"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("unchanged 19"), "\(result.stdout)")
        #expect(!result.stdout.contains("added"), "\(result.stdout)")
        #expect(!result.stdout.contains("revised"), "\(result.stdout)")
        #expect(try ws.head() == head)
        #expect(try ws.dirtyPaths(try ws.files(under: "Plans")).isEmpty)
        // The bundled plans stay clean.
        let validate = try ws.run(["validate"])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(validate.stdout.contains(": 0 errors, 4 warnings"), "\(validate.stdout)")
    }

    @Test(arguments: ["2021", "2020"])
    func theHTMLReportDrawsAChartWithKoladaAttributionPerSourcedIndicator(year: String) throws {
        let ws = try CycleWorkspace(bundled: true)
        let result = try ws.run(["report", "--year", year, "--county", "stockholm", "--lang", "sv"])
        #expect(result.status == 0, "\(result.stderr)")
        let figures = Self.figures(result.stdout)
        let sourced = year == "2021" ? Self.sourced2021 : Self.sourced2020
        for (goal, _, title) in sourced {
            let figure = try #require(figures.first { $0.contains("<figcaption>\(title)<small>") }, "no chart for \(goal)")
            #expect(figure.contains("<svg"))
            #expect(figure.contains("<span class=\"ind-source\">Källa: Kolada</span>"))
            #expect(figure.contains("Kolada \(year), hämtat 2026-02-16"))
        }
        // The hand-typed indicators are drawn too, without Kolada's attribution.
        let handTyped = figures.filter { !$0.contains("Källa: Kolada") }
        #expect(!handTyped.isEmpty)
        #expect(figures.filter { $0.contains("Källa: Kolada") }.count == sourced.count)
    }

    @Test func theMarkdownReportListsTheKoladaValuesWithTheirRequest() throws {
        let ws = try CycleWorkspace(bundled: true)
        let sv = try ws.run(["report", "--year", "2021", "--county", "stockholm", "--format", "markdown", "--lang", "sv"])
        #expect(sv.status == 0, "\(sv.stderr)")
        let section = try #require(sv.stdout.components(separatedBy: "### Värden från Kolada\n").dropFirst().first)
        let table = section.components(separatedBy: "\n\n").first ?? ""
        let lines = table.split(separator: "\n")
        #expect(lines.first == "| Län | Indikator | Senaste | Period | Läge | Källa |")
        #expect(lines.count == 2 + Self.sourced2021.count, "\(table)")
        func escaped(_ url: String) -> String { url.replacingOccurrences(of: "_", with: "\\_") }
        #expect(
            table.contains(
                "| Stockholms län | \(Self.sourced2021[0].2) | 79\u{00A0}% | 2021 | efter plan | Källa: Kolada, N74010 (0001): \(escaped(Self.request0001)) |"
            ), "\(table)")
        #expect(
            table.contains("| 57\u{00A0}% | 2021 | efter plan | Källa: Kolada, U21468 (0001): \(escaped(Self.requestLoneliness)) |"),
            "\(table)")
        let en = try ws.run(["report", "--year", "2021", "--county", "stockholm", "--format", "markdown", "--lang", "en"])
        #expect(en.stdout.contains("### Values from Kolada\n\n| County | Indicator | Latest | Period | Track | Source |"))
        #expect(en.stdout.contains("| 2021 | off track | Källa: Kolada, N15428 (0001): "))
    }
}
