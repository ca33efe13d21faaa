import Foundation
import Testing

/// `--delimiter` and `--bom`, the CSV options of rollup, trend and report: one check of the
/// delimiter, made where each command's other usage checks expect it.
@Suite("CSV options")
struct CSVOptionsTests {
    static let refusal = "Error: --delimiter must be one character other than a quote or a line break."

    @Test(
        "rollup, trend and report refuse a delimiter CSV cannot use, with exit 2",
        arguments: [["rollup"], ["trend"], ["report", "--kind", "redovisning", "--year", "2025"]],
        ["ab", "\"", ""])
    func refusedDelimiter(command: [String], delimiter: String) throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(command + ["--format", "csv", "--delimiter", delimiter], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(Self.refusal + "\n"), "\(result.stderr)")
    }

    @Test("a command's own usage checks that come before the delimiter's still win")
    func earlierChecksFirst() throws {
        let folder = try TemporaryFolder()
        let rollUp = try CLI.run(["rollup", "--rev", "HEAD", "--as-of", "2026-01-01", "--delimiter", "ab"], in: folder.url)
        #expect(rollUp.status == 2)
        #expect(
            rollUp.stderr.hasPrefix(
                "Error: --rev and --as-of cannot be used together: choose one version to roll up.\n"), "\(rollUp.stderr)")
        let trend = try CLI.run(["trend", "--format", "markdown", "--delimiter", "ab"], in: folder.url)
        #expect(trend.status == 2)
        #expect(trend.stderr.hasPrefix("Error: trend supports --format table, json or csv.\n"), "\(trend.stderr)")
        let report = try CLI.run(["report", "--kind", "redovisning", "--delimiter", "ab"], in: folder.url)
        #expect(report.status == 2)
        #expect(
            report.stderr.hasPrefix(
                "Error: --kind redovisning needs --year: the plan year to follow up, e.g. --year 2025.\n"), "\(report.stderr)")
        // …and the delimiter's comes before report's check of --since.
        let since = try CLI.run(
            [
                "report", "--kind", "redovisning", "--year", "2025", "--since", "2026-01-01",
                "--delimiter", "ab",
            ], in: folder.url)
        #expect(since.status == 2)
        #expect(since.stderr.hasPrefix(Self.refusal + "\n"), "\(since.stderr)")
    }
}
