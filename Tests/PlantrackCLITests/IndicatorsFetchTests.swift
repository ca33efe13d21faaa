import Foundation
import PlantrackCore
import PlantrackGit
import PlantrackTestSupport
import Testing

/// A workspace with one goal whose indicators name Kolada sources, and a mock Kolada server.
final class KoladaFixture {
    let ws: CycleWorkspace
    let server: MockKoladaServer
    /// The goal document's path.
    let goal = "Plans/orebro/2024/goals/bu-st-1.md"

    /// `indicators`: id → (key figure, municipality); `measurements`: YAML lines added under
    /// the first indicator (already recorded values).
    init(indicators: [(id: String, kpi: String, municipality: String)], measurements: String = "") throws {
        ws = try CycleWorkspace()
        server = try MockKoladaServer()
        for arguments in [
            ["init", ".", "--county", "orebro", "--county-name", "Örebro län", "--code", "18"],
            ["new", "plan", "orebro/2024", "--title", "Handlingsplan 2024", "--area", "bu=Barn och unga"],
            ["new", "goal", "orebro/2024/bu-st-1", "--title", "Fler unga får hjälp i tid", "--term", "short", "--area", "bu"],
        ] {
            let result = try ws.run(arguments)
            guard result.status == 0 else { throw TestSetupError("\(arguments): \(result.stderr)") }
        }
        var text = try ws.text(goal)
        var block = "indicators:\n"
        for (index, indicator) in indicators.enumerated() {
            block += """
                  - id: \(indicator.id)
                    title: Indikator \(indicator.id)
                    unit: percent
                    direction: increase
                    source:
                      kolada:
                        kpi: \(indicator.kpi)
                        municipality: "\(indicator.municipality)"
                    baseline:
                      value: 50
                      date: 2022-12-31
                    target:
                      value: 60
                      date: 2024-12-31

                """
            if index == 0 && !measurements.isEmpty { block += measurements }
        }
        guard let end = text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex) else {
            throw TestSetupError("no front matter end in \(goal)")
        }
        text.replaceSubrange(end, with: "\n" + block + "---\n")
        try ws.write(goal, text)
        try ServerSupport.git(["add", "-A"], in: ws.folder.url)
        try ServerSupport.git(
            ["-c", "user.name=T", "-c", "user.email=t@example.se", "commit", "-q", "-m", "sourced indicators"],
            in: ws.folder.url)
    }

    /// The path of a request for key figures, municipalities and years.
    func path(_ kpis: String, _ municipalities: String = "0018", years: String = "2022,2023,2024", query: String = "")
        -> String
    {
        "/v3/data/kpi/\(kpis)/municipality/\(municipalities)/year/\(years)" + query
    }

    /// Runs `indicators fetch` against the mock server.
    func fetch(_ arguments: [String] = []) throws -> CLIResult {
        try ws.run(["indicators", "fetch", "--base-url", server.baseURL, "--year", "2022-2024"] + arguments)
    }

    /// The goal document's bytes, HEAD and the count of commits, to show nothing was written.
    func state() throws -> ([UInt8], ObjectID) {
        (try ws.bytes(goal), try ws.head())
    }
}

/// A v3 data page: rows `(kpi, municipality, period, value)` with `value` as JSON text
/// (`12.5`, `null`, `"x"`), and the next page's URL.
func koladaPage(_ rows: [(String, String, Int, String)], next: String? = nil) -> String {
    let values = rows.map { kpi, municipality, period, value in
        """
        {"kpi": "\(kpi)", "municipality": "\(municipality)", "period": \(period), "values": [{"gender": "T", "status": "", "value": \(value), "count": 1}]}
        """
    }
    var text = "{\"values\": [\(values.joined(separator: ", "))]"
    if let next { text += ", \"next_url\": \"\(next)\"" }
    return text + "}"
}

/// The `requests` figures of `indicators fetch --format json`.
func requestFigures(_ result: CLIResult) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    return try #require(object?["requests"] as? [String: Any], "\(result.stdout)")
}

