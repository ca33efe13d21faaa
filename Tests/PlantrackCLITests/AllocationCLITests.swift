import Foundation
import PlantrackTestSupport
import Testing

/// `plantrack allocation` through the binary. The figures are those of AllocationTests
/// (PlantrackCoreTests), worked out by hand for Stockholm, Gotland and Örebro there and in
/// docs/allocation.md.
@Suite("allocation")
struct AllocationCLITests {
    static let county = """
        ---
        kind: county
        id: stockholm
        name: Stockholms län
        code: "01"
        ---

        """

    /// A 2019 plan whose funding names three kinds, and one stream with none.
    static let plan = """
        ---
        kind: plan
        county: stockholm
        year: 2019
        title: Handlingsplan 2019
        version: 1
        status: adopted
        period: {start: 2019-01-01, end: 2019-12-31}
        areas:
          - {id: bu, title: Barn och unga}
        funding:
          - {stream: Länsgemensamma stimulansmedel, amount_sek: 6400000, kind: general}
          - {stream: Insatser för stärkt samverkan, amount_sek: 2000000, kind: cooperation}
          - {stream: Brukarmedverkan, amount_sek: 2000000, kind: user_participation}
          - {stream: Egna medel, amount_sek: 500000}
        ---

        """

    static func workspace() throws -> TestRepository {
        let repo = try TestRepository()
        try repo.stage("Plans/stockholm/county.md", county)
        try repo.stage("Plans/stockholm/2019/plan.md", plan)
        try repo.commit("Stockholm 2019")
        return repo
    }

    static func json(_ arguments: [String], in repo: TestRepository) throws -> [String: Any] {
        let result = try CLI.run(["allocation", "--format", "json"] + arguments, in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func all21CountiesAddUpToEveryNationalAmount() throws {
        let repo = try Self.workspace()
        let object = try Self.json([], in: repo)
        let agreement = try #require(object["agreement"] as? [String: Any])
        #expect(agreement["year"] as? Int == 2019)
        #expect(agreement["total_sek"] as? Int == 1_734_000_000)
        let streams = try #require(agreement["streams"] as? [[String: Any]])
        #expect(streams.count == 8)
        let counties = try #require(object["counties"] as? [[String: Any]])
        #expect(counties.count == 21)
        for stream in streams {
            let id = try #require(stream["id"] as? String)
            let sum = counties.reduce(0) { total, county in
                let lines = county["streams"] as? [[String: Any]] ?? []
                return total + (lines.first { $0["id"] as? String == id }?["amount_sek"] as? Int ?? 0)
            }
            #expect(sum == stream["amount_sek"] as? Int, "\(id)")
        }
        #expect(counties.reduce(0) { $0 + ($1["total_sek"] as? Int ?? 0) } == 1_734_000_000)
        // Only Stockholm has a plan of 2019.
        #expect(counties.filter { !($0["plan"] is NSNull) }.map { $0["code"] as? String } == ["01"])
    }

    @Test func stockholmsPlanBesideItsAllocation() throws {
        let repo = try Self.workspace()
        let object = try Self.json(["--county", "stockholm"], in: repo)
        let counties = try #require(object["counties"] as? [[String: Any]])
        #expect(counties.count == 1)
        let stockholm = try #require(counties.first)
        #expect(stockholm["total_sek"] as? Int == 374_766_470)
        let plan = try #require(stockholm["plan"] as? [String: Any])
        #expect(plan["plan"] as? String == "stockholm/2019")
        #expect(plan["budgeted_sek"] as? Int == 10_900_000)
        #expect(plan["unassigned_sek"] as? Int == 500_000)
        // 10 900 000 / 374 766 470 = 2.908…%
        #expect(plan["covered_percent"] as? Double == 2.9)
        let kinds = try #require(plan["kinds"] as? [[String: Any]])
        let general = try #require(kinds.first { $0["kind"] as? String == "general" })
        #expect(general["allocated_sek"] as? Int == 160_396_592)
        #expect(general["budgeted_sek"] as? Int == 6_400_000)
        let users = try #require(kinds.first { $0["kind"] as? String == "user_participation" })
        #expect(users["allocated_sek"] as? Int == 2_000_000)
        #expect(users["covered_percent"] as? Int == 100)
    }

    @Test func textNamesTheCountyTheStreamsAndThePlan() throws {
        let repo = try Self.workspace()
        let all = try CLI.run(["allocation"], in: repo.url)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("The 2019 agreement: 1734000000 SEK to the counties in 8 streams"))
        #expect(all.stdout.contains("stockholm/2019 budgets 10900000 of 374766470 SEK (2.9 %)"))
        #expect(all.stdout.split(separator: "\n").filter { $0.hasPrefix("09 ") }.count == 1)

        // By code, name or region, the same county.
        for name in ["01", "Stockholms län", "region stockholm"] {
            let one = try CLI.run(["allocation", "--county", name], in: repo.url)
            #expect(one.status == 0, "\(one.stderr)")
            #expect(one.stdout.hasPrefix("Stockholms län (01), Region Stockholm: 374766470 of the 2019 agreement's"))
            #expect(one.stdout.contains("Stimulansmedel till landstingen"))
            #expect(one.stdout.contains("PLAN stockholm/2019"))
        }
        let gotland = try CLI.run(["allocation", "--county", "09"], in: repo.url)
        #expect(gotland.stdout.contains("Gotlands län (09), Region Gotland: 15295496"))
        #expect(gotland.stdout.contains("No plan of Gotlands län for 2019 in the working tree."))
    }

    @Test func csvHasARowPerCountyAndKind() throws {
        let repo = try Self.workspace()
        let result = try CLI.run(["allocation", "--format", "csv", "--delimiter", ";"], in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\r\n").map { $0.split(separator: ";", omittingEmptySubsequences: false) }
        #expect(
            rows.first?.joined(separator: ";")
                == "year;county_code;county;kind;allocated_sek;region_sek;municipalities_sek;joint_sek;plan;budgeted_sek;covered_percent")
        // 21 counties × 6 kinds, and Stockholm's funding of no kind.
        #expect(rows.count == 1 + 21 * 6 + 1)
        #expect(
            rows.contains {
                $0.joined(separator: ";") == "2019;01;Stockholms län;general;160396592;80198296;80198296;0;stockholm/2019;6400000;4.0"
            })
        #expect(rows.contains { $0.joined(separator: ";") == "2019;01;Stockholms län;none;;;;;stockholm/2019;500000;" })
    }

    @Test func aPlanOfAnotherYearIsComparedWhenAsked() throws {
        let repo = try Self.workspace()
        let result = try CLI.run(["allocation", "--county", "stockholm", "--plan-year", "2020"], in: repo.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("No plan of Stockholms län for 2020 in the working tree."))
    }

    @Test func unknownCountyAndYearAreRefused() throws {
        let repo = try Self.workspace()
        let county = try CLI.run(["allocation", "--county", "atlantis"], in: repo.url)
        #expect(county.status == 1)
        #expect(county.stdout.isEmpty)
        #expect(
            county.stderr.contains(
                "no county 'atlantis': name one by its code (01–25), its name (Stockholms län), its region (Region Stockholm) "
                    + "or the id of a county in the working tree (stockholm)"))
        let year = try CLI.run(["allocation", "--year", "2021"], in: repo.url)
        #expect(year.status == 2)
        #expect(year.stderr.contains("no agreement of 2021 is known: plantrack has the national amounts of 2019"))
        let notAYear = try CLI.run(["allocation", "--year", "next"], in: repo.url)
        #expect(notAYear.status == 2)
        #expect(notAYear.stderr.contains("--year"))
    }
}
