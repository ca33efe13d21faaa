import Foundation
import PlantrackGit
import Testing

/// The hand-worked fixture (RollUpFixture) with one more activity, a6, that cannot be read:
/// a tab in its YAML. Committed as C5 on 2021-01-06, so HEAD has a5 (errors: no status)
/// and a6 (unreadable).
private func brokenFixture() throws -> RollUpFixture {
    let fixture = try RollUpFixture()
    try fixture.repo.stage(
        "Plans/stockholm/2021/activities/a6.md",
        "---\nkind: activity\nid: a6\ntitle: Trasig\n\tstatus: planned\n---\n")
    try fixture.repo.commit("C5", time: 1_609_891_200 + 3600)  // 2021-01-06
    return fixture
}

private let a5 = "Plans/stockholm/2021/activities/a5.md"
private let a6 = "Plans/stockholm/2021/activities/a6.md"

@Suite("broken documents never drop out silently")
struct IncompleteFiguresTests {
    @Test("rollup with an unreadable document exits 1 with the finding (file:line:column) and what to do")
    func rollUpRefuses() throws {
        let fixture = try brokenFixture()
        for arguments in [["rollup"], ["rollup", "--rev", "HEAD"], ["rollup", "--format", "csv"]] {
            let result = try CLI.run(arguments, in: fixture.repo.url)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.contains("\(a6):5:1: error: [yaml.syntax]"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("\(a5):2:1: error: [schema.required]"), "\(arguments)")
            #expect(result.stderr.contains("2 documents could not be counted"))
            #expect(result.stderr.contains("  \(a6): could not be read"))
            #expect(result.stderr.contains("  \(a5): has errors"))
            #expect(result.stderr.contains("'plantrack validate'") && result.stderr.contains("--allow-invalid"))
        }
        // A filter that leaves the broken plan out is not refused: its figures are whole.
        let other = try CLI.run(["rollup", "--year", "2030"], in: fixture.repo.url)
        #expect(other.status == 0, "\(other.stderr)")
        #expect(!other.stdout.contains("OFULLSTÄNDIGA"))
    }

