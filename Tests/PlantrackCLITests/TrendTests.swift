import Foundation
import Testing

private func trendPoints(_ result: CLIResult) throws -> [[String: Any]] {
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    let json = try #require(object as? [String: Any])
    return try #require(json["points"] as? [[String: Any]])
}

@Suite("trend")
struct TrendTests {
    @Test("weekly points on the fixture take the last commit on or before each Sunday")
    func fixtureWeeks() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(
            [
                "trend", "--since", "2021-01-01", "--until", "2021-01-17", "--every", "week", "--format", "json",
                "--allow-invalid",
            ], in: fixture.repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let points = try trendPoints(result)
        // From C4 on, a5 (no status) is left out: those points say so, the first does not.
        #expect(points.map { ($0["excluded"] as? [String])?.count } == [0, 1, 1])
        #expect((points.last?["excluded"] as? [String]) == ["Plans/stockholm/2021/activities/a5.md"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["incomplete"] as? Bool == true)
        #expect((json["excluded"] as? [[String: String]]) == [["path": "Plans/stockholm/2021/activities/a5.md", "reason": "errors"]])
        #expect(points.map { $0["date"] as? String } == ["2021-01-03", "2021-01-10", "2021-01-17"])
        #expect(points.map { $0["commit"] as? String } == [fixture.commits[1].hex, fixture.commits[3].hex, fixture.commits[3].hex])
        #expect(points.map { $0["done_share"] as? Double } == [25, 33.3, 33.3])
        #expect(
            points.first?["activities"] as? [String: Int]
                == ["planned": 3, "in-progress": 0, "done": 1, "delayed": 0, "cancelled": 0])
    }

    @Test("a point before the first commit has no commit")
    func beforeHistory() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(
            [
                "trend", "--since", "2020-12-01", "--until", "2021-01-31", "--format", "json",
                "--allow-invalid",
            ], in: fixture.repo.url)
        let points = try trendPoints(result)
        #expect(points.count == 2)
        #expect(points.first?["commit"] is NSNull)
        #expect(points.last?["commit"] as? String == fixture.commits[3].hex)
    }

    @Test("table ends with a sparkline; no progress bar off a terminal")
    func table() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(
            ["trend", "--since", "2021-01-01", "--until", "2021-01-03", "--every", "week", "--lang", "en"],
            in: fixture.repo.url)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("DATE ") == true)
        #expect(lines.last == "done % ▃")
        #expect(result.stderr.isEmpty)
    }

    @Test("csv with semicolons and a BOM")
    func csv() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(
            [
                "trend", "--since", "2021-01-01", "--until", "2021-01-04", "--every", "week",
                "--format", "csv", "--delimiter", ";", "--bom",
            ], in: fixture.repo.url)
        // Swedish headings (the workspace names no language) and the decimal comma.
        #expect(result.stdout.hasPrefix("\u{FEFF}DATUM;INCHECKNING;ÅR;EJ PÅBÖRJAD;PÅGÅENDE;GENOMFÖRD;"))
        // On 2021-01-03 a2 (due 01-04: 75 % of its time passed) and a4 (due that day: 100 %)
        // are planned without progress: 2 behind.
        #expect(result.stdout.contains("\r\n2021-01-03;\(fixture.commits[1].abbreviated);2021;3;0;1;0;0;25,0;0;2\r\n"))
    }

    @Test("property: every point of a generated history equals rollup at that point's commit and day")
    func matchesRollUp() throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("repo")
        let generated = try CLI.run(
            [
                "--out", out.path, "--entities", "3", "--years", "1", "--commits-per-year", "40",
                "--first-year", "2021",
            ], executable: "plantrack-generate")
        try #require(generated.status == 0, "\(generated.stderr)")
        let result = try CLI.run(
            [
                "trend", "--since", "2020-12-01", "--until", "2022-01-31", "--every", "week",
                "--format", "json", "--allow-invalid",
            ], in: out)
        #expect(result.status == 0, "\(result.stderr)")
        let points = try trendPoints(result)
        #expect(points.count > 50)
        var checkedCommits: Set<String> = []
        for point in points {
            let date = try #require(point["date"] as? String)
            guard let commit = point["commit"] as? String else {
                #expect(point["done_share"] is NSNull)
                continue
            }
            let asOf = try rollUpJSON(CLI.run(["rollup", "--as-of", date, "--format", "json", "--allow-invalid"], in: out))
            let total = try #require(asOf["total"] as? [String: Any])
            #expect(asOf["revision"] as? String == commit, "\(date)")
            #expect((asOf["excluded"] as? [[String: String]])?.map { $0["path"] } == (point["excluded"] as? [String]), "\(date)")
            #expect(total["activities"] as? [String: Int] == point["activities"] as? [String: Int], "\(date)")
            #expect(total["done_share"] as? Double == point["done_share"] as? Double, "\(date)")
            if checkedCommits.insert(commit).inserted {
                let atRev = try rollUpJSON(CLI.run(["rollup", "--rev", commit, "--format", "json", "--allow-invalid"], in: out))
                let revTotal = try #require(atRev["total"] as? [String: Any])
                #expect(revTotal["activities"] as? [String: Int] == point["activities"] as? [String: Int], "\(commit)")
                #expect(revTotal["done_share"] as? Double == point["done_share"] as? Double, "\(commit)")
            }
        }
        #expect(checkedCommits.count > 10)
    }

    @Test("a document with errors at a point fails the trend (exit 1) unless --allow-invalid, which marks it in every format")
    func incomplete() throws {
        let fixture = try RollUpFixture()
        let arguments = ["trend", "--since", "2021-01-01", "--until", "2021-01-10", "--every", "week"]
        let refused = try CLI.run(arguments, in: fixture.repo.url)
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        // The finding with file:line:column, the point, and what to do.
        #expect(refused.stderr.contains("Plans/stockholm/2021/activities/a5.md:2:1: error: [schema.required]"), "\(refused.stderr)")
        #expect(refused.stderr.contains("at 2021-01-10 (commit \(fixture.commits[3].abbreviated)):"))
        let longer = try CLI.run(["trend", "--since", "2021-01-01", "--until", "2021-01-24", "--every", "week"], in: fixture.repo.url)
        #expect(longer.stderr.contains("at 2021-01-10 (commit \(fixture.commits[3].abbreviated)) and 2 later points:"))
        #expect(refused.stderr.contains("plantrack validate") && refused.stderr.contains("--allow-invalid"))

        let table = try CLI.run(arguments + ["--allow-invalid"], in: fixture.repo.url)
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "SIFFRORNA ÄR OFULLSTÄNDIGA: 1 dokument saknas i siffrorna. Kör plantrack validate för detaljer.")
        #expect(lines.dropFirst().first == "  Plans/stockholm/2021/activities/a5.md: har fel")
        #expect(lines.contains { $0.hasPrefix("DATUM") && $0.hasSuffix("SAKNADE DOKUMENT") })
        #expect(lines.contains { $0.hasPrefix("2021-01-03") && $0.hasSuffix(" 0") })
        #expect(lines.contains { $0.hasPrefix("2021-01-10") && $0.hasSuffix(" 1") })

        let csv = try CLI.run(arguments + ["--allow-invalid", "--format", "csv", "--lang", "en"], in: fixture.repo.url)
        #expect(csv.status == 0)
        #expect(
            csv.stdout.hasPrefix(
                "THE FIGURES ARE INCOMPLETE: 1 document is missing from the figures. "
                    + "Run plantrack validate for details.\r\n"
                    + "Plans/stockholm/2021/activities/a5.md,has errors\r\n\r\nDATE,COMMIT,YEAR,PLANNED,"), "\(csv.stdout)")
        #expect(csv.stdout.contains(",MISSING DOCUMENTS\r\n"))
    }

    @Test("an empty trend says why and what to try")
    func emptyTrendSaysWhy() throws {
        let fixture = try RollUpFixture()
        // Within one month: no month end to take a point at.
        let noEnd = try CLI.run(["trend", "--since", "2021-01-02", "--until", "2021-01-20"], in: fixture.repo.url)
        #expect(noEnd.status == 0)
        #expect(noEnd.stderr.contains("no month ends between 2021-01-02 and 2021-01-20"), "\(noEnd.stderr)")
        #expect(noEnd.stderr.contains("--every week"))
        // Before the first commit.
        let early = try CLI.run(["trend", "--since", "2020-10-01", "--until", "2020-12-31"], in: fixture.repo.url)
        #expect(early.status == 0)
        #expect(early.stderr.contains("nothing was committed on or before 2020-12-31"), "\(early.stderr)")
        #expect(early.stderr.contains("the first commit is dated 2021-01-02: try --until 2021-01-02 or later"))
        // A filter that matches no plan.
        let none = try CLI.run(
            ["trend", "--since", "2021-01-01", "--until", "2021-01-04", "--every", "week", "--year", "2030"],
            in: fixture.repo.url)
        #expect(none.status == 0)
        #expect(none.stderr.contains("no plan figures at any point") && none.stderr.contains("--year 2030"), "\(none.stderr)")
        // Figures: no note.
        let some = try CLI.run(["trend", "--since", "2021-01-01", "--until", "2021-01-04", "--every", "week"], in: fixture.repo.url)
        #expect(some.stderr.isEmpty)
    }
}
