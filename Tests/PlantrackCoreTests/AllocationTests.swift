import Foundation
import PlantrackCore
import Testing

@Suite("the national streams divided between the counties")
struct AllocationTests {
    static func allocation2019() throws -> Allocation {
        let agreement = try #require(Agreement.known(year: 2019))
        return try Allocation(agreement: agreement)
    }

    /// The 2019 agreement's eight streams add up to 1 734 MSEK (the 1 774 MSEK of §8 less SKL's
    /// 40 MSEK), and every stream's 21 shares add up to its national amount to the krona.
    @Test func everyStreamAddsUpToItsNationalAmount() throws {
        let allocation = try Self.allocation2019()
        #expect(allocation.agreement.totalSEK == 1_734_000_000)
        #expect(allocation.shares.count == 21)
        for (index, stream) in allocation.agreement.streams.enumerated() {
            let sum = allocation.shares.reduce(0) { $0 + $1.lines[index].amountSEK }
            #expect(sum == stream.amountSEK, "\(stream.id)")
        }
        #expect(allocation.shares.reduce(0) { $0 + $1.totalSEK } == 1_734_000_000)
    }

    /// Three counties worked out by hand (also in docs/allocation.md): Stockholm (the largest,
    /// a metropolitan region), Gotland (the smallest) and Örebro (where the rounding rule gives
    /// another krona than rounding half up would).
    ///
    /// The national population on 31 December 2018 is 10 230 185. For a stream divided by
    /// population, `amount × population ÷ 10 230 185` rounded down, plus one krona if the
    /// county's remainder is among the largest (the kronor left over after rounding down: 11
    /// of the 350 MSEK streams, 12 of the 95 MSEK cooperation rest, 12 of the 250 and 380
    /// MSEK, 10 of the 130 and 50 MSEK streams).
    @Test func threeCountiesByHand() throws {
        let allocation = try Self.allocation2019()
        let expected: [String: [String: Int]] = [
            // Stockholm, 2 344 124 people.
            "01": [
                // 350 000 000 × 2 344 124 ÷ 10 230 185 = 80 198 295.534; remainder 10th largest of 11 → +1
                "general-regions": 80_198_296,
                "general-municipalities": 80_198_296,
                // 5 000 000 + 95 000 000 × 2 344 124 ÷ 10 230 185 = 5 000 000 + 21 768 108.788 (6th of 12 → +1)
                "cooperation": 26_768_109,
                // 250 000 000 × … = 57 284 496.810 (6th of 12 → +1)
                "children-young": 57_284_497,
                // 380 000 000 × … = 87 072 435.151 (19th; 12 left → none)
                "bup-queues": 87_072_435,
                // 130 000 000 × … = 29 787 938.341 (13th; 10 left → none)
                "youth-clinics": 29_787_938,
                // metropolitan region: 2 000 000
                "user-participation": 2_000_000,
                // 50 000 000 × … = 11 456 899.362 (12th; 10 left → none)
                "trauma-care": 11_456_899,
            ],
            // Gotland, 59 249 people.
            "09": [
                "general-regions": 2_027_055,  // 2 027 055.229, 19th of 11 → none
                "general-municipalities": 2_027_055,
                "cooperation": 5_550_201,  // 5 000 000 + 550 200.705, 7th of 12 → +1
                "children-young": 1_447_897,  // 1 447 896.592, 11th of 12 → +1
                "bup-queues": 2_200_803,  // 2 200 802.820, 5th of 12 → +1
                "youth-clinics": 752_906,  // 752 906.228, 15th of 10 → none
                "user-participation": 1_000_000,
                "trauma-care": 289_579,  // 289 579.318, 13th of 10 → none
            ],
            // Örebro, 302 252 people.
            "18": [
                // 10 340 790.514: 12th largest remainder, but only 11 kronor are left → none
                // (rounding half up would have given 10 340 791).
                "general-regions": 10_340_790,
                "general-municipalities": 10_340_790,
                "cooperation": 7_806_786,  // 5 000 000 + 2 806 785.997, 1st → +1
                "children-young": 7_386_279,  // 7 386 278.938, 3rd → +1
                "bup-queues": 11_227_144,  // 11 227 143.986, 1st → +1
                "youth-clinics": 3_840_865,  // 3 840 865.048, 20th → none
                "user-participation": 1_000_000,
                "trauma-care": 1_477_256,  // 1 477 255.788, 6th of 10 → +1
            ],
        ]
        let totals = ["01": 374_766_470, "09": 15_295_496, "18": 53_419_910]
        for (code, streams) in expected {
            let share = try #require(allocation.share(code: code))
            for line in share.lines {
                #expect(line.amountSEK == streams[line.stream.id], "\(code) \(line.stream.id)")
            }
            #expect(share.lines.count == streams.count)
            #expect(share.totalSEK == totals[code])
        }
        let stockholm = try #require(allocation.share(code: "01"))
        #expect(stockholm.amountSEK(of: .general) == 160_396_592)
        #expect(stockholm.amountSEK(of: .childrenYoung) == 57_284_497 + 87_072_435)
        #expect(stockholm.byKind.map(\.kind) == StreamKind.allCases)
    }

    @Test func largestRemaindersGoToTheLargestFractionsThenTheFirstCounty() {
        // 10 in thirds: 3.33 each; one krona left, to the first.
        #expect(Allocation.largestRemainders(of: 10, weights: [1, 1, 1]) == [4, 3, 3])
        // 100 by 1:2:4 = 14.29, 28.57, 57.14: floors 14, 28, 57 (99); the largest remainder is 28's.
        #expect(Allocation.largestRemainders(of: 100, weights: [1, 2, 4]) == [14, 29, 57])
        // Amounts whose product with the weight passes Int.max.
        let big = Int.max / 2
        #expect(Allocation.largestRemainders(of: big, weights: [big, big]).reduce(0, +) == big)
    }

    @Test func aCountyWithoutThePopulationYearIsRefused() throws {
        var counties = CountyFacts.all
        counties[2].populationAtYearEnd[2018] = nil
        let agreement = try #require(Agreement.known(year: 2019))
        #expect(throws: AllocationError.missingPopulation(county: "Södermanlands län", year: 2018)) {
            try Allocation(agreement: agreement, counties: counties)
        }
    }

    /// The county table in the sources is SCB's as `../shared/domain/counties.csv` has it.
    /// plantrack does not need that file; when it is there (the project's own checkout),
    /// the two must agree.
    @Test func countyTableMatchesTheSharedDomainFile() throws {
        let path = RulesFixtures.packageRoot + "/../shared/domain/counties.csv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        let rows = text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 21)
        #expect(CountyFacts.all.count == 21)
        for (row, county) in zip(rows, CountyFacts.all) {
            #expect(row[0] == county.code)
            #expect(row[1] == county.name)
            #expect(row[2] == county.region)
            #expect(Int(row[3]) == county.municipalities)
            #expect(Int(row[4]) == county.populationAtYearEnd[2018])
            #expect(Int(row[5]) == county.populationAtYearEnd[2019])
            #expect(Int(row[6]) == county.populationAtYearEnd[2020])
        }
        #expect(CountyFacts.all.reduce(0) { $0 + $1.municipalities } == 290)
        #expect(CountyFacts.all.reduce(0) { $0 + ($1.populationAtYearEnd[2018] ?? 0) } == 10_230_185)
    }
}
