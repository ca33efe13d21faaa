import PlantrackCore
import Testing

@testable import PlantrackKolada

/// The parts of the Kolada client that need no server: the request plan, next-page URLs,
/// `Retry-After`.
@Suite("Kolada client: planning, next pages, Retry-After")
struct KoladaClientPartsTests {
    @Test func planCutsListsAndSharesRequests() {
        let settings = KoladaSettings(baseURL: "https://api.kolada.se/v3/", batchSize: 2, perPage: 50)
        let series = [
            KoladaSeries(kpi: "N3", municipality: "0001", years: [2022, 2023]),
            KoladaSeries(kpi: "N1", municipality: "0001", years: [2023]),
            KoladaSeries(kpi: "N2", municipality: "0001", years: [2022]),
            KoladaSeries(kpi: "N9", municipality: "0180", years: [2022]),
            KoladaSeries(kpi: "N0", municipality: "0180", years: []),
        ]
        let plan = KoladaRequestPlan(series: series, settings: settings)
        // Grouped by municipalities and years: N1, N2 and N3 want different years.
        #expect(
            plan.requests.map(\.url) == [
                "https://api.kolada.se/v3/data/kpi/N2/municipality/0001/year/2022",
                "https://api.kolada.se/v3/data/kpi/N3/municipality/0001/year/2022,2023",
                "https://api.kolada.se/v3/data/kpi/N1/municipality/0001/year/2023",
                "https://api.kolada.se/v3/data/kpi/N9/municipality/0180/year/2022",
            ])
        #expect(plan.requests[1].firstPage.hasSuffix("/year/2022,2023?per_page=50"))
        // 21 key figures for one region at the default batch size: two requests.
        let many = (1...21).map { KoladaSeries(kpi: "N\($0)", municipality: "0001", years: [2023]) }
        #expect(KoladaRequestPlan(series: many, settings: KoladaSettings()).requests.map(\.kpis.count) == [20, 1])
        #expect(KoladaRequestPlan.escape("N 1/x") == "N%201%2Fx")
    }

    @Test func nextPagesResolveAgainstThePage() throws {
        let page = try #require(KoladaURL("http://127.0.0.1:8080/v3/data/kpi/N1/year/2023?per_page=1"))
        #expect(page.resolving("?page=2")?.text == "http://127.0.0.1:8080/v3/data/kpi/N1/year/2023?page=2")
        #expect(page.resolving("/v3/x?page=2")?.text == "http://127.0.0.1:8080/v3/x?page=2")
        #expect(page.resolving("2023?page=3")?.text == "http://127.0.0.1:8080/v3/data/kpi/N1/year/2023?page=3")
        let other = try #require(page.resolving("https://kolada.example.org/v3/x"))
        #expect(!other.sameOrigin(as: page))
        #expect(try #require(KoladaURL("https://API.kolada.se:443/v3")).text == "https://api.kolada.se/v3")
        #expect(KoladaURL("ftp://x/y") == nil)
    }

    @Test func retryAfterInSecondsOrAsADate() {
        #expect(RetryAfter.seconds("0", now: 0) == 0)
        #expect(RetryAfter.seconds(" 7 ", now: 0) == 7)
        let date = RetryAfter.imfDate("Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(date == 784_111_777)
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:47 GMT", now: 784_111_777) == 10)
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:37 GMT", now: 784_111_800) == 0)
        #expect(RetryAfter.seconds("soon", now: 0) == nil)
        #expect(RetryAfter.seconds("-1", now: 0) == nil)
        #expect(CalendarDate(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11_017)
    }
}
