import Foundation
import Testing

/// Whether Debian's Chromium is installed (the browser check needs it; it is not installed
/// by `make test`).
private let chromiumInstalled = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains {
    FileManager.default.isExecutableFile(atPath: $0)
}

@Suite("report in a browser")
struct ReportBrowserTests {
    @Test(
        "headless Chromium renders the golden reports to PNG and PDF, not blank, with the expected text in the DOM",
        .enabled(
            if: chromiumInstalled,
            "chromium is not installed: apt-get install -y chromium, then run this test or scripts/check-report-browser"))
    func chromium() throws {
        let golden = ReportGoldenTests.goldenFolder
        let checks: [(file: String, expect: [String])] = [
            // On 20 November 2026 (the golden files' day) the three 2026 plans are yellow.
            (
                "report-status-sv.html",
                [
                    "Lägesrapport till styrgruppen", "Trafikljus", "Skåne län", "Gul", "Det som ligger efter",
                    "18 700 000 kr", "Ändringar sedan 1 mars 2026",
                ]
            ),
            ("report-redovisning-sv.html", ["Redovisning av medel och resultat 2025", "Genomförda aktiviteter"]),
        ]
        for check in checks {
            let out = try TemporaryFolder()
            let script = CLI.packageRoot.appendingPathComponent("scripts/check-report-browser").path
            let arguments =
                ["--html", golden.appendingPathComponent(check.file).path, "--out", out.path]
                + check.expect.flatMap { ["--expect", $0] }
            let result = try CLI.run(arguments, executable: script)
            #expect(result.status == 0, "\(check.file):\n\(result.stdout)\n\(result.stderr)")
            #expect(result.stdout.contains("browser check passed"), "\(result.stdout)")
        }
    }
}