    @Test("rollup --allow-invalid shows the incompleteness in every format, in the workspace's language")
    func rollUpMarksEveryFormat() throws {
        let fixture = try brokenFixture()
        func run(_ extra: [String]) throws -> CLIResult {
            let result = try CLI.run(["rollup", "--rev", "HEAD", "--allow-invalid"] + extra, in: fixture.repo.url)
            #expect(result.status == 0, "\(extra): \(result.stderr)")
            #expect(result.stderr.contains("the figures are incomplete: 2 documents left out"), "\(extra)")
            return result
        }
        // JSON: keys in English, for machines.
        let json = try rollUpJSON(run(["--format", "json"]))
        #expect(json["incomplete"] as? Bool == true)
        #expect(
            (json["excluded"] as? [[String: String]]) == [
                ["path": a5, "reason": "errors"],
                ["path": a6, "reason": "unreadable"],
            ])
        // The table: the notice first.
        let table = try run([]).stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            Array(table.prefix(4)) == [
                "SIFFRORNA ÄR OFULLSTÄNDIGA: 2 dokument saknas i siffrorna. Kör plantrack validate för detaljer.",
                "  \(a5): har fel", "  \(a6): kunde inte läsas", "",
            ])
        #expect(table.contains { $0.hasPrefix("1 plan för 2021 (HEAD") && $0.hasSuffix("— ofullständigt") })
        // CSV: the notice is what a spreadsheet shows first; then the documents, an empty row, the header.
        let csv = try run(["--format", "csv", "--delimiter", ";", "--bom"]).stdout
        #expect(
            csv.hasPrefix(
                "\u{FEFF}SIFFRORNA ÄR OFULLSTÄNDIGA: 2 dokument saknas i siffrorna. Kör plantrack validate för detaljer.\r\n"
                    + "\(a5);har fel\r\n\(a6);kunde inte läsas\r\n\r\nPLAN;TRAFIKLJUS;"), "\(csv)")
        // Markdown: a quote block before the table.
        let markdown = try run(["--format", "markdown", "--lang", "en"]).stdout
        #expect(
            markdown.hasPrefix(
                "> **The figures are incomplete.** 2 documents are missing from the figures. "
                    + "Run plantrack validate for details.\n>\n> - `\(a5)`: has errors\n> - `\(a6)`: could not be read\n\n| ITEM |"),
            "\(markdown)")
        // Complete figures carry no notice, and JSON says so.
        let whole = try CLI.run(["rollup", "--rev", fixture.commits[2].hex, "--format", "json"], in: fixture.repo.url)
        #expect(whole.status == 0)
        #expect(try rollUpJSON(whole)["incomplete"] as? Bool == false)
        #expect((try rollUpJSON(whole)["excluded"] as? [Any])?.isEmpty == true)
    }

    @Test("report exits 1 unless --allow-invalid; then every format and language says the figures are incomplete")
    func reportMarksEveryFormat() throws {
        let fixture = try brokenFixture()
        let refused = try CLI.run(["report", "--format", "markdown"], in: fixture.repo.url)
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("\(a6):5:1: error: [yaml.syntax]"), "\(refused.stderr)")
        let refusedFollowUp = try CLI.run(
            ["report", "--kind", "redovisning", "--year", "2021", "--format", "csv"],
            in: fixture.repo.url)
        #expect(refusedFollowUp.status == 1)

        func report(_ arguments: [String]) throws -> String {
            let result = try CLI.run(["report", "--allow-invalid"] + arguments, in: fixture.repo.url)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout
        }
        let swedishNotice = "Siffrorna är ofullständiga"
        let englishNotice = "The figures are incomplete"
        for kind in [["--kind", "status"], ["--kind", "redovisning", "--year", "2021"]] {
            // Markdown: the notice right after the header, before any figure.
            let svMarkdown = try report(kind + ["--format", "markdown", "--lang", "sv"])
            let notice = try #require(svMarkdown.range(of: "> **⚠ \(swedishNotice).** 2 dokument saknas i siffrorna."))
            let firstSection = try #require(svMarkdown.range(of: "\n## "))
            #expect(notice.lowerBound < firstSection.lowerBound, "\(kind)")
            #expect(svMarkdown.contains("> - `\(a5)`: har fel") && svMarkdown.contains("> - `\(a6)`: kunde inte läsas"))
            #expect(!svMarkdown.contains("has errors"), "\(kind): English in the Swedish report")
            let enMarkdown = try report(kind + ["--format", "markdown", "--lang", "en"])
            #expect(enMarkdown.contains("> **⚠ \(englishNotice).** 2 documents are missing from the figures."))
            #expect(enMarkdown.contains("> - `\(a5)`: has errors") && enMarkdown.contains("> - `\(a6)`: could not be read"))
            // HTML: an alert section first in <main>.
            for (lang, heading, reason) in [("sv", swedishNotice, "kunde inte läsas"), ("en", englishNotice, "could not be read")] {
                let html = try report(kind + ["--format", "html", "--lang", lang])
                let main = try #require(html.range(of: "<main>\n"))
                #expect(
                    html[main.upperBound...].hasPrefix(
                        "<section class=\"incomplete\" role=\"alert\" aria-labelledby=\"incomplete\">"
                            + "<h2 id=\"incomplete\">\(heading)</h2>"), "\(kind) \(lang)")
                #expect(html.contains("<li><code>\(a6)</code>: \(reason)</li>"))
            }
        }
        // The follow-up's CSV: the notice first, in the report's language.
        let csv = try report(["--kind", "redovisning", "--year", "2021", "--format", "csv", "--lang", "en"])
        #expect(
            csv.hasPrefix(
                "THE FIGURES ARE INCOMPLETE: 2 documents are missing from the figures. Run plantrack validate for details.\r\n"
                    + "\(a5),has errors\r\n\(a6),could not be read\r\n\r\ncounty,year,section,"), "\(csv)")
    }

    @Test("the report's trend marks the months whose figures left a document out")
    func reportTrendMarksIncompleteMonths() throws {
        let fixture = try RollUpFixture()
        // C4 (2021-01-05) added a5 without a status; fixed on 2021-02-10.
        try fixture.repo.stage(
            "Plans/stockholm/2021/activities/a5.md",
            RollUpFixture.activity("a5", status: "planned", due: "2021-06-30", budget: 1, spent: nil))
        try fixture.repo.commit("a5 fixed", time: 1_612_915_200)  // 2021-02-10
        // The figures of the report date are whole: no --allow-invalid needed.
        let markdown = try CLI.run(
            ["report", "--as-of", "2021-02-28", "--format", "markdown", "--lang", "en"],
            in: fixture.repo.url)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(!markdown.stdout.contains("> **⚠ The figures are incomplete.**"))
        #expect(
            markdown.stdout.contains(
                "⚠ The figures are incomplete on 31 January 2021: documents that could not be read "
                    + "or had errors then are missing from them."), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("| 31 January 2021 ⚠ |"))
        #expect(markdown.stdout.contains("| 28 February 2021 |"))
        let html = try CLI.run(["report", "--as-of", "2021-02-28", "--lang", "sv"], in: fixture.repo.url)
        #expect(html.stdout.contains("<p class=\"trend-incomplete\">⚠ Siffrorna är ofullständiga den 31 januari 2021:"))
        #expect(html.stdout.contains("<th scope=\"row\">31 januari 2021 ⚠</th>"))
    }

    @Test("a report of another year is not held up by a broken document of this one")
    func reportOfOtherYear() throws {
        let fixture = try brokenFixture()
        try fixture.repo.stage(
            "Plans/stockholm/2022/plan.md",
            RollUpFixture.plan
                .replacingOccurrences(of: "2021", with: "2022"))
        try fixture.repo.commit("2022", time: 1_609_891_200 + 7200)
        let result = try CLI.run(["report", "--year", "2022", "--format", "markdown"], in: fixture.repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("ofullständiga"))
    }

    @Test("validate outside a workspace (no Plans/) is an error suggesting plantrack init")
    func validateWithoutPlans() throws {
        let repo = try TestRepository()
        try repo.write("README.md", "Inget här.\n")
        let result = try CLI.run(["validate"], in: repo.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no Plans/ folder"), "\(result.stderr)")
        #expect(result.stderr.contains("plantrack init"))
        #expect(!result.stderr.contains("0 documents"))
    }

    @Test("--as-of and trend before anything is committed say so and what to use instead")
    func nothingCommitted() throws {
        let repo = try TestRepository()
        try repo.write("Plans/workspace.yaml", "language: sv\n")
        let asOf = try CLI.run(["rollup", "--as-of", "2026-01-01"], in: repo.url)
        #expect(asOf.status == 2)
        #expect(
            asOf.stderr.contains("--as-of 2026-01-01: nothing is committed yet") && asOf.stderr.contains("leave out --as-of"),
            "\(asOf.stderr)")
        let trend = try CLI.run(["trend"], in: repo.url)
        #expect(trend.status == 2)
        #expect(trend.stderr.contains("nothing is committed yet") && trend.stderr.contains("plantrack rollup"), "\(trend.stderr)")
    }
}

