import Foundation
import PlantrackCore
import Testing

/// The bundled Plans/ committed on 15 January 2022, when Stockholm's follow-up of 2021 is
/// being written: `report --as-of 2022-01-20` reads this commit, `validate --as-of` the same
/// files in the working tree. `followUp` rewrites Stockholm 2021's followup.md first.
struct StockholmFollowUpRepository {
    static let followUpPath = "Plans/stockholm/2021/followup.md"
    let repo: TestRepository

    init(followUp edit: (String) -> String = { $0 }) throws {
        repo = try TestRepository()
        for (path, text) in try BundledPlansHistory.bundledFiles().sorted(by: { $0.key < $1.key }) {
            try repo.stage(path, path == Self.followUpPath ? edit(text) : text)
        }
        try repo.commit("Plans as on 15 January 2022", time: BundledPlansHistory.seconds("2022-01-15"))
    }

    /// The follow-up without its `youth_clinics` section (the key and its indented lines).
    static func withoutYouthClinics(_ text: String) -> String {
        var dropping = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            if line.hasPrefix("youth_clinics:") {
                dropping = true
                return false
            }
            if dropping && line.hasPrefix("  ") { return false }
            dropping = false
            return true
        }.joined(separator: "\n")
    }
}

@Suite("the follow-up as §6 of the agreement asks for it")
struct FollowUpAgreementTests {
    static let report = [
        "report", "--kind", "redovisning", "--year", "2021", "--county", "stockholm", "--as-of", "2022-01-20",
    ]

    @Test("a follow-up without youth_clinics: the report lists it as missing and validate names it near the due date")
    func missingYouthClinics() throws {
        let bundled = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent(StockholmFollowUpRepository.followUpPath), encoding: .utf8)
        let edited = StockholmFollowUpRepository.withoutYouthClinics(bundled)
        #expect(edited != bundled && !edited.contains("youth_clinics") && edited.contains("availability:"))
        let ws = try StockholmFollowUpRepository(followUp: StockholmFollowUpRepository.withoutYouthClinics)

        let csv = try CLI.run(Self.report + ["--format", "csv"], in: ws.repo.url)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains("stockholm,2021,missing,youth_clinics,,6.5,,,,,followup\r\n"))
        #expect(!csv.stdout.contains(",youth_clinics,use_of_funds,"))
        let markdown = try CLI.run(Self.report + ["--format", "markdown", "--lang", "en"], in: ws.repo.url)
        #expect(markdown.stdout.contains("- **§6.5 Youth clinics**: Missing: youth\\_clinics\n"))
        #expect(markdown.stdout.contains("- **§6.4 Availability**: complete\n"))

        let validate = try CLI.run(["validate", "--as-of", "2022-01-20"], in: ws.repo.url)
        #expect(validate.status == 0, "warnings only: \(validate.stdout)\(validate.stderr)")
        // A missing top-level field points at the start of the front matter (line 2).
        #expect(
            validate.stdout.contains(
                "Plans/stockholm/2021/followup.md:2:1: warning: [followup.incomplete] the follow-up of stockholm/2021 "
                    + "(due to SKR by 2022-01-31) lacks youth_clinics (§6.5)"), "\(validate.stdout)")
        #expect(validate.stdout.components(separatedBy: "[followup.incomplete]").count == 2, "one finding: \(validate.stdout)")

        // After 31 March the follow-up is history: validate is quiet about it.
        let later = try CLI.run(["validate", "--as-of", "2022-04-01"], in: ws.repo.url)
        #expect(!later.stdout.contains("followup.incomplete"), "\(later.stdout)")
    }

    @Test("the bundled follow-up is complete: neither the report nor validate names anything missing")
    func bundledComplete() throws {
        let ws = try StockholmFollowUpRepository()
        let csv = try CLI.run(Self.report + ["--format", "csv"], in: ws.repo.url)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(!csv.stdout.contains(",missing,"), "\(csv.stdout)")
        #expect(csv.stdout.contains("stockholm,2021,youth_clinics,use_of_funds,"))
        let validate = try CLI.run(["validate", "--as-of", "2022-01-20"], in: ws.repo.url)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(!validate.stdout.contains("followup.incomplete"), "\(validate.stdout)")
    }

    @Test("an availability indicator that is not one of the plan's is an error at its place")
    func unknownIndicator() throws {
        let ws = try StockholmFollowUpRepository { text in
            text.replacingOccurrences(of: "bu-ft-st-2/forsta-bedomning-bup", with: "bu-ft-st-2/forsta-besok")
        }
        let validate = try CLI.run(["validate", "--as-of", "2022-01-20"], in: ws.repo.url)
        #expect(validate.status == 1)
        let line = try #require(
            String(
                decoding: try Data(contentsOf: ws.repo.url.appendingPathComponent(StockholmFollowUpRepository.followUpPath)), as: UTF8.self
            )
            .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("bu-ft-st-2/forsta-besok") })
        #expect(
            validate.stdout.contains(
                "Plans/stockholm/2021/followup.md:\(line + 1):7: error: [ref.followup-indicator] "
                    + "the goal bu-ft-st-2 has no indicator forsta-besok"), "\(validate.stdout)")
    }

    @Test("the money per §6.1 kind by principal, beside Stockholm's allocation of the 2019 agreement")
    func moneyAndAllocation() throws {
        let ws = try StockholmFollowUpRepository()
        let csv = try CLI.run(Self.report + ["--format", "csv"], in: ws.repo.url)
        let rows = csv.stdout.split(separator: "\r\n").map(String.init)
        // Granted 6.4 MSEK of the general funds, jointly; the activities' budgets and
        // spending are summed from the bundled plan's activities of that stream.
        let kindMoney = rows.filter { $0.hasPrefix("stockholm,2021,kind_money,") }
        #expect(kindMoney.count == 1, "\(kindMoney)")
        #expect(kindMoney.first?.hasPrefix("stockholm,2021,kind_money,general,joint,,6400000,") == true)
        // The allocation row of the general kind is Stockholm's share of 700 MSEK by population.
        let allocation = try Allocation(agreement: try #require(Agreement.known(year: 2019)))
        let share = try #require(allocation.share(code: "01"))
        #expect(rows.contains("stockholm,2021,allocation,general,,,\(share.amountSEK(of: .general)),6400000,,,2019"))
        #expect(rows.contains("stockholm,2021,allocation,total,,,\(share.totalSEK),6400000,,,2019"))
        // The due dates of §6 and §9.1, none submitted yet.
        #expect(rows.contains("stockholm,2021,due,skr,,,,,,2022-01-31,"))
        #expect(rows.contains("stockholm,2021,due,agencies,,,,,,2022-02-15,"))
        #expect(rows.contains("stockholm,2021,due,financial,,,,,,2022-03-31,"))
        // The 2020 plan's results, with what 2021 carries on.
        #expect(rows.contains { $0.hasPrefix("stockholm,2021,earlier_activity,stockholm/2020/bu-p1,") && $0.hasSuffix(",carried_on") })
    }
}
