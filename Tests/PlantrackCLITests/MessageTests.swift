import Foundation
import Testing

/// Issue #18 item 8: every message says what to write instead, at the place to write it,
/// and exits as documented (0 ok, 1 findings or not found, 2 usage). Each test runs the
/// binary on the bundled workspace with one mistake written into one document.
@Suite("Messages a coordinator can act on")
struct MessageTests {
    static let activity = "Plans/stockholm/2021/activities/bu-p1.md"
    static let goal = "Plans/stockholm/2021/goals/bu-ft-st-1.md"
    static let plan = "Plans/stockholm/2021/plan.md"

    /// The bundled workspace with `path` rewritten by `edit`.
    private func workspace(editing path: String = activity, _ edit: (String) -> String) throws -> CycleWorkspace {
        let ws = try CycleWorkspace(bundled: true)
        try ws.write(path, edit(try ws.text(path)))
        return ws
    }

    /// `line:column` of the first line starting with `linePrefix`, the column where `at`
    /// starts on it (1-based; columns count characters).
    private func place(in text: String, line linePrefix: String, at: String) throws -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.hasPrefix(linePrefix) }, "no line \(linePrefix)")
        let range = try #require(lines[index].range(of: at))
        return "\(index + 1):\(lines[index].distance(from: lines[index].startIndex, to: range.lowerBound) + 1)"
    }

    /// Validates one document; its findings (other than warnings) and the status.
    private func validate(_ ws: CycleWorkspace, _ path: String = activity) throws -> (errors: [String], status: Int32) {
        let result = try ws.run(["validate", path])
        let lines = (result.stdout + result.stderr).split(separator: "\n").map(String.init)
        return (lines.filter { $0.contains(": error: ") }, result.status)
    }

    // MARK: (a) Swedish status words

    @Test func swedishActivityStatusNamesTheEnglishValue() throws {
        let ws = try workspace { $0.replacingOccurrences(of: "\nstatus: done\n", with: "\nstatus: klar\n") }
        let at = try place(in: try ws.text(Self.activity), line: "status: klar", at: "klar")
        let (errors, status) = try validate(ws)
        #expect(status == 1)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(Self.activity):\(at): error: [schema.enum] status:") == true)
        #expect(errors.first?.contains("write done (klar)") == true, "\(errors)")
    }

    @Test func swedishAssessmentAndPlanStatusNameTheirValues() throws {
        let ws = try workspace(editing: Self.goal) {
            $0.replacingOccurrences(of: "\nassessment: achieved\n", with: "\nassessment: Enligt plan\n")
        }
        try ws.write(Self.plan, try ws.text(Self.plan).replacingOccurrences(of: "\nstatus: closed\n", with: "\nstatus: antagen\n"))
        let goalAt = try place(in: try ws.text(Self.goal), line: "assessment:", at: "Enligt")
        let goalErrors = try validate(ws, Self.goal).errors
        #expect(
            goalErrors.contains {
                $0.hasPrefix("\(Self.goal):\(goalAt): error: [schema.enum] assessment:")
                    && $0.contains("write on-track (Enligt plan)")
            }, "\(goalErrors)")
        let planAt = try place(in: try ws.text(Self.plan), line: "status: antagen", at: "antagen")
        let planErrors = try validate(ws, Self.plan).errors
        #expect(
            planErrors.contains {
                $0.hasPrefix("\(Self.plan):\(planAt): error: [schema.enum] status:")
                    && $0.contains("write adopted (antagen)")
            }, "\(planErrors)")
    }

    @Test func theWorkspacesOwnStatusLabelNamesTheValueToo() throws {
        let ws = try workspace { $0.replacingOccurrences(of: "\nstatus: done\n", with: "\nstatus: Avklarad\n") }
        try ws.write("Plans/workspace.yaml", try ws.text("Plans/workspace.yaml") + "status_labels:\n  done: Avklarad\n")
        let at = try place(in: try ws.text(Self.activity), line: "status: Avklarad", at: "Avklarad")
        let (errors, _) = try validate(ws)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(Self.activity):\(at): error: [schema.enum] status:") == true)
        #expect(
            errors.first?.hasSuffix(
                "got \"Avklarad\": write done (Avklarad is the label workspace.yaml gives done; "
                    + "labels are what reports show, the files use the English words)") == true, "\(errors)")
    }

    @Test func swedishStatusOnTheCommandLineIsAUsageErrorNamingTheValue() throws {
        let ws = try CycleWorkspace(bundled: true)
        let before = try ws.text(Self.activity)
        let result = try ws.run(["update", "stockholm/2021/bu-p1", "--status", "pågår"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--status pågår: write --status in-progress (pågår)"), "\(result.stderr)")
        #expect(try ws.text(Self.activity) == before, "nothing written")
        let goal = try ws.run(["update", "stockholm/2021/bu-ft-st-1", "--assessment", "uppnått"])
        #expect(goal.status == 2)
        #expect(goal.stderr.contains("write --assessment achieved (uppnått)"), "\(goal.stderr)")
    }

    // MARK: (b) Dates

    @Test func aDateWrittenTheSwedishWayIsOneFindingWithTheDateRewritten() throws {
        let ws = try workspace { $0.replacingOccurrences(of: "\ndue: 2021-12-15\n", with: "\ndue: 15/12/2021\n") }
        let at = try place(in: try ws.text(Self.activity), line: "due:", at: "15/12")
        let (errors, status) = try validate(ws)
        #expect(status == 1)
        // The schema's pattern and format both fail; the coordinator reads one finding.
        #expect(
            errors == ["\(Self.activity):\(at): error: [schema.format] due: \"15/12/2021\" is not a date; write YYYY-MM-DD: 2021-12-15"])
        #expect(!errors.joined().contains("^"), "no regular expression in the message")
    }

    @Test func anImpossibleDateIsOneFindingSayingWriteYYYYMMDD() throws {
        let ws = try workspace { $0.replacingOccurrences(of: "\nstart: 2021-01-15\n", with: "\nstart: 2021-02-30\n") }
        let at = try place(in: try ws.text(Self.activity), line: "start:", at: "2021")
        let (errors, _) = try validate(ws)
        #expect(errors.count == 1)
        #expect(
            errors.first?.hasPrefix("\(Self.activity):\(at): error: [schema.format] start: \"2021-02-30\" is not a date; write YYYY-MM-DD")
                == true, "\(errors)")
    }

    @Test func aDateWrittenAsANumberIsOneFindingWithTheDateRewritten() throws {
        let ws = try workspace { $0.replacingOccurrences(of: "\ndue: 2021-12-15\n", with: "\ndue: 20211215\n") }
        let at = try place(in: try ws.text(Self.activity), line: "due:", at: "2021")
        let (errors, _) = try validate(ws)
        #expect(errors == ["\(Self.activity):\(at): error: [schema.format] due: 20211215 is not a date; write YYYY-MM-DD: 2021-12-15"])
    }

    @Test func badDatesOnTheCommandLineSayWriteYYYYMMDD() throws {
        let ws = try CycleWorkspace(bundled: true)
        let update = try ws.run(["update", "stockholm/2021/bu-p1", "--note", "x", "--date", "2026-13-01"])
        #expect(update.status == 2)
        #expect(update.stderr.contains("'2026-13-01' is invalid for '--date <date>'"))
        #expect(update.stderr.contains("Hint: write YYYY-MM-DD"))
        let new = try ws.run(["new", "activity", "stockholm/2021/bu-p99", "--title", "X", "--area", "bu-ft", "--due", "31/12/2021"])
        #expect(new.status == 2)
        #expect(new.stderr.contains("Hint: write YYYY-MM-DD: 2021-12-31."), "\(new.stderr)")
        let short = try ws.run(["new", "activity", "stockholm/2021/bu-p99", "--title", "X", "--area", "bu-ft", "--due", "31/12"])
        #expect(short.status == 2)
        #expect(short.stderr.contains("Hint: write YYYY-MM-DD"))
    }

    // MARK: (c) YAML syntax

    @Test func aTabInTheIndentationSaysToUseSpaces() throws {
        let ws = try workspace { $0.replacingOccurrences(of: "\n  - Storsthlm\n", with: "\n\t- Storsthlm\n") }
        let at = try place(in: try ws.text(Self.activity), line: "\t- Storsthlm", at: "\t")
        let (errors, status) = try validate(ws)
        #expect(status == 1)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(Self.activity):\(at): error: [yaml.syntax]") == true, "\(errors)")
        #expect(errors.first?.contains("YAML indents with spaces only, so replace the tab with spaces") == true)
    }

    @Test func aKeyIndentedWronglySaysToLineItUp() throws {
        let ws = try workspace { $0.replacingOccurrences(of: "\nowner: Samverkanskansliet\n", with: "\n  owner: Samverkanskansliet\n") }
        let at = try place(in: try ws.text(Self.activity), line: "  owner:", at: ":")
        let (errors, _) = try validate(ws)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(Self.activity):\(at): error: [yaml.syntax]") == true, "\(errors)")
        #expect(errors.first?.contains("indent this line like the keys above it (spaces only)") == true)
    }

    @Test func aListItemWithoutItsDashSaysToStartItWithADash() throws {
        let ws = try workspace {
            $0.replacingOccurrences(of: "    done: true\n  - title: Kartlägga vilket", with: "    done: true\n  title: Kartlägga vilket")
        }
        let at = try place(in: try ws.text(Self.activity), line: "  title: Kartlägga vilket", at: "title")
        let (errors, _) = try validate(ws)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(Self.activity):\(at): error: [yaml.syntax]") == true, "\(errors)")
        #expect(errors.first?.contains("begin each item with '- '") == true)
    }

    @Test func aValueHoldingColonSpaceSaysToQuoteIt() throws {
        let ws = try workspace {
            $0.replacingOccurrences(of: "\nowner: Samverkanskansliet\n", with: "\nowner: Region: Samverkanskansliet\n")
        }
        let at = try place(in: try ws.text(Self.activity), line: "owner:", at: ": Samverk")
        let (errors, _) = try validate(ws)
        #expect(
            errors == [
                "\(Self.activity):\(at): error: [yaml.syntax] mapping values are not allowed in this context: "
                    + "the value holds ': ', which YAML reads as another key; put the whole value in quotes (owner: \"…\")"
            ])
    }

    @Test func anUnclosedQuoteIsReportedAtTheQuote() throws {
        let ws = try workspace { $0.replacingOccurrences(of: "\nowner: Samverkanskansliet\n", with: "\nowner: \"Samverkanskansliet\n") }
        let at = try place(in: try ws.text(Self.activity), line: "owner:", at: "\"")
        let (errors, _) = try validate(ws)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(Self.activity):\(at): error: [yaml.syntax]") == true, "\(errors)")
        #expect(errors.first?.contains("this quote is never closed; end the value with the same quote") == true)
    }

    // MARK: (d) Money

    @Test func anAmountWithSpacesOrCommasSaysWhichDigitsToWrite() throws {
        let ws = try workspace {
            $0.replacingOccurrences(of: "\nbudget_sek: 900000\n", with: "\nbudget_sek: 900 000 kr\n")
                .replacingOccurrences(of: "\nspent_sek: 845000\n", with: "\nspent_sek: 845,000\n")
        }
        let text = try ws.text(Self.activity)
        let budgetAt = try place(in: text, line: "budget_sek:", at: "900")
        let spentAt = try place(in: text, line: "spent_sek:", at: "845")
        let (errors, status) = try validate(ws)
        #expect(status == 1)
        #expect(
            errors.contains(
                "\(Self.activity):\(budgetAt): error: [schema.type] budget_sek: must be an integer; got a string (\"900 000 kr\"); write 900000 (whole kronor, digits only)"
            ), "\(errors)")
        #expect(
            errors.contains(
                "\(Self.activity):\(spentAt): error: [schema.type] spent_sek: must be an integer; got a string (\"845,000\"); write 845000 (whole kronor, digits only)"
            ), "\(errors)")
        let cli = try ws.run(["update", "stockholm/2021/bu-p1", "--spent", "300 000"])
        #expect(cli.status == 2)
        #expect(cli.stderr.contains("Hint: write 300000 (whole kronor, digits only)."), "\(cli.stderr)")
    }

    @Test func aFundingAmountWithSpacesSaysWhatToWrite() throws {
        let ws = try CycleWorkspace(bundled: true)
        let text = try ws.text(Self.plan)
        let line = try #require(text.split(separator: "\n").first { $0.contains("amount_sek: ") })
        let amount = String(try #require(line.split(separator: " ").last))
        // Grouped by thousands as a Swedish document writes it: 6 400 000.
        var spaced = ""
        for (index, digit) in amount.enumerated() {
            if index > 0, (amount.count - index) % 3 == 0 { spaced += " " }
            spaced.append(digit)
        }
        #expect(spaced.contains(" "))
        try ws.write(
            Self.plan, text.replacingOccurrences(of: String(line), with: line.replacingOccurrences(of: amount, with: String(spaced))))
        let at = try place(
            in: try ws.text(Self.plan), line: String(line.replacingOccurrences(of: amount, with: String(spaced))), at: String(spaced))
        let errors = try validate(ws, Self.plan).errors
        #expect(
            errors.contains {
                $0.hasPrefix("\(Self.plan):\(at): error: [schema.type] funding[0].amount_sek:")
                    && $0.hasSuffix("write \(amount) (whole kronor, digits only)")
            }, "\(errors)")
    }

    // MARK: (e) Unknown ids

    @Test func everyCommandThatTakesAnItemSuggestsTheNearestAndExitsTheSame() throws {
        let ws = try CycleWorkspace(bundled: true)
        let commands: [[String]] = [
            ["show", "stockholm/2021/bu-p9"],
            ["update", "stockholm/2021/bu-p9", "--progress", "10"],
            ["log", "stockholm/2021/bu-p9"],
            ["diff", "HEAD", "--item", "stockholm/2021/bu-p9"],
        ]
        for command in commands {
            let result = try ws.run(command)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("no stockholm/2021/bu-p9 in "), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("did you mean stockholm/2021/bu-p1, stockholm/2021/bu-p2"), "\(command): \(result.stderr)")
        }
        let plan = try ws.run(["approve", "stockholm/2022"])
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("did you mean stockholm/2021"), "\(plan.stderr)")
    }

    @Test("an id that exists only in last year's plan is suggested first")
    func lastYearsItemIsSuggestedFirst() throws {
        let ws = try CycleWorkspace(bundled: true)
        // stockholm/2020/bu-p4 was done in 2020 and not carried; 2021 has bu-p1, bu-p2 and bu-l4.
        for command in [["show", "stockholm/2021/bu-p4"], ["log", "stockholm/2021/bu-p4"]] {
            let result = try ws.run(command)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("did you mean stockholm/2020/bu-p4, "), "\(command): \(result.stderr)")
        }
    }

    @Test func goalIdsAndCountiesGivenToNewAndReviseSuggestTheNearest() throws {
        let ws = try CycleWorkspace(bundled: true)
        let goal = try ws.run([
            "new", "activity", "stockholm/2021/bu-p99", "--title", "X", "--area", "bu-ft",
            "--goal", "bu-ft-st-9",
        ])
        #expect(goal.status == 2)
        #expect(goal.stderr.contains("the plan stockholm/2021 has no goal 'bu-ft-st-9'; did you mean bu-ft-st-1?"), "\(goal.stderr)")
        let plan = try ws.run(["new", "goal", "stockholm/2022/x-st-1", "--title", "X", "--term", "short", "--area", "bu"])
        #expect(plan.status == 2)
        #expect(plan.stderr.contains("(stockholm has plans for 2020, 2021)"), "\(plan.stderr)")
        let county = try ws.run(["revise", "stokholm", "--to", "2022"])
        #expect(county.status == 1)
        #expect(county.stderr.contains("no stokholm in the working tree; did you mean stockholm?"), "\(county.stderr)")
        #expect(try ws.messages().count == 1, "nothing committed")
    }

    @Test func aBareIdSuggestsTheCountyYearIdForm() throws {
        let ws = try CycleWorkspace(bundled: true)
        let result = try ws.run(["show", "sam-p3"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("did you mean uppsala/2026/sam-p3"), "\(result.stderr)")
        #expect(result.stderr.contains("items are named county/year/id"))
        let update = try ws.run(["update", "sam-p3", "--progress", "10"])
        #expect(update.status == 1)
        #expect(update.stderr.contains("did you mean uppsala/2026/sam-p3"), "\(update.stderr)")
    }

    // MARK: (f) Outside a workspace

    @Test func outsideAWorkspaceSuggestsInit() throws {
        let folder = try TemporaryFolder()
        let home = try TemporaryFolder()
        let env = ["HOME": home.path]
        let none = try CLI.run(["validate"], in: folder.url, environment: env)
        #expect(none.status == 2)
        #expect(none.stderr.contains("not inside a workspace"), "\(none.stderr)")
        #expect(none.stderr.contains("plantrack init"))
        // A git repository without Plans/ is not a workspace either.
        let ws = try CycleWorkspace()
        for command in [["validate"], ["list"], ["rollup"]] {
            let result = try ws.run(command)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("no Plans/ folder"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("plantrack init"))
        }
        // init itself works there.
        let made = try ws.run(["init", ".", "--county", "orebro", "--county-name", "Örebro län", "--code", "18"])
        #expect(made.status == 0, "\(made.stderr)")
    }

    // MARK: (g) Exit codes

    @Test func argumentErrorsExit2NotArgumentParsers64() throws {
        let ws = try CycleWorkspace(bundled: true)
        let cases: [[String]] = [
            ["show"],  // missing argument
            ["list", "--bogus"],  // unknown option
            ["show", "Not A Reference"],  // validate() refuses
            ["update", "stockholm/2021/bu-p1", "--progress", "170"],
            ["diff", "--plans", "stockholm/2021"],
            ["rollup", "--as-of", "2026-02-30"],
        ]
        for arguments in cases {
            let result = try ws.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            #expect(!result.stderr.isEmpty)
        }
        #expect(try ws.run(["--help"]).status == 0)
        #expect(try ws.run(["--version"]).status == 0)
    }
}
