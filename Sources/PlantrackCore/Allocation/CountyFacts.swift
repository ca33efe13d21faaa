/// One of Sweden's 21 counties (län) as the national agreements allocate money to it: its
/// code, names, municipalities and population at the end of each year plantrack knows.
///
/// The figures are SCB's, as `../shared/domain/counties.csv` lists them; they are written here
/// so that plantrack needs no data files (docs/allocation.md). `CountyFactsTests` holds this
/// table to that file when it is present.
public struct CountyFacts: Hashable, Sendable {
    /// The two-digit county code (`01`).
    public var code: String
    /// The county's name (`Stockholms län`).
    public var name: String
    /// The region with regional responsibility (`Region Stockholm`).
    public var region: String
    /// How many municipalities (kommuner) the county has.
    public var municipalities: Int
    /// The population on 31 December of each year, by year.
    public var populationAtYearEnd: [Int: Int]

    /// Creates a county's facts.
    public init(code: String, name: String, region: String, municipalities: Int, populationAtYearEnd: [Int: Int]) {
        self.code = code
        self.name = name
        self.region = region
        self.municipalities = municipalities
        self.populationAtYearEnd = populationAtYearEnd
    }
}

extension CountyFacts {
    /// The years whose year-end population every county has.
    public static let populationYears = [2018, 2019, 2020]

    /// The 21 counties in order of their codes (SCB; population on 31 December 2018, 2019
    /// and 2020).
    public static let all: [CountyFacts] = [
        CountyFacts(
            code: "01", name: "Stockholms län", region: "Region Stockholm", municipalities: 26,
            populationAtYearEnd: [2018: 2_344_124, 2019: 2_377_081, 2020: 2_391_990]),
        CountyFacts(
            code: "03", name: "Uppsala län", region: "Region Uppsala", municipalities: 8,
            populationAtYearEnd: [2018: 376_354, 2019: 383_713, 2020: 388_394]),
        CountyFacts(
            code: "04", name: "Södermanlands län", region: "Region Sörmland", municipalities: 9,
            populationAtYearEnd: [2018: 294_695, 2019: 297_540, 2020: 299_401]),
        CountyFacts(
            code: "05", name: "Östergötlands län", region: "Region Östergötland", municipalities: 13,
            populationAtYearEnd: [2018: 461_583, 2019: 465_495, 2020: 467_158]),
        CountyFacts(
            code: "06", name: "Jönköpings län", region: "Region Jönköpings län", municipalities: 13,
            populationAtYearEnd: [2018: 360_825, 2019: 363_599, 2020: 365_010]),
        CountyFacts(
            code: "07", name: "Kronobergs län", region: "Region Kronoberg", municipalities: 8,
            populationAtYearEnd: [2018: 199_886, 2019: 201_469, 2020: 202_263]),
        CountyFacts(
            code: "08", name: "Kalmar län", region: "Region Kalmar län", municipalities: 12,
            populationAtYearEnd: [2018: 244_670, 2019: 245_446, 2020: 246_010]),
        CountyFacts(
            code: "09", name: "Gotlands län", region: "Region Gotland", municipalities: 1,
            populationAtYearEnd: [2018: 59_249, 2019: 59_686, 2020: 60_124]),
        CountyFacts(
            code: "10", name: "Blekinge län", region: "Region Blekinge", municipalities: 5,
            populationAtYearEnd: [2018: 159_684, 2019: 159_606, 2020: 159_056]),
        CountyFacts(
            code: "12", name: "Skåne län", region: "Region Skåne", municipalities: 33,
            populationAtYearEnd: [2018: 1_362_164, 2019: 1_377_827, 2020: 1_389_336]),
        CountyFacts(
            code: "13", name: "Hallands län", region: "Region Halland", municipalities: 6,
            populationAtYearEnd: [2018: 329_352, 2019: 333_848, 2020: 336_748]),
        CountyFacts(
            code: "14", name: "Västra Götalands län", region: "Västra Götalandsregionen", municipalities: 49,
            populationAtYearEnd: [2018: 1_709_814, 2019: 1_725_881, 2020: 1_734_443]),
        CountyFacts(
            code: "17", name: "Värmlands län", region: "Region Värmland", municipalities: 16,
            populationAtYearEnd: [2018: 281_482, 2019: 282_414, 2020: 282_885]),
        CountyFacts(
            code: "18", name: "Örebro län", region: "Region Örebro län", municipalities: 12,
            populationAtYearEnd: [2018: 302_252, 2019: 304_805, 2020: 305_643]),
        CountyFacts(
            code: "19", name: "Västmanlands län", region: "Region Västmanland", municipalities: 10,
            populationAtYearEnd: [2018: 273_929, 2019: 275_845, 2020: 277_141]),
        CountyFacts(
            code: "20", name: "Dalarnas län", region: "Region Dalarna", municipalities: 15,
            populationAtYearEnd: [2018: 287_191, 2019: 287_966, 2020: 287_676]),
        CountyFacts(
            code: "21", name: "Gävleborgs län", region: "Region Gävleborg", municipalities: 10,
            populationAtYearEnd: [2018: 286_547, 2019: 287_382, 2020: 287_502]),
        CountyFacts(
            code: "22", name: "Västernorrlands län", region: "Region Västernorrland", municipalities: 7,
            populationAtYearEnd: [2018: 245_453, 2019: 245_347, 2020: 244_554]),
        CountyFacts(
            code: "23", name: "Jämtlands län", region: "Region Jämtland Härjedalen", municipalities: 8,
            populationAtYearEnd: [2018: 130_280, 2019: 130_810, 2020: 131_155]),
        CountyFacts(
            code: "24", name: "Västerbottens län", region: "Region Västerbotten", municipalities: 15,
            populationAtYearEnd: [2018: 270_154, 2019: 271_736, 2020: 273_192]),
        CountyFacts(
            code: "25", name: "Norrbottens län", region: "Region Norrbotten", municipalities: 14,
            populationAtYearEnd: [2018: 250_497, 2019: 250_093, 2020: 249_614]),
    ]

    /// The county with this two-digit code.
    public static func county(code: String) -> CountyFacts? { all.first { $0.code == code } }
}
