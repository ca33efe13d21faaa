import Foundation
import Testing

/// The JSON `rollup` printed, as Foundation objects.
func rollUpJSON(_ result: CLIResult) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try #require(object as? [String: Any])
}

/// The one plan of a fixture roll-up.
private func onlyPlan(_ json: [String: Any]) throws -> [String: Any] {
    let plans = try #require(json["plans"] as? [[String: Any]])
    try #require(plans.count == 1)
    return plans[0]
}

private func activities(_ figures: [String: Any]) -> [String: Int] {
    (figures["activities"] as? [String: Int]) ?? [:]
}

@Suite("rollup: figures worked out by hand")
struct RollUpFixtureTests {
    @Test("--rev of the first commit: nothing done, nothing overdue on 2021-01-02")
    func firstRevision() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(["rollup", "--rev", fixture.commits[0].hex, "--format", "json"], in: fixture.repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try rollUpJSON(result)
        #expect(json["as_of"] as? String == "2021-01-02")
        #expect(json["revision"] as? String == fixture.commits[0].hex)
        let plan = try onlyPlan(json)
        #expect(activities(plan) == ["planned": 3, "in-progress": 1, "done": 0, "delayed": 0, "cancelled": 0])
        #expect(plan["done_share"] as? Double == 0)
        #expect(plan["overdue"] as? Int == 0)
        #expect(plan["budget_sek"] as? Int == 650_000)
        // Only a1 has spent (90 000); the planned a2–a4 have not.
        #expect(plan["spent_sek"] as? Int == 90_000)
        #expect(plan["funding_sek"] as? Int == 1_000_000)
        let streams = try #require(plan["streams"] as? [[String: Any]])
        #expect(streams.count == 1)
        #expect(streams.first?["stream"] as? String == "Stimulansmedel")
        #expect(streams.first?["budget_sek"] as? Int == 650_000)
        #expect(streams.first?["funding_sek"] as? Int == 1_000_000)
        #expect(
            plan["goals"] as? [String: Int]
                == ["not-assessed": 0, "on-track": 1, "at-risk": 1, "off-track": 0, "achieved": 0])
        let indicators = try #require(plan["indicators"] as? [[String: Any]])
        #expect(indicators.map { $0["id"] as? String } == ["i1", "i2"])
        #expect(indicators.map { $0["progress"] as? Double } == [50, 25])
        // On 2021-01-02 (each activity starts 2021-01-01): a2 (planned, no progress, due
        // 01-04) has had 2 of its 4 days, 50 % > 0 + 20: behind; a4 (due 01-03) 2 of 3 days,
        // 66.7 %: behind; a3 (due 06-30) 2 of 181 days: on schedule; a1 is in progress
        // without a progress: not judged. 2 of 4 off schedule = 50 %: red.
        let schedule = try #require(plan["schedule"] as? [String: Int])
        #expect(schedule == ["on-schedule": 1, "behind": 2, "overdue": 0, "delayed": 0, "not-judged": 1])
        #expect(plan["off_schedule"] as? Int == 2)
        #expect(plan["light"] as? String == "red")
        #expect(result.stderr.isEmpty)
    }

    @Test("--rev of the third commit: one done, one cancelled")
    func thirdRevision() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(["rollup", "--rev", fixture.commits[2].hex, "--format", "json"], in: fixture.repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try rollUpJSON(result)
        #expect(json["as_of"] as? String == "2021-01-04")
        let plan = try onlyPlan(json)
        #expect(activities(plan) == ["planned": 1, "in-progress": 1, "done": 1, "delayed": 0, "cancelled": 1])
        #expect(plan["done_share"] as? Double == 33.3)
        // a2 is due 2021-01-04: not before the as-of day.
        #expect(plan["overdue"] as? Int == 0)
        // The cancelled a4's budget no longer counts; what it spent does.
        #expect(plan["budget_sek"] as? Int == 600_000)
        #expect(plan["spent_sek"] as? Int == 150_000)
        let total = try #require(json["total"] as? [String: Any])
        #expect(activities(total) == activities(plan))
    }

    @Test("--as-of 2021-01-03 reads the second commit")
    func asOfSecondDay() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(["rollup", "--as-of", "2021-01-03", "--format", "json"], in: fixture.repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try rollUpJSON(result)
        #expect(json["revision"] as? String == fixture.commits[1].hex)
        #expect(json["as_of"] as? String == "2021-01-03")
        let plan = try onlyPlan(json)
        #expect(activities(plan) == ["planned": 3, "in-progress": 0, "done": 1, "delayed": 0, "cancelled": 0])
        #expect(plan["done_share"] as? Double == 25)
        // a4 is due 2021-01-03: not before the day.
        #expect(plan["overdue"] as? Int == 0)
    }

    @Test("--as-of 2021-01-06 reads the last commit, skips the invalid activity and finds a2 overdue")
    func asOfAfterLastCommit() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(["rollup", "--as-of", "2021-01-06", "--format", "json", "--allow-invalid"], in: fixture.repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try rollUpJSON(result)
        #expect(json["incomplete"] as? Bool == true)
        #expect((json["excluded"] as? [[String: String]]) == [["path": "Plans/stockholm/2021/activities/a5.md", "reason": "errors"]])
        #expect(json["revision"] as? String == fixture.commits[3].hex)
        let plan = try onlyPlan(json)
        #expect(activities(plan) == ["planned": 1, "in-progress": 1, "done": 1, "delayed": 0, "cancelled": 1])
        #expect(plan["overdue"] as? Int == 1)
        #expect(plan["light"] as? String == "yellow")
        #expect(result.stderr.contains("1 document left out"))
        #expect(result.stderr.contains("a5.md"))
        #expect(result.stderr.contains("plantrack validate"))
    }

    @Test("--as-of before the first commit is an error")
    func asOfBeforeHistory() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(["rollup", "--as-of", "2020-12-31"], in: fixture.repo.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--as-of 2020-12-31 is before the first commit"), "\(result.stderr)")
        // Says when the history starts, and how to read that first commit.
        let first = fixture.commits[0].abbreviated
        #expect(
            result.stderr.contains(
                "the first commit (\(first)) is dated 2021-01-02: use --as-of 2021-01-02 or later, "
                    + "or --rev \(first) to read that commit"), "\(result.stderr)")
    }

    @Test("--rev and --as-of together are refused")
    func revAndAsOf() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(["rollup", "--rev", "HEAD", "--as-of", "2021-01-03"], in: fixture.repo.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot be used together"))
    }
}

