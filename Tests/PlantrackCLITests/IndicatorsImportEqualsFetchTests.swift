import Foundation
import PlantrackCore
import PlantrackGit
import PlantrackTestSupport
import Testing

/// `indicators import` of a saved answer gives the same documents as `indicators fetch` of
/// the same values (issue 21): the mock Kolada server answers workspace A's fetch; the pages
/// it served, saved to a file, are imported into workspace B, made the same way as A; every
/// goal document is then byte-identical between A and B, and both made a commit.
@Suite("indicators import of a saved answer = indicators fetch")
struct IndicatorsImportEqualsFetchTests {
    /// The day a fetch recorded as `fetched` (today, when it ran), read from the document.
    static func fetchedDay(_ text: String) throws -> String {
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("          fetched: ") })
        return String(line.dropFirst("          fetched: ".count))
    }

    /// Workspaces A (fetched into) and B (imported into), made alike; B's server is not asked.
    static func workspaces(_ indicators: [(id: String, kpi: String, municipality: String)]) throws
        -> (a: KoladaFixture, b: KoladaFixture)
    {
        let a = try KoladaFixture(indicators: indicators)
        let b = try KoladaFixture(indicators: indicators)
        #expect(try a.ws.files(under: "Plans") == b.ws.files(under: "Plans"))
        for path in try a.ws.files(under: "Plans") {
            #expect(try a.ws.bytes(path) == b.ws.bytes(path), "\(path) differs before the fetch")
        }
        return (a, b)
    }

    /// Every document of A and B is the same, and each made one commit on top of `heads`.
    static func expectSameDocuments(_ a: KoladaFixture, _ b: KoladaFixture, heads: (ObjectID, ObjectID)) throws {
        #expect(try a.ws.files(under: "Plans") == b.ws.files(under: "Plans"))
        for path in try a.ws.files(under: "Plans") {
            #expect(try a.ws.bytes(path) == b.ws.bytes(path), "\(path) differs between fetch and import")
        }
        #expect(try Repository.open(at: a.ws.path).head().parentIDs == [heads.0])
        #expect(try Repository.open(at: b.ws.path).head().parentIDs == [heads.1])
        #expect(try a.ws.dirtyPaths([a.goal]).isEmpty)
        #expect(try b.ws.dirtyPaths([b.goal]).isEmpty)
    }

    @Test func savedPageImportedWithTheRequestRecordsWhatTheFetchDid() throws {
        let (a, b) = try Self.workspaces([("vantetid", "N74000", "0018"), ("behoriga", "N15428", "0018")])
        let page = koladaPage([
            ("N74000", "0018", 2022, "71.5"), ("N15428", "0018", 2022, "88.4"),
            ("N74000", "0018", 2023, "null"), ("N15428", "0018", 2023, "89"),
            ("N74000", "0018", 2024, "80.25"),
        ])
        let path = a.path("N15428,N74000")
        a.server.answer(path, with: [.json(page)])
        let heads = (try a.ws.head(), try b.ws.head())

        let fetch = try a.fetch()
        #expect(fetch.status == 0, "\(fetch.stderr)")
        #expect(a.server.requests == [path])
        let fetched = try a.ws.text(a.goal)
        #expect(fetched.contains("value: 80.25"))
        #expect(fetched.contains("value: null"))

        try b.ws.write("answer.json", page)
        let request = "http://127.0.0.1:\(a.server.port)\(path)"
        #expect(fetched.contains("url: \(request)\n"))
        let imported = try b.ws.run([
            "indicators", "import", "answer.json", "--request", request, "--fetched", try Self.fetchedDay(fetched),
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(b.server.requests.isEmpty)
        try Self.expectSameDocuments(a, b, heads: heads)
    }

    @Test func pagesOfSeveralRequestsSavedInOneFileRecordWhatTheFetchDid() throws {
        // Two municipalities: two requests; the first answered over two pages.
        let (a, b) = try Self.workspaces([("vantetid", "N74000", "0018"), ("ensamhet", "U21468", "0180")])
        let base = "http://127.0.0.1:\(a.server.port)"
        let first = a.path("N74000", query: "?per_page=2")
        let second = a.path("N74000", query: "?page=2&per_page=2")
        let other = a.path("U21468", "0180", query: "?per_page=2")
        let pages = [
            first: koladaPage([("N74000", "0018", 2022, "71.5"), ("N74000", "0018", 2023, "75")], next: base + second),
            second: koladaPage([("N74000", "0018", 2024, "80.25")]),
            other: koladaPage([("U21468", "0180", 2022, "55"), ("U21468", "0180", 2023, "null")]),
        ]
        for (path, page) in pages { a.server.answer(path, with: [.json(page)]) }
        let heads = (try a.ws.head(), try b.ws.head())

        let fetch = try a.fetch(["--per-page", "2"])
        #expect(fetch.status == 0, "\(fetch.stderr)")
        #expect(Set(a.server.requests) == Set(pages.keys))
        #expect(a.server.requests.count == 3)
        let fetched = try a.ws.text(a.goal)
        #expect(fetched.contains("url: \(base)\(second)\n"))

        // The pages as asked, in one JSON array; the first page of each request names it in
        // `request`, a later page is the previous page's `next_url`.
        let saved = a.server.requests.map { path in
            let page = pages[path] ?? ""
            guard path != second else { return page }
            return "{\"request\": \"\(base)\(path)\", " + page.dropFirst()
        }
        try b.ws.write("answer.json", "[\n" + saved.joined(separator: ",\n") + "\n]\n")
        let imported = try b.ws.run([
            "indicators", "import", "answer.json", "--fetched", try Self.fetchedDay(fetched), "--format", "json",
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        try Self.expectSameDocuments(a, b, heads: heads)
    }
}