@Suite("what the figures were read from, and words the workspace chose")
struct FigureSourceAndWordsTests {
    @Test("the report's source says the working tree is the same as HEAD, or has changes not committed")
    func workingTreeSource() throws {
        let fixture = try RollUpFixture()
        // Make HEAD whole: a5 gets its status.
        try fixture.repo.stage(
            "Plans/stockholm/2021/activities/a5.md",
            RollUpFixture.activity("a5", status: "planned", due: "2021-06-30", budget: 1, spent: nil))
        let head = try fixture.repo.commit("C5")
        let short = head.abbreviated
        let clean = try CLI.run(["report", "--format", "markdown", "--year", "2021"], in: fixture.repo.url)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.contains("Källa: arbetskatalogen, lika med incheckning \(short)"), "\(clean.stdout)")
        #expect(!clean.stdout.contains("ej incheckat"))
        let english = try CLI.run(["report", "--format", "markdown", "--year", "2021", "--lang", "en"], in: fixture.repo.url)
        #expect(english.stdout.contains("Source: working tree, the same as commit \(short)"))
        // A change in the working tree only.
        try fixture.repo.write(
            "Plans/stockholm/2021/activities/a5.md",
            RollUpFixture.activity("a5", status: "in-progress", due: "2021-06-30", budget: 1, spent: nil))
        let dirty = try CLI.run(["report", "--format", "markdown", "--year", "2021", "--lang", "en"], in: fixture.repo.url)
        #expect(dirty.stdout.contains("Source: working tree, with changes not committed since \(short)"), "\(dirty.stdout)")
        // A commit read names the commit.
        let committed = try CLI.run(["report", "--format", "markdown", "--rev", "HEAD"], in: fixture.repo.url)
        #expect(committed.stdout.contains("Källa: incheckning HEAD (\(short))"))
    }

    @Test("status_labels rename the status words in reports and in rollup headings; another language keeps its own")
    func statusLabels() throws {
        let fixture = try RollUpFixture()
        try fixture.repo.stage("Plans/workspace.yaml", "language: sv\nstatus_labels:\n  done: Klar\n  planned: Planerad\n")
        try fixture.repo.stage(
            "Plans/stockholm/2021/activities/a5.md",
            RollUpFixture.activity("a5", status: "planned", due: "2021-06-30", budget: 1, spent: nil))
        try fixture.repo.commit("Egna ord")
        let renamed = try CLI.run(["report", "--format", "markdown", "--rev", "HEAD", "--year", "2021"], in: fixture.repo.url)
        #expect(renamed.status == 0, "\(renamed.stderr)")
        #expect(renamed.stdout.contains("Klar 1, Pågående 1, Planerad 2, Avbruten 1"), "\(renamed.stdout)")
        // The labels are Swedish: an English report keeps the English words.
        let englishReport = try CLI.run(
            ["report", "--format", "markdown", "--rev", "HEAD", "--year", "2021", "--lang", "en"],
            in: fixture.repo.url)
        #expect(englishReport.stdout.contains("Done 1, In progress 1, Planned 2, Cancelled 1"), "\(englishReport.stdout)")
        let csv = try CLI.run(["rollup", "--rev", "HEAD", "--format", "csv"], in: fixture.repo.url)
        #expect(csv.stdout.hasPrefix("PLAN,TRAFIKLJUS,PLANERAD,PÅGÅENDE,KLAR,FÖRSENAD,AVBRUTEN,"), "\(csv.stdout)")
        let english = try CLI.run(["rollup", "--rev", "HEAD", "--format", "csv", "--lang", "en"], in: fixture.repo.url)
        #expect(
            english.stdout.hasPrefix(
                "ITEM,TRAFFIC LIGHT,PLANNED,IN PROGRESS,DONE,DELAYED,CANCELLED,SHARE DONE %,OVERDUE,BEHIND,"
                    + "BUDGETED SEK,SPENT SEK,GRANTED SEK,ON TRACK,AT RISK,OFF TRACK,ACHIEVED,NOT ASSESSED,"
                    + "GOALS BEHIND,SUSPECT LINKS\r\n"))
    }
}
