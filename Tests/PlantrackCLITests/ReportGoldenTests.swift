import Foundation
import Testing

/// The reports of the bundled Plans/ (with the made-up history of ``BundledPlansHistory``)
/// compared with the files in Golden/. After an intended change, regenerate them with
///
///     PLANTRACK_UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests
///
/// (which records the files and fails), run again without the variable to check, and
/// review the diff of Tests/PlantrackCLITests/Golden/ before committing.
@Suite("report golden files", .serialized)
struct ReportGoldenTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The arguments the status reports are made with: judged on a fixed day, with the
    /// changes since the first of March.
    static let status = ["report", "--as-of", "2026-11-20", "--since", "2026-03-01"]
    /// The follow-up of 2025, as committed on the same day.
    static let redovisning = ["report", "--kind", "redovisning", "--year", "2025", "--as-of", "2026-11-20"]

    /// Stockholm's follow-up of 2021 with §6 of the agreement, as committed on 15 January 2022
    /// (``StockholmFollowUpRepository``) and judged on 20 January, before the first due date.
    static let stockholm2021 = FollowUpAgreementTests.report

    /// The repository a golden report is made in.
    enum Workspace {
        /// The bundled plans with the made-up history of ``BundledPlansHistory``.
        case bundledHistory
        /// Stockholm 2021 with its follow-up (``StockholmFollowUpRepository``).
        case stockholmFollowUp
    }

    static let cases: [(file: String, arguments: [String], workspace: Workspace)] = [
        ("report-status-sv.html", status + ["--lang", "sv", "--format", "html"], .bundledHistory),
        ("report-status-en.html", status + ["--lang", "en", "--format", "html"], .bundledHistory),
        ("report-status-sv.md", status + ["--lang", "sv", "--format", "markdown"], .bundledHistory),
        ("report-status-en.md", status + ["--lang", "en", "--format", "markdown"], .bundledHistory),
        ("report-redovisning-sv.html", redovisning + ["--lang", "sv", "--format", "html"], .bundledHistory),
        ("report-redovisning-en.md", redovisning + ["--lang", "en", "--format", "markdown"], .bundledHistory),
        ("report-redovisning-2025.csv", redovisning + ["--format", "csv"], .bundledHistory),
        (
            "report-redovisning-stockholm-2021-sv.html", stockholm2021 + ["--lang", "sv", "--format", "html"],
            .stockholmFollowUp
        ),
        (
            "report-redovisning-stockholm-2021-sv.md", stockholm2021 + ["--lang", "sv", "--format", "markdown"],
            .stockholmFollowUp
        ),
        ("report-redovisning-stockholm-2021.csv", stockholm2021 + ["--format", "csv"], .stockholmFollowUp),
    ]

    @Test("each report equals its golden file", arguments: 0..<cases.count)
    func golden(index: Int) throws {
        let (file, arguments, workspace) = Self.cases[index]
        let repo: TestRepository
        switch workspace {
        case .bundledHistory: repo = try BundledPlansHistory().repo
        case .stockholmFollowUp: repo = try StockholmFollowUpRepository().repo
        }
        let result = try CLI.run(arguments, in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        try Golden.expect(
            result.stdout, matches: Self.goldenFolder.appendingPathComponent(file), filter: "ReportGoldenTests")
    }

    @Test("the golden reports say what they must: figures, words and formats per language")
    func contents() throws {
        func golden(_ name: String) throws -> String {
            try String(contentsOf: Self.goldenFolder.appendingPathComponent(name), encoding: .utf8)
        }
        let sv = try golden("report-status-sv.html")
        let en = try golden("report-status-en.html")
        #expect(sv.contains("<html lang=\"sv\">") && en.contains("<html lang=\"en\">"))
        // Money and dates formatted for the language.
        #expect(sv.contains("18\u{00A0}700\u{00A0}000\u{00A0}kr"))
        #expect(en.contains("SEK 18,700,000"))
        #expect(sv.contains("20 november 2026") && en.contains("20 November 2026"))
        // The traffic light says its word beside the colour.
        #expect(sv.contains("<span>Röd</span>") || sv.contains("<span>Gul</span>") || sv.contains("<span>Grön</span>"))
        #expect(en.contains("<span>Red</span>") || en.contains("<span>Yellow</span>") || en.contains("<span>Green</span>"))
        // A trend from the made-up history, and the changes since March.
        #expect(sv.contains("class=\"tr-line\""))
        #expect(sv.contains("norrbotten/2026: plan tillagd"))
        #expect(en.contains("norrbotten/2026: plan added"))
        // Status words are the format's (StatusWords), the same as the schemas' help.
        #expect(sv.contains("aktivitet Pågående → Genomförd"))
        #expect(en.contains("activity In progress → Done"))
        // Self-contained: no script, no external resource.
        for page in [sv, en, try golden("report-redovisning-sv.html")] {
            #expect(!page.contains("<script"))
            #expect(!page.contains("src="))
            #expect(!page.contains("<link"))
            #expect(!page.contains("url("))
        }
        let md = try golden("report-status-en.md")
        #expect(md.contains("| Counties |") || md.contains("## Counties"))
        let csv = try golden("report-redovisning-2025.csv")
        #expect(csv.hasPrefix("county,year,section,id,title,status,funding_sek,budget_sek,spent_sek,date,note\r\n"))
    }
}
