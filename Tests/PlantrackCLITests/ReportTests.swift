import Foundation
import PlantrackGit
import Testing

@Suite("report")
struct ReportTests {
    @Test("status report of the hand-worked fixture: overdue, money, skipped documents, trend point (markdown, en)")
    func fixtureFigures() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(
            ["report", "--as-of", "2021-01-05", "--format", "markdown", "--lang", "en", "--allow-invalid"],
            in: fixture.repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        // a2 was due 2021-01-04 and is in progress: one day late on the 5th.
        #expect(
            text.contains("| Aktivitet a2 (`stockholm/2021/a2`) | Stockholms län | none given | 4 January 2021 | In progress, 1 day late |")
        )
        // Granted 1,000,000; budgets 100+200+300 thousand (a4 is cancelled: its budget does not count); spent 90+50+10 thousand.
        #expect(text.contains("| Stimulansmedel | SEK 1,000,000 | SEK 600,000 | SEK 150,000 | SEK 850,000 |"), "\(text)")
        // a5 has errors: left out and listed.
        #expect(text.contains("> - `Plans/stockholm/2021/activities/a5.md`: has errors"))
        #expect(result.stderr.contains("1 document left out"))
        // The report date is mid-month: the trend's only point is that day.
        #expect(text.contains("| 5 January 2021 ⚠ | 1 | 1 | 1 | 0 | 1 | 33% | 1 | 0 |"), "\(text)")
        // Yellow by the at-risk goal: listed with what is behind; a2 is overdue, not behind.
        #expect(text.contains("| Väntetiden minskar (`stockholm/2021/bu-st-1`) | Stockholms län | At risk | – |"), "\(text)")
    }

    @Test("language: --lang, else workspace.yaml, else Swedish")
    func language() throws {
        let fixture = try RollUpFixture()
        let swedish = try CLI.run(["report", "--as-of", "2021-01-04", "--format", "markdown"], in: fixture.repo.url)
        #expect(swedish.stdout.hasPrefix("# Lägesrapport till styrgruppen"))
        #expect(swedish.stdout.contains("1\u{00A0}000\u{00A0}000\u{00A0}kr"))
        try fixture.repo.stage("Plans/workspace.yaml", "name: Test\nlanguage: en\n")
        try fixture.repo.commit("English", time: 1_609_891_200 + 3600)  // 2021-01-06
        let english = try CLI.run(["report", "--format", "markdown", "--as-of", "2021-01-06", "--allow-invalid"], in: fixture.repo.url)
        #expect(english.stdout.hasPrefix("# Status report for the steering group"), "\(english.stderr)")
        let forced = try CLI.run(
            ["report", "--format", "markdown", "--as-of", "2021-01-06", "--lang", "sv", "--allow-invalid"],
            in: fixture.repo.url)
        #expect(forced.stdout.hasPrefix("# Lägesrapport till styrgruppen"))
    }

    @Test("--out writes the file and prints nothing; --since a revision names it")
    func outFile() throws {
        let fixture = try RollUpFixture()
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("rapport.html").path
        let result = try CLI.run(["report", "--rev", "HEAD~1", "--since", "HEAD~3", "--out", file], in: fixture.repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Ändringar sedan HEAD~3 (\(fixture.commits[0].abbreviated))"))
        #expect(html.contains("aktivitet Ej påbörjad → Avbruten: 1"), "\(html)")
        #expect(html.contains("Källa: incheckning HEAD~1 (\(fixture.commits[2].abbreviated))"))
    }

    @Test("a workspace without commits reports the working tree and says there is no history")
    func noHistory() throws {
        let repo = try TestRepository()
        try repo.write("Plans/stockholm/county.md", RollUpFixture.county)
        try repo.write("Plans/stockholm/2021/plan.md", RollUpFixture.plan)
        try repo.write("Plans/stockholm/2021/goals/bu-lt-1.md", RollUpFixture.longGoal)
        try repo.write("Plans/stockholm/2021/goals/bu-st-1.md", RollUpFixture.shortGoal)
        try repo.write(
            "Plans/stockholm/2021/activities/a1.md",
            RollUpFixture.activity("a1", status: "planned", due: "2021-03-31", budget: 1, spent: nil))
        let result = try CLI.run(["report", "--format", "markdown", "--lang", "en", "--year", "2021"], in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("No version in git from the plan year to show the development from."))
        #expect(result.stdout.contains("Source: working tree (nothing committed yet)"), "\(result.stdout)")
    }

    @Test("bad usage exits 2 with a message")
    func usage() throws {
        let fixture = try RollUpFixture()
        let cases: [([String], String)] = [
            (["report", "--kind", "redovisning"], "--kind redovisning needs --year"),
            (["report", "--format", "csv"], "--format csv is for --kind redovisning"),
            (["report", "--rev", "HEAD", "--as-of", "2021-01-05"], "cannot be used together"),
            (["report", "--rev", "HEAD", "--year", "2019"], "no plan of 2019"),
            (["report", "--rev", "HEAD", "--since", "no-such-branch"], "--since no-such-branch"),
            (["report", "--rev", "HEAD", "--since", "2020-06-01"], "no commit on or before that day"),
            (["report", "--lang", "de"], "--lang"),
        ]
        for (arguments, message) in cases {
            let result = try CLI.run(arguments, in: fixture.repo.url)
            #expect(result.status == 2 || result.status == 64, "\(arguments): \(result.status)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test("redovisning CSV with semicolons and a BOM for a Swedish Excel")
    func csvForExcel() throws {
        let fixture = try RollUpFixture()
        let result = try CLI.run(
            [
                "report", "--kind", "redovisning", "--year", "2021", "--rev", "HEAD~1",
                "--format", "csv", "--delimiter", ";", "--bom",
            ], in: fixture.repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\u{FEFF}county;year;section;id;title;status;funding_sek;budget_sek;spent_sek;date;note\r\n"))
        #expect(result.stdout.contains("\r\nstockholm;2021;stream;Stimulansmedel;Stimulansmedel;;1000000;600000;150000;;\r\n"))
        #expect(result.stdout.contains("\r\nstockholm;2021;activity;a4;Aktivitet a4;cancelled;;50000;10000;2021-01-03;Ingen personal\r\n"))
        // Progress 25: from 30 days down to 25 of the way to 10.
        #expect(result.stdout.contains("\r\nstockholm;2021;indicator;bu-st-1/i2;Väntetid i dagar;25;;;;2021-01-01;30 → 25 → 10\r\n"))
    }

    @Test("--county keeps only those counties, in the figures and in the changes")
    func countyFilter() throws {
        let history = try BundledPlansHistory()
        let result = try CLI.run(
            [
                "report", "--as-of", "2026-11-20", "--since", "2026-03-01", "--county", "skane",
                "--format", "markdown", "--lang", "en",
            ], in: history.repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| Skåne län |"))
        #expect(!result.stdout.contains("Uppsala län"))
        #expect(!result.stdout.contains("norrbotten/2026"))
        #expect(result.stdout.contains("skane/2026: activities: 3 modified"))
    }
}

@Suite("report escaping")
struct ReportEscapingTests {
    static let script = "<script>alert(1)</script>"

    /// A workspace whose texts try to inject HTML everywhere a document's text reaches the report.
    static func hostileWorkspace() throws -> TestRepository {
        let repo = try TestRepository()
        try repo.stage(
            "Plans/stockholm/county.md",
            RollUpFixture.county.replacingOccurrences(
                of: "name: Stockholms län", with: "name: \"Län \\\"><img src=x onerror=alert(2)>\""))
        try repo.stage(
            "Plans/stockholm/2021/plan.md",
            RollUpFixture.plan
                .replacingOccurrences(of: "title: Handlingsplan 2021", with: "title: \"Plan \(script)\"")
                .replacingOccurrences(of: "stream: Stimulansmedel", with: "stream: \"Medel & <b>fet</b>\""))
        try repo.stage(
            "Plans/stockholm/2021/goals/bu-lt-1.md",
            RollUpFixture.longGoal
                .replacingOccurrences(of: "title: Samverkan ökar", with: "title: \"Mål \(script)\"")
                .replacingOccurrences(of: "title: Andel kommuner med avtal", with: "title: \"Indikator '\\\" onmouseover=alert(3)\"")
                    + """
                    Text med \(script) och <img src="https://example.com/spårning.png" onerror="alert(4)">.

                    <div onclick="alert(5)">block</div>

                    [klicka](javascript:alert(6)) och [riktig länk](https://example.se/plan) och ![bild](https://example.com/x.png)

                    > Ett citat med **fetstil** & <i>kursiv</i>.

                    """)
        try repo.stage("Plans/stockholm/2021/goals/bu-st-1.md", RollUpFixture.shortGoal)
        try repo.stage(
            "Plans/stockholm/2021/activities/a1.md",
            RollUpFixture.activity(
                "a1", status: "delayed", due: "2021-01-01", budget: 1, spent: 1,
                extra: "owner: \"Ägare </td><script>alert(7)</script>\"\n"
                    + "followups:\n  - {date: 2021-01-02, note: \"Notis \(script)\"}\n"
            )
            .replacingOccurrences(of: "funding_stream: Stimulansmedel", with: "funding_stream: \"Medel & <b>fet</b>\""))
        try repo.commit("hostile")
        return repo
    }

    @Test("HTML reports show document text as text: no script, no injected element or attribute")
    func html() throws {
        let repo = try Self.hostileWorkspace()
        for kind in [["--kind", "status"], ["--kind", "redovisning", "--year", "2021"]] {
            let result = try CLI.run(["report", "--rev", "HEAD"] + kind, in: repo.url)
            #expect(result.status == 0, "\(result.stderr)")
            let page = result.stdout
            #expect(!page.contains("<script"), "\(kind)")
            #expect(!page.contains("<img"), "\(kind)")
            #expect(!page.contains("<b>"), "\(kind)")
            #expect(!page.contains("<div onclick"), "\(kind)")
            #expect(!page.contains("javascript:"), "\(kind)")
            #expect(!page.contains("\" onmouseover"), "\(kind)")
            #expect(!page.contains("<i>"), "\(kind)")
            #expect(!page.contains("src=\""), "\(kind): an image from the network")
            #expect(result.stderr.isEmpty, "\(result.stderr)")
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(kind)")
            #expect(page.contains("Medel &amp; &lt;b&gt;fet&lt;/b&gt;"), "\(kind)")
        }
        let followUp = try CLI.run(["report", "--rev", "HEAD", "--kind", "redovisning", "--year", "2021"], in: repo.url).stdout
        // The goal's Markdown body is rendered: the quote, the bold text and the safe link stay.
        #expect(followUp.contains("<blockquote>"))
        #expect(followUp.contains("<strong>fetstil</strong>"))
        #expect(followUp.contains("<a href=\"https://example.se/plan\">riktig länk</a>"))
        #expect(followUp.contains("[bild]"))
        #expect(followUp.contains("Notis &lt;script&gt;"))
    }

    @Test("Markdown reports escape HTML in document text")
    func markdown() throws {
        let repo = try Self.hostileWorkspace()
        for kind in [["--kind", "status"], ["--kind", "redovisning", "--year", "2021"]] {
            let result = try CLI.run(["report", "--rev", "HEAD", "--format", "markdown"] + kind, in: repo.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains("<script"), "\(kind)")
            #expect(!result.stdout.contains("<img"), "\(kind)")
            #expect(!result.stdout.contains("<b>"), "\(kind)")
            #expect(result.stdout.contains("&lt;script&gt;"), "\(kind)")
        }
    }
}