@Suite("indicators fetch: Kolada over HTTP against a local mock server")
struct IndicatorsFetchTests {
    @Test func followsPagingOverThreePages() throws {
        let f = try KoladaFixture(indicators: [("vantetid", "N74000", "0018")])
        let first = f.path("N74000", query: "?per_page=1")
        let second = f.path("N74000", query: "?page=2&per_page=1")
        let third = f.path("N74000", query: "?page=3&per_page=1")
        let base = "http://127.0.0.1:\(f.server.port)"
        f.server.answer(first, with: [.json(koladaPage([("N74000", "0018", 2022, "71.5")], next: base + second))])
        // A relative next URL is read against the page that names it.
        f.server.answer(second, with: [.json(koladaPage([("N74000", "0018", 2023, "80")], next: third))])
        f.server.answer(third, with: [.json(koladaPage([("N74000", "0018", 2024, "84.1")]))])
        let head = try f.ws.head()
        let result = try f.fetch(["--per-page", "1", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(f.server.requests == [first, second, third])
        let text = try f.ws.text(f.goal)
        #expect(text.contains("value: 71.5"))
        #expect(text.contains("value: 80"))
        #expect(text.contains("value: 84.1"))
        #expect(text.contains("url: \(base)\(third)"))
        #expect(text.contains("period: 2024"))
        // One commit, on top of the one before.
        let repo = try Repository.open(at: f.ws.path)
        #expect(try repo.head().parentIDs == [head])
        #expect(try requestFigures(result)["pages"] as? Int == 3)
        #expect(try requestFigures(result)["sent"] as? Int == 3)
        #expect(try f.ws.dirtyPaths([f.goal]).isEmpty)
    }

    @Test func splitsKeyFiguresIntoBatches() throws {
        let f = try KoladaFixture(indicators: [
            ("a", "N00001", "0018"), ("b", "N00002", "0018"), ("c", "N00003", "0018"),
        ])
        // Years are lists too: 2022-2024 in lists of two.
        let paths = [
            f.path("N00001,N00002", years: "2022,2023"), f.path("N00001,N00002", years: "2024"),
            f.path("N00003", years: "2022,2023"), f.path("N00003", years: "2024"),
        ]
        f.server.answer(
            paths[0], with: [.json(koladaPage([("N00001", "0018", 2023, "1"), ("N00002", "0018", 2023, "2")]))])
        f.server.answer(paths[1], with: [.json(koladaPage([]))])
        f.server.answer(paths[2], with: [.json(koladaPage([("N00003", "0018", 2023, "3")]))])
        f.server.answer(paths[3], with: [.json(koladaPage([]))])
        let result = try f.fetch(["--batch-size", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(f.server.requests == paths)
        let text = try f.ws.text(f.goal)
        for value in ["value: 1\n", "value: 2\n", "value: 3\n"] { #expect(text.contains(value)) }
        // The default batch holds all three: one request.
        let g = try KoladaFixture(indicators: [("a", "N00001", "0018"), ("b", "N00002", "0018")])
        g.server.answer(g.path("N00001,N00002"), with: [.json(koladaPage([("N00001", "0018", 2023, "1")]))])
        #expect(try g.fetch().status == 0)
        #expect(g.server.requests.count == 1)
    }

    @Test func triesAgainAfter429() throws {
        let f = try KoladaFixture(indicators: [("a", "N00001", "0018")])
        f.server.answer(
            f.path("N00001"),
            with: [.status(429, retryAfter: "1"), .json(koladaPage([("N00001", "0018", 2023, "42")]))])
        let result = try f.fetch(["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(f.server.count(f.path("N00001")) == 2)
        #expect(try f.ws.text(f.goal).contains("value: 42"))
        #expect(try requestFigures(result)["retries"] as? Int == 1)
        #expect(try requestFigures(result)["sent"] as? Int == 2)
    }

    @Test func serverErrorAfterRetriesWritesNothing() throws {
        let f = try KoladaFixture(indicators: [("a", "N00001", "0018")])
        f.server.answer(f.path("N00001"), with: [.status(500, body: "{\"error\": \"internal\"}")])
        let before = try f.state()
        let result = try f.fetch(["--attempts", "3"])
        #expect(result.status == 2)
        #expect(f.server.count(f.path("N00001")) == 3)
        #expect(result.stderr.contains("GET \(f.server.baseURL)/data/kpi/N00001/municipality/0018/year/2022,2023,2024"))
        #expect(result.stderr.contains("500"))
        #expect(result.stderr.contains("on all 3 tries"))
        #expect(result.stderr.contains("Nothing was written"))
        #expect(try f.state() == before)
    }

    @Test func unknownKeyFigureIsAnError() throws {
        let f = try KoladaFixture(indicators: [("a", "X99999", "0018")])
        f.server.answer(f.path("X99999"), with: [.status(404, body: "{\"detail\": \"Not Found\"}")])
        let before = try f.state()
        let result = try f.fetch()
        #expect(result.status == 2)
        #expect(f.server.count(f.path("X99999")) == 1)
        #expect(result.stderr.contains("404"))
        #expect(result.stderr.contains("unknown key figure"))
        #expect(try f.state() == before)
    }

    @Test(arguments: [
        ("{\"values\": [{\"kpi\": 12}]", "malformed"),
        (koladaPage([("N00001", "0018", 2023, "\"hög\"")]), "wrong type"),
    ])
    func badAnswerWritesNothing(body: String, what: String) throws {
        let f = try KoladaFixture(indicators: [("a", "N00001", "0018")])
        f.server.answer(f.path("N00001"), with: [.json(body)])
        let before = try f.state()
        let result = try f.fetch()
        #expect(result.status == 2, "\(what)")
        #expect(result.stderr.contains("GET \(f.server.baseURL)/data/kpi/N00001"), "\(what): \(result.stderr)")
        #expect(result.stderr.contains("Nothing was written"))
        #expect(try f.state() == before)
    }

    @Test func answerThatBreaksOffWritesNothing() throws {
        let f = try KoladaFixture(indicators: [("a", "N00001", "0018")])
        f.server.answer(f.path("N00001"), with: [.cut(koladaPage([("N00001", "0018", 2023, "42")]), after: 30)])
        let before = try f.state()
        let result = try f.fetch(["--attempts", "1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("GET \(f.server.baseURL)/data/kpi/N00001"))
        #expect(result.stderr.contains("broke off after 30 bytes"), "\(result.stderr)")
        #expect(try f.state() == before)
    }

    @Test func nextPageOnAnotherHostIsRefused() throws {
        let f = try KoladaFixture(indicators: [("a", "N00001", "0018")])
        f.server.answer(
            f.path("N00001"),
            with: [.json(koladaPage([("N00001", "0018", 2023, "42")], next: "https://kolada.example.org/v3/next"))])
        let before = try f.state()
        let result = try f.fetch()
        #expect(result.status == 2)
        #expect(result.stderr.contains("another host"), "\(result.stderr)")
        #expect(try f.state() == before)
    }

    @Test func silentServerTimesOut() throws {
        let f = try KoladaFixture(indicators: [("a", "N00001", "0018")])
        f.server.answer(f.path("N00001"), with: [.never])
        let before = try f.state()
        let started = Date()
        let result = try f.fetch(["--timeout", "1"])
        #expect(result.status == 2)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.stderr.contains("no answer within 1 s"), "\(result.stderr)")
        #expect(result.stderr.contains("GET \(f.server.baseURL)/data/kpi/N00001"))
        #expect(try f.state() == before)
    }

    @Test func nullValueIsRecordedAsNull() throws {
        let f = try KoladaFixture(indicators: [("a", "N00001", "0018")])
        f.server.answer(f.path("N00001"), with: [.json(koladaPage([("N00001", "0018", 2023, "null")]))])
        let result = try f.fetch()
        #expect(result.status == 0, "\(result.stderr)")
        let text = try f.ws.text(f.goal)
        #expect(text.contains("value: null"))
        #expect(!text.contains("value: 0\n"))
    }

    @Test func revisedValueIsShownAndKept() throws {
        let url = "https://api.kolada.se/v3/data/kpi/N00001/municipality/0018/year/2023"
        let f = try KoladaFixture(
            indicators: [("a", "N00001", "0018")],
            measurements: """
                    measurements:
                      - date: 2023-12-31
                        value: 41
                        source: Kolada
                        kolada:
                          period: 2023
                          fetched: 2026-03-02
                          url: \(url)

                """)
        f.server.answer(f.path("N00001"), with: [.json(koladaPage([("N00001", "0018", 2023, "43.5")]))])
        let result = try f.fetch()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("41"), "\(result.stdout)")
        #expect(result.stdout.contains("43.5"))
        #expect(result.stdout.contains("2026-03-02"))
        let text = try f.ws.text(f.goal)
        #expect(text.contains("value: 43.5"))
        #expect(text.contains("revisions:"))
        #expect(text.contains("value: 41"))
        #expect(text.contains("fetched: 2026-03-02"))
    }

    @Test func dryRunWritesNothing() throws {
        let f = try KoladaFixture(indicators: [("a", "N00001", "0018")])
        f.server.answer(f.path("N00001"), with: [.json(koladaPage([("N00001", "0018", 2023, "42")]))])
        let before = try f.state()
        let result = try f.fetch(["--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("42"))
        #expect(try f.state() == before)
    }

    @Test func badOptionsAreUsageErrors() throws {
        let f = try KoladaFixture(indicators: [("a", "N00001", "0018")])
        let year = try f.ws.run(["indicators", "fetch", "--year", "2023-2019"])
        #expect(year.status == 2)
        #expect(year.stderr.contains("--year 2023-2019"))
        let base = try f.ws.run(["indicators", "fetch", "--base-url", "ftp://x"])
        #expect(base.status == 2)
        #expect(f.server.requests.isEmpty)
    }
}
