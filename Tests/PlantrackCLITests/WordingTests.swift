import Foundation
import Testing

/// Counts and articles in what the binary prints: "1 plan", never "1 plans"; "an
/// activity", never "a activity" (issue 18, item 11).
@Suite("Counts and articles in CLI output")
struct WordingTests {
    @Test func oneOfSomethingIsSingular() throws {
        let ws = try CycleWorkspace(bundled: true)
        let list = try ws.run(["list", "--kind", "plan", "--county", "stockholm", "--year", "2021"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("1 document (working tree)"), "\(list.stdout)")

        let rollup = try ws.run(["rollup", "--county", "stockholm", "--year", "2021", "--as-of", "2021-12-31", "--lang", "en"])
        #expect(rollup.stdout.contains("1 plan of 2021 ("), "\(rollup.stdout)\(rollup.stderr)")
        #expect(!rollup.stdout.contains("1 plans"))

        let validate = try ws.run(["validate", "Plans/stockholm/county.md"])
        #expect(validate.stdout.contains("1 document checked"), "\(validate.stdout)")
        #expect(!validate.stdout.contains("1 documents"))

        // One error: the summary says "1 error", the write refusal too.
        try ws.write(
            "Plans/stockholm/county.md",
            try ws.text("Plans/stockholm/county.md")
                .replacingOccurrences(of: "\ncode: \"01\"", with: "\ncode: \"1\""))
        let invalid = try ws.run(["validate", "Plans/stockholm/county.md"])
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("1 document checked (working tree): 1 error,"), "\(invalid.stdout)")
    }

    @Test func articlesFitTheNoun() throws {
        let ws = try CycleWorkspace(bundled: true)
        let named = try ws.run(["new", "activity", "stockholm/2021", "--title", "x", "--area", "bu"])
        #expect(named.status != 0)
        #expect(named.stderr.contains("an activity is named like stockholm/2026/bu-p1"), "\(named.stderr)")

        let area = try ws.run(["new", "activity", "stockholm/2021/ny", "--title", "x"])
        #expect(area.stderr.contains("an activity needs one --area"), "\(area.stderr)")

        let assessment = try ws.run(["update", "stockholm/2021/bu-p1", "--assessment", "on-track"])
        #expect(assessment.status != 0)
        #expect(assessment.stderr.contains("--assessment applies to a goal, not to an activity"), "\(assessment.stderr)")

        for result in [named, area, assessment] {
            #expect(!result.stderr.contains("a activity"))
        }
    }
}
