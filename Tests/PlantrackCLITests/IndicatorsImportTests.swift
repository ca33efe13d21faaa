import Foundation
import PlantrackCore
import PlantrackGit
import Testing

/// `plantrack indicators import`: saved Kolada answers and CSV exports recorded as
/// measurements with provenance, through the binary.
@Suite("indicators import")
struct IndicatorsImportTests {
    static let goalPath = "Plans/stockholm/2021/goals/bu-kolada.md"

    /// A goal whose indicator names a Kolada source, with a measurement typed by hand on
    /// 2019-12-31 (the date Kolada's 2019 value would take).
    static let goal = """
        ---
        kind: goal
        id: bu-kolada
        title: Kortare väntetid till en första bedömning inom barn- och ungdomspsykiatrin
        term: short
        area: bu-ft
        serves:
          - bu-ft-lt-1
        assessment: not-assessed
        indicators:
          - id: vantetid-bup
            title: Andel första bedömningar inom 30 dagar
            unit: percent
            direction: increase
            source:
              kolada:
                kpi: N74000
                municipality: "0001"
            baseline:
              value: 71
              date: 2019-12-31
            target:
              value: 90
              date: 2021-12-31
            measurements:
              - date: 2019-12-31 # typed by hand
                value: 70
                source: Samverkanskansliet
        ---

        Ett testmål med en indikator från Kolada.

        """

    static let request = "https://api.kolada.se/v3/data/kpi/N74000/municipality/0001/year/2019,2020,2021"

    /// A v3 answer: a value for 2019 (a hand-typed measurement stands there), 2020 (with a
    /// value for women too), a null for 2021, and two values no indicator names.
    static func answer(value2020: String = "78.2") -> String {
        """
        {"values": [
          {"kpi": "N74000", "municipality": "0001", "period": 2019,
           "values": [{"gender": "T", "status": "", "value": 71.5, "count": 1}]},
          {"kpi": "N74000", "municipality": "0001", "period": 2020,
           "values": [{"gender": "K", "status": "", "value": 80.0, "count": 1},
                      {"gender": "T", "status": "", "value": \(value2020), "count": 1}]},
          {"kpi": "N74000", "municipality": "0001", "period": 2021,
           "values": [{"gender": "T", "status": "", "value": null, "count": 0}]},
          {"kpi": "N74000", "municipality": "0180", "period": 2021,
           "values": [{"gender": "T", "status": "", "value": 55, "count": 1}]},
          {"kpi": "N99999", "municipality": "0001", "period": 2021,
           "values": [{"gender": "T", "status": "", "value": 3, "count": 1}]}
        ], "next_url": null}

        """
    }

    /// The same values as ``answer(value2020:)``, as a CSV export with decimal commas.
    static let csv = """
        kpi;municipality;municipality_name;period;gender;value;status
        N74000;0001;Region Stockholm;2019;T;71,5;
        N74000;0001;Region Stockholm;2020;K;80,0;
        N74000;0001;Region Stockholm;2020;T;78,2;
        N74000;0001;Region Stockholm;2021;T;;
        N74000;0180;Stockholm;2021;T;55;
        N99999;0001;Region Stockholm;2021;T;3;

        """

    static func workspace() throws -> CycleWorkspace {
        let ws = try CycleWorkspace(bundled: true)
        try ws.write(goalPath, goal)
        let signature = Author(name: "Test Samordnare", email: "samordnare@example.se", time: 1_609_459_300)
        try ws.repository.commitWorkingFiles([goalPath], message: "a goal with a Kolada source\n", signature: signature)
        return ws
    }

