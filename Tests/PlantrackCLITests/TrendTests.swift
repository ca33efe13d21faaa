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
        let result = try CLI.run(["trend", "--since", "2021-01-01", "--until", "2021-01-17", "--every", "week", "--format", "json"],
                                 in: fixture.repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let points = try trendPoints(result)
        #expect(points.map { $0["date"] as? String } == ["2021-01-03", "2021-01-10", "2021-01-17"])
        #expect(points.map { $0["commit"] as? String } == [fixture.commits[1].hex, fixture.commits[3].hex, fixture.commits[3].hex])
        #expect(points.map { $0["done_share"] as? Double } == [25, 33.3, 33.3])
        #expect(points.first?["activities"] as? [String: Int]
                == ["planned": 3, "in-progress": 0, "done": 1, "delayed": 0, "cancelled": 0])
    }

    @Test("a point before the first commit has no commit")
    func beforeHistory() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(["trend", "--since", "2020-12-01", "--until", "2021-01-31", "--format", "json"],
                                 in: fixture.repo.url)
        let points = try trendPoints(result)
        #expect(points.count == 2)
        #expect(points.first?["commit"] is NSNull)
        #expect(points.last?["commit"] as? String == fixture.commits[3].hex)
    }

    @Test("table ends with a sparkline; no progress bar off a terminal")
    func table() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(["trend", "--since", "2021-01-01", "--until", "2021-01-17", "--every", "week"],
                                 in: fixture.repo.url)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("DATE") == true)
        #expect(lines.last == "done % ▃▃▃")
        #expect(result.stderr.isEmpty)
    }

    @Test("csv with semicolons and a BOM")
    func csv() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(["trend", "--since", "2021-01-01", "--until", "2021-01-10", "--every", "week",
                                  "--format", "csv", "--delimiter", ";", "--bom"], in: fixture.repo.url)
        #expect(result.stdout.hasPrefix("\u{FEFF}DATE;COMMIT;YEAR;PLANNED"))
        #expect(result.stdout.contains("\r\n2021-01-03;\(fixture.commits[1].abbreviated);2021;3;0;1;0;0;25.0;0\r\n"))
    }

    @Test("property: every point of a generated history equals rollup at that point's commit and day")
    func matchesRollUp() throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("repo")
        let generated = try CLI.run(["--out", out.path, "--entities", "3", "--years", "1", "--commits-per-year", "40",
                                     "--first-year", "2021"], executable: "plantrack-generate")
        try #require(generated.status == 0, "\(generated.stderr)")
        let result = try CLI.run(["trend", "--since", "2020-12-01", "--until", "2022-01-31", "--every", "week",
                                  "--format", "json"], in: out)
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
            let asOf = try rollUpJSON(CLI.run(["rollup", "--as-of", date, "--format", "json"], in: out))
            let total = try #require(asOf["total"] as? [String: Any])
            #expect(asOf["revision"] as? String == commit, "\(date)")
            #expect(total["activities"] as? [String: Int] == point["activities"] as? [String: Int], "\(date)")
            #expect(total["done_share"] as? Double == point["done_share"] as? Double, "\(date)")
            if checkedCommits.insert(commit).inserted {
                let atRev = try rollUpJSON(CLI.run(["rollup", "--rev", commit, "--format", "json"], in: out))
                let revTotal = try #require(atRev["total"] as? [String: Any])
                #expect(revTotal["activities"] as? [String: Int] == point["activities"] as? [String: Int], "\(commit)")
                #expect(revTotal["done_share"] as? Double == point["done_share"] as? Double, "\(commit)")
            }
        }
        #expect(checkedCommits.count > 10)
    }
}
