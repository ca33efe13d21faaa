import Foundation
import PlantrackTestSupport
import Testing

@Suite struct GoldenTests {
    @Test func recordingWritesTheFileAndFailsTheTest() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("Golden/report.md")

        let failure = try Golden.check("# Rapport\n", against: url, recording: true, filter: "GoldenTests")
        #expect(failure == "recorded \(url.path); run again without PLANTRACK_UPDATE_GOLDEN to check")
        #expect(try String(contentsOf: url, encoding: .utf8) == "# Rapport\n")

        // Through the expectation the recording is an issue of the test (known here).
        try withKnownIssue {
            try Golden.expect("# Rapport\n", matches: url, recording: true, filter: "GoldenTests")
        } matching: { issue in
            issue.comments.contains { $0.rawValue.hasPrefix("recorded \(url.path)") }
        }
    }

    @Test func checkingPassesOnlyOnTheSameBytes() throws {
        let folder = try TemporaryFolder()
        try folder.write("report.md", "# Rapport\nrad 2\n")
        let url = folder.url.appendingPathComponent("report.md")

        #expect(try Golden.check("# Rapport\nrad 2\n", against: url, recording: false, filter: "GoldenTests") == nil)
        try Golden.expect("# Rapport\nrad 2\n", matches: url, recording: false, filter: "GoldenTests")

        let differs = try #require(
            try Golden.check("# Rapport\nrad två\n", against: url, recording: false, filter: "GoldenTests"))
        #expect(differs.hasPrefix("report.md differs from the golden file at line 2:"))
        #expect(differs.contains("expected: rad 2\n  got:      rad två\n"))
        #expect(differs.hasSuffix("Regenerate with PLANTRACK_UPDATE_GOLDEN=1 swift test --filter GoldenTests if the change is intended."))
        // A missing final line break is a difference too.
        #expect(try Golden.check("# Rapport\nrad 2", against: url, recording: false, filter: "GoldenTests") != nil)
        // Checking never writes.
        #expect(try String(contentsOf: url, encoding: .utf8) == "# Rapport\nrad 2\n")

        withKnownIssue {
            try Golden.expect("annat\n", matches: url, recording: false, filter: "GoldenTests")
        }
    }

    @Test func aMissingGoldenFileFails() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("saknas.csv")
        let failure = try #require(try Golden.check("a,b\r\n", against: url, recording: false, filter: "GoldenTests"))
        #expect(failure.hasPrefix("no golden file at \(url.path)."))
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }
}
