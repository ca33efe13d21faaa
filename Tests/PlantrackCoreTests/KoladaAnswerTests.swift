import PlantrackCore
import Testing

/// The readers of Kolada's answers and exports: the shapes accepted and the errors, with
/// where they point.
@Suite("Kolada answers")
struct KoladaAnswerTests {
    static func page(_ text: String) throws(KoladaAnswerError) -> KoladaPage {
        try KoladaAnswer.page(Array(text.utf8), request: "https://kolada.test/v3/data")
    }

    static func error(_ text: String) -> KoladaAnswerError? {
        do {
            _ = try page(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsRowsGendersNullsAndTheNextPage() throws {
        let page = try Self.page(
            """
            {"values": [{"kpi": "N74000", "municipality": "0001", "period": 2022,
              "values": [{"gender": "T", "status": "", "value": 84.1, "count": 1},
                         {"gender": "K", "status": "B", "value": null, "count": 0},
                         {"gender": "M", "value": 80}]}],
             "next_url": "https://kolada.test/v3/data?page=2", "count": 1}
            """)
        #expect(page.next == "https://kolada.test/v3/data?page=2")
        #expect(
            page.values == [
                KoladaValue(kpi: "N74000", municipality: "0001", period: 2022, gender: .total, value: 84.1, status: nil),
                KoladaValue(kpi: "N74000", municipality: "0001", period: 2022, gender: .women, value: nil, status: "B"),
                KoladaValue(kpi: "N74000", municipality: "0001", period: 2022, gender: .men, value: 80, status: nil),
            ])
    }

    @Test func nextPageUnderEitherNameOrNone() throws {
        #expect(try Self.page(#"{"values": [], "next_page": "u2"}"#).next == "u2")
        #expect(try Self.page(#"{"values": [], "next_url": null}"#).next == nil)
        #expect(try Self.page(#"{"values": []}"#).next == nil)
    }

    @Test func wrongTypesNameTheFieldAndPosition() {
        let value = Self.error(
            """
            {"values": [{"kpi": "N1", "municipality": "0001", "period": 2022,
              "values": [{"gender": "T", "value": "12,3"}]}]}
            """)
        #expect(value?.location == SourceLocation(line: 2, column: 39))
        #expect(value?.field == "values[0].values[0].value")
        #expect(value?.message == "expected a number or null, found string \"12,3\"")
        #expect(value?.description.hasPrefix("https://kolada.test/v3/data:2:39: values[0].values[0].value: ") == true)
        let period = Self.error(#"{"values": [{"kpi": "N1", "municipality": "0001", "period": "2022", "values": []}]}"#)
        #expect(period?.field == "values[0].period")
        #expect(period?.message.hasPrefix("expected a year") == true)
        let gender = Self.error(
            #"{"values": [{"kpi": "N1", "municipality": "0001", "period": 2022, "values": [{"gender": "X", "value": 1}]}]}"#)
        #expect(gender?.field == "values[0].values[0].gender")
        let values = Self.error(#"{"values": {"kpi": "N1"}}"#)
        #expect(values?.field == "values")
        #expect(values?.message.hasPrefix("expected a list of rows") == true)
    }

    @Test func missingMembersAreNamed() {
        #expect(Self.error(#"{"next_url": null}"#)?.message == "no \"values\"")
        let kpi = Self.error(#"{"values": [{"municipality": "0001", "period": 2022, "values": []}]}"#)
        #expect(kpi?.field == "values[0]")
        #expect(kpi?.message == "no \"kpi\"")
        #expect(kpi?.location == SourceLocation(line: 1, column: 13))
        let value = Self.error(#"{"values": [{"kpi": "N1", "municipality": "0001", "period": 2022, "values": [{"gender": "T"}]}]}"#)
        #expect(value?.message == "no \"value\"")
    }

    @Test func aBodyThatBreaksOffIsSaidSo() {
        let cut = Self.error(#"{"values": [{"kpi": "N1", "municipality": "00"#)
        #expect(cut?.message.hasPrefix("the answer breaks off") == true)
        #expect(cut?.location?.line == 1)
        let garbage = Self.error("<html>502 Bad Gateway</html>")
        #expect(garbage?.message.hasPrefix("not JSON") == true)
    }

    @Test func savedPagesTakeTheirRequestFromThePageBefore() throws {
        let pages = try KoladaAnswer.saved(
            Array(
                #"[{"request": "u1", "values": [], "next_url": "u2"}, {"values": [], "next_url": "u3"}, {"values": []}]"#.utf8),
            file: "saved.json")
        #expect(pages.map(\.request) == ["u1", "u2", "u3"])
        let single = try KoladaAnswer.saved(Array(#"{"values": []}"#.utf8), file: "one.json")
        #expect(single.count == 1 && single[0].request == nil)
    }

    @Test func csvWithSemicolonsAndDecimalCommas() throws {
        let values = try KoladaAnswer.csv(
            Array(
                "\u{FEFF}KPI;Kommun_id;Kommun;År;Kön;Värde;Status\r\nN1;0001;\"Region; Stockholm\";2022;Kvinnor;1 234,5;B\r\nN1;0001;x;2023;T;;\r\n\r\n"
                    .utf8), file: "e.csv")
        #expect(
            values == [
                KoladaValue(kpi: "N1", municipality: "0001", period: 2022, gender: .women, value: 1234.5, status: "B"),
                KoladaValue(kpi: "N1", municipality: "0001", period: 2023, gender: .total, value: nil, status: nil),
            ])
    }

    @Test func csvWithCommasAndNoGender() throws {
        let values = try KoladaAnswer.csv(
            Array("kpi,municipality,period,value\nN1,0180,2021,\"84,1\"\nN1,0180,2022,85.5\n".utf8), file: "e.csv")
        #expect(values.map(\.value) == [84.1, 85.5])
        #expect(values.allSatisfy { $0.gender == .total })
    }

    @Test func csvErrorsPointAtLineAndColumn() {
        func error(_ text: String) -> KoladaAnswerError? {
            do {
                _ = try KoladaAnswer.csv(Array(text.utf8), file: "e.csv")
                return nil
            } catch {
                return error
            }
        }
        let value = error("kpi;municipality;period;value\nN1;0001;2022;12.3.4\n")
        #expect(value?.description == "e.csv:2:14: value: expected a number (84.1 or 84,1) or nothing (no value), found '12.3.4'")
        let period = error("kpi;municipality;period;value\nN1;0001;22;1\n")
        #expect(period?.location == SourceLocation(line: 2, column: 9))
        #expect(error("kpi;period;value\nN1;2022;1\n")?.message.hasPrefix("no municipality column") == true)
        #expect(error("kpi;municipality;period;value\nN1;0001\n")?.location?.line == 2)
        #expect(error("kpi;municipality;period;value\nN1;\"0001;2022;1\n")?.message.hasPrefix("a quoted field is not closed") == true)
        #expect(error("")?.message.hasPrefix("no header line") == true)
        #expect(error("kpi;municipality;period;value;gender\nN1;0001;2022;1;X\n")?.field == "gender")
    }

    @Test func defaultYearsRunFromTheBaselineToThePlanYearAtMostFive() {
        #expect(KoladaNeeds.defaultYears(baseline: 2019, planYear: 2021) == [2019, 2020, 2021])
        #expect(KoladaNeeds.defaultYears(baseline: 2010, planYear: 2021) == [2017, 2018, 2019, 2020, 2021])
        #expect(KoladaNeeds.defaultYears(baseline: nil, planYear: 2021) == [2017, 2018, 2019, 2020, 2021])
        #expect(KoladaNeeds.defaultYears(baseline: 2023, planYear: 2021) == [2021])
    }
}