@Suite("rollup: formats")
struct RollUpFormatTests {
    @Test("table lists each plan, its light and the total")
    func table() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(["rollup", "--rev", fixture.commits[2].hex, "--lang", "en"], in: fixture.repo.url)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ITEM ") == true)
        #expect(lines.contains { $0.hasPrefix("stockholm/2021") && $0.contains("yellow") && $0.contains("33.3") })
        #expect(lines.contains { $0.hasPrefix("total") })
    }

    @Test("csv for a Swedish Excel: semicolons, BOM, CRLF, RFC 4180 quoting")
    func csv() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(
            ["rollup", "--rev", fixture.commits[2].hex, "--format", "csv", "--delimiter", ";", "--bom"],
            in: fixture.repo.url)
        #expect(result.status == 0)
        // No language in the workspace: Swedish headings, words and decimal comma.
        #expect(
            result.stdout.hasPrefix(
                "\u{FEFF}PLAN;TRAFIKLJUS;EJ PÅBÖRJAD;PÅGÅENDE;GENOMFÖRD;FÖRSENAD;AVBRUTEN;"
                    + "ANDEL GENOMFÖRDA %;FÖRFALLNA;EFTER PLAN;BUDGETERAT KR;FÖRBRUKAT KR;TILLDELAT KR;"
                    + "ENLIGT PLAN;RISK FÖR AVVIKELSE;AVVIKELSE;UPPNÅTT;EJ BEDÖMT;MÅL EFTER PLAN;LÄNKAR ATT GRANSKA\r\n"),
            "\(result.stdout)")
        // Yellow by the at-risk goal bu-st-1; nothing behind (a2 is in progress without a progress).
        #expect(
            result.stdout.contains("\r\nstockholm/2021;gul;1;1;1;0;1;33,3;0;0;600000;150000;1000000;1;1;0;0;0;0;0\r\n"),
            "\(result.stdout)")
        #expect(result.stdout.contains("\r\ntotalt 2021;;1;1;1;0;1;33,3;"))
        #expect(result.stdout.hasSuffix("\r\n"))
    }

    @Test("csv quotes fields holding the delimiter")
    func csvQuoting() throws {
        let fixture = try RollUpFixture()
        // A comma as delimiter makes the Swedish done share "33,3" hold it; a period the English "33.3".
        let swedish = try CLI.run(["rollup", "--rev", fixture.commits[2].hex, "--format", "csv"], in: fixture.repo.url)
        #expect(swedish.stdout.contains(",\"33,3\","))
        let english = try CLI.run(
            [
                "rollup", "--rev", fixture.commits[2].hex, "--format", "csv", "--delimiter", ".",
                "--lang", "en",
            ], in: fixture.repo.url)
        #expect(english.stdout.contains(".\"33.3\"."))
    }

    @Test("markdown is a pipe table")
    func markdown() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(
            ["rollup", "--rev", fixture.commits[2].hex, "--format", "markdown", "--lang", "en"],
            in: fixture.repo.url)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("| ITEM | TRAFFIC LIGHT | PLANNED | IN PROGRESS | DONE |") == true)
        #expect(lines.dropFirst().first?.hasPrefix("| --- | --- | ---: |") == true)
        #expect(lines.contains { $0.hasPrefix("| stockholm/2021 | yellow | 1 | 1 | 1 | 0 | 1 | 33.3 |") })
    }

    @Test("--by area and --by priority group the figures")
    func grouping() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(
            ["rollup", "--rev", fixture.commits[2].hex, "--format", "json", "--by", "priority"],
            in: fixture.repo.url)
        let json = try rollUpJSON(result)
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(groups.map { $0["key"] as? String } == ["prioritized"])
        #expect(groups.first?["budget_sek"] as? Int == 600_000)
    }

    @Test("--county and --year filter the plans")
    func filters() throws {
        let fixture = try RollUpFixture()
        let other = try CLI.run(
            ["rollup", "--rev", fixture.commits[2].hex, "--format", "json", "--county", "uppsala"],
            in: fixture.repo.url)
        // The fixture has no uppsala folder: an error naming it, not empty figures.
        #expect(other.status == 1 && other.stdout.isEmpty)
        #expect(other.stderr.contains("no uppsala in "), "\(other.stderr)")
        let own = try CLI.run(
            ["rollup", "--rev", fixture.commits[2].hex, "--format", "json", "--county", "stockholm"],
            in: fixture.repo.url)
        #expect((try rollUpJSON(own)["plans"] as? [Any])?.isEmpty == false)
        let year = try CLI.run(
            ["rollup", "--rev", fixture.commits[2].hex, "--format", "json", "--year", "2021"],
            in: fixture.repo.url)
        #expect((try rollUpJSON(year)["plans"] as? [Any])?.count == 1)
    }
}