    @Test func importRecordsMeasurementsWithProvenance() throws {
        let ws = try Self.workspace()
        try ws.write("answer.json", Self.answer())
        let head = try ws.head()
        let result = try ws.run(["indicators", "import", "answer.json", "--fetched", "2026-03-02", "--request", Self.request])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("added 2"))
        #expect(result.stdout.contains("+ stockholm/2021/bu-kolada vantetid-bup 2020: 78.2"))
        #expect(result.stdout.contains("+ stockholm/2021/bu-kolada vantetid-bup 2021: null"))
        #expect(result.stdout.contains("has a measurement typed by hand on 2019-12-31, which is kept"))
        #expect(result.stdout.contains("N74000 0180 T 2021: 55: no indicator names this key figure and municipality"))
        #expect(result.stdout.contains("N99999 0001 T 2021: 3: no indicator names"))
        #expect(result.stdout.contains("committed "))
        let text = try ws.text(Self.goalPath)
        // The hand-typed measurement and every byte before the new ones stay as they were.
        let kept = try #require(Self.goal.components(separatedBy: "\n---\n").first)
        #expect(text.hasPrefix(kept))
        #expect(text.contains("      - date: 2019-12-31 # typed by hand\n        value: 70\n        source: Samverkanskansliet\n"))
        #expect(
            text.contains(
                """
                      - date: 2020-12-31
                        value: 78.2
                        source: Kolada
                        kolada:
                          period: 2020
                          fetched: 2026-03-02
                          url: \(Self.request)
                      - date: 2021-12-31
                        value: null
                        source: Kolada
                        kolada:
                          period: 2021
                          fetched: 2026-03-02
                          url: \(Self.request)
                """))
        #expect(!text.contains("55"))
        #expect(!text.contains("80"))
        // One commit of that file, its message listing what was added.
        let repo = try Repository.open(at: ws.path)
        let commit = try repo.head()
        #expect(commit.parentIDs == [head])
        let changed = try repo.changes(from: repo.commit(head).tree(), to: commit.tree())
        #expect(changed.map(\.path) == [Self.goalPath])
        #expect(commit.summary == "Record Kolada values: 2 added")
        #expect(commit.message.contains("+ stockholm/2021/bu-kolada vantetid-bup 2020: 78.2"))
        // The workspace stays valid, and the null is no figure: the latest value is 2020's.
        let validate = try ws.run(["validate"])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let document = try Workspace.read(from: DirectorySnapshot(root: ws.path)).documents.first { $0.path == Self.goalPath }
        let indicator = try #require(try document.map(Goal.init(document:))?.indicators.first)
        #expect(indicator.latest?.value == 78.2)
        #expect(indicator.missingValues.map(\.date.description) == ["2021-12-31"])
        // A second import of the same answer changes nothing: not even the fetch day.
        let bytes = try ws.bytes(Self.goalPath)
        let again = try ws.run(["indicators", "import", "answer.json", "--fetched", "2026-12-07", "--request", Self.request])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("unchanged 2"))
        #expect(again.stdout.contains("nothing changed"))
        #expect(try ws.bytes(Self.goalPath) == bytes)
        #expect(try ws.head() == commit.id)
    }

    @Test func revisedValueShowsOldAndNewAndKeepsTheOld() throws {
        let ws = try Self.workspace()
        try ws.write("answer.json", Self.answer())
        let first = try ws.run(["indicators", "import", "answer.json", "--fetched", "2026-03-02", "--request", Self.request])
        #expect(first.status == 0, "\(first.stderr)")
        try ws.write("answer.json", Self.answer(value2020: "79.0"))
        let second = try ws.run(["indicators", "import", "answer.json", "--fetched", "2026-12-07"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("revised 1"))
        #expect(
            second.stdout.contains("~ stockholm/2021/bu-kolada vantetid-bup 2020: 78.2 → 79 (fetched 2026-03-02 → 2026-12-07)"))
        #expect(second.stdout.contains("unchanged 1"))
        let text = try ws.text(Self.goalPath)
        #expect(
            text.contains(
                """
                      - date: 2020-12-31
                        value: 79
                        source: Kolada
                        kolada:
                          period: 2020
                          fetched: 2026-12-07
                          url: file:answer.json
                        revisions:
                          - value: 78.2
                            fetched: 2026-03-02
                            url: \(Self.request)
                """))
        let json = try ws.run(["indicators", "import", "answer.json", "--fetched", "2026-12-08", "--format", "json", "--dry-run"])
        #expect(json.status == 0, "\(json.stderr)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(parsed["unchanged"] as? Int == 2)
        #expect((parsed["revised"] as? [Any])?.isEmpty == true)
        #expect(parsed["dry_run"] as? Bool == true)
        let log = try ws.messages()
        #expect(log.first == "Record Kolada values: 1 revised")
    }

    @Test func jsonReportNamesOldAndNew() throws {
        let ws = try Self.workspace()
        try ws.write("answer.json", Self.answer())
        #expect(try ws.run(["indicators", "import", "answer.json", "--fetched", "2026-03-02"]).status == 0)
        try ws.write("answer.json", Self.answer(value2020: "79.5"))
        let result = try ws.run(["indicators", "import", "answer.json", "--fetched", "2026-12-07", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let revised = try #require((parsed["revised"] as? [[String: Any]])?.first)
        #expect(revised["goal"] as? String == "stockholm/2021/bu-kolada")
        #expect((revised["old"] as? [String: Any])?["value"] as? Double == 78.2)
        #expect((revised["old"] as? [String: Any])?["fetched"] as? String == "2026-03-02")
        #expect((revised["new"] as? [String: Any])?["value"] as? Double == 79.5)
        #expect((revised["new"] as? [String: Any])?["fetched"] as? String == "2026-12-07")
        let skipped = try #require(parsed["skipped"] as? [[String: Any]])
        #expect(skipped.map { $0["reason"] as? String } == ["no-indicator", "no-indicator", "hand-typed"])
        #expect((parsed["missing"] as? [[String: Any]])?.first?["period"] as? Int == 2021)
        #expect((parsed["commit"] as? String)?.count == 40)
    }

    @Test func csvGivesTheSameDocumentsAsJSON() throws {
        let fromJSON = try Self.workspace()
        try fromJSON.write("answer.json", Self.answer())
        let json = try fromJSON.run(["indicators", "import", "answer.json", "--fetched", "2026-03-02", "--request", Self.request])
        #expect(json.status == 0, "\(json.stderr)")
        let fromCSV = try Self.workspace()
        try fromCSV.write("export.csv", Self.csv)
        let csv = try fromCSV.run(["indicators", "import", "export.csv", "--fetched", "2026-03-02", "--request", Self.request])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(try fromCSV.bytes(Self.goalPath) == fromJSON.bytes(Self.goalPath))
        // The same report, but for the commit's id.
        func report(_ stdout: String) -> [Substring] { stdout.split(separator: "\n").filter { !$0.hasPrefix("committed ") } }
        #expect(report(csv.stdout) == report(json.stdout))
    }

    @Test func malformedFileWritesNothing() throws {
        let ws = try Self.workspace()
        let before = try ws.bytes(Self.goalPath)
        let head = try ws.head()
        // A body that breaks off.
        let cut = String(Self.answer().prefix(200))
        try ws.write("cut.json", cut)
        let broken = try ws.run(["indicators", "import", "cut.json"])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("cut.json:4:"), "\(broken.stderr)")
        #expect(broken.stderr.contains("the answer breaks off"))
        #expect(broken.stderr.contains("Nothing was written"))
        // A value of the wrong type: a string with a decimal comma.
        try ws.write("typed.json", Self.answer(value2020: "\"78,2\""))
        let typed = try ws.run(["indicators", "import", "typed.json"])
        #expect(typed.status != 0)
        #expect(
            typed.stderr.contains("typed.json:6:54: values[1].values[1].value: expected a number or null, found string \"78,2\""),
            "\(typed.stderr)")
        // A row without its period.
        try ws.write("row.json", #"{"values": [{"kpi": "N74000", "municipality": "0001", "values": []}]}"#)
        let row = try ws.run(["indicators", "import", "row.json"])
        #expect(row.status != 0)
        #expect(row.stderr.contains("row.json:1:13: values[0]: no \"period\""), "\(row.stderr)")
        // A CSV line with a bad value.
        try ws.write("bad.csv", Self.csv.replacingOccurrences(of: "78,2", with: "78,2,1"))
        let csv = try ws.run(["indicators", "import", "bad.csv"])
        #expect(csv.status != 0)
        #expect(csv.stderr.contains("bad.csv:4:"), "\(csv.stderr)")
        #expect(csv.stderr.contains("value: expected a number"))
        #expect(try ws.bytes(Self.goalPath) == before)
        #expect(try ws.head() == head)
        #expect(try ws.dirtyPaths(ws.files(under: "Plans")).isEmpty)
    }
}
