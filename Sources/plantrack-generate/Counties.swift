/// Sweden's 21 counties as the generator needs them: code, names, how many municipalities,
/// the population on 31 December 2020 (SCB), and the county seat, whose municipality code
/// ends in 80. Embedded so the generator runs from a clean clone with no data files.
struct County {
    let code: String
    let name: String
    let regionName: String
    let municipalities: Int
    let population: Int
    let seat: String
}

let counties: [County] = [
    County(
        code: "01", name: "Stockholms län", regionName: "Region Stockholm", municipalities: 26, population: 2_391_990, seat: "Stockholm"),
    County(code: "03", name: "Uppsala län", regionName: "Region Uppsala", municipalities: 8, population: 388_394, seat: "Uppsala"),
    County(code: "04", name: "Södermanlands län", regionName: "Region Sörmland", municipalities: 9, population: 299_401, seat: "Nyköping"),
    County(
        code: "05", name: "Östergötlands län", regionName: "Region Östergötland", municipalities: 13, population: 467_158, seat: "Linköping"
    ),
    County(
        code: "06", name: "Jönköpings län", regionName: "Region Jönköpings län", municipalities: 13, population: 365_010, seat: "Jönköping"),
    County(code: "07", name: "Kronobergs län", regionName: "Region Kronoberg", municipalities: 8, population: 202_263, seat: "Växjö"),
    County(code: "08", name: "Kalmar län", regionName: "Region Kalmar län", municipalities: 12, population: 246_010, seat: "Kalmar"),
    County(code: "09", name: "Gotlands län", regionName: "Region Gotland", municipalities: 1, population: 60_124, seat: "Gotland"),
    County(code: "10", name: "Blekinge län", regionName: "Region Blekinge", municipalities: 5, population: 159_056, seat: "Karlskrona"),
    County(code: "12", name: "Skåne län", regionName: "Region Skåne", municipalities: 33, population: 1_389_336, seat: "Malmö"),
    County(code: "13", name: "Hallands län", regionName: "Region Halland", municipalities: 6, population: 336_748, seat: "Halmstad"),
    County(
        code: "14", name: "Västra Götalands län", regionName: "Västra Götalandsregionen", municipalities: 49, population: 1_734_443,
        seat: "Göteborg"),
    County(code: "17", name: "Värmlands län", regionName: "Region Värmland", municipalities: 16, population: 282_885, seat: "Karlstad"),
    County(code: "18", name: "Örebro län", regionName: "Region Örebro län", municipalities: 12, population: 305_643, seat: "Örebro"),
    County(
        code: "19", name: "Västmanlands län", regionName: "Region Västmanland", municipalities: 10, population: 277_141, seat: "Västerås"),
    County(code: "20", name: "Dalarnas län", regionName: "Region Dalarna", municipalities: 15, population: 287_676, seat: "Falun"),
    County(code: "21", name: "Gävleborgs län", regionName: "Region Gävleborg", municipalities: 10, population: 287_502, seat: "Gävle"),
    County(
        code: "22", name: "Västernorrlands län", regionName: "Region Västernorrland", municipalities: 7, population: 244_554,
        seat: "Härnösand"),
    County(
        code: "23", name: "Jämtlands län", regionName: "Region Jämtland Härjedalen", municipalities: 8, population: 131_155,
        seat: "Östersund"),
    County(code: "24", name: "Västerbottens län", regionName: "Region Västerbotten", municipalities: 15, population: 273_192, seat: "Umeå"),
    County(code: "25", name: "Norrbottens län", regionName: "Region Norrbotten", municipalities: 14, population: 249_614, seat: "Luleå"),
]

/// One organisation that keeps plans: a region or a municipality.
struct Entity {
    /// The folder name and `id`: `region-stockholm`, `stockholms-stad-0180`.
    let id: String
    /// `Region Stockholm`, `Stockholms stad`, `Björkå kommun`.
    let name: String
    let county: County
    let isRegion: Bool
    let population: Int
}

/// Lowercase ASCII slug: å/ä → a, ö → o, é → e, anything else that is not a letter or digit
/// becomes one `-`.
func slug(_ text: String) -> String {
    var result = ""
    var pendingDash = false
    for scalar in text.lowercased().unicodeScalars {
        let mapped: Character?
        switch scalar {
        case "å", "ä", "á", "à": mapped = "a"
        case "ö", "ø", "ó": mapped = "o"
        case "é", "è": mapped = "e"
        case "ü": mapped = "u"
        case "a"..."z", "0"..."9": mapped = Character(scalar)
        default: mapped = nil
        }
        if let mapped {
            if pendingDash && !result.isEmpty { result.append("-") }
            pendingDash = false
            result.append(mapped)
        } else {
            pendingDash = true
        }
    }
    return result
}

/// A municipality's name from its place name: `Linköpings kommun`, `Uppsala kommun`
/// (no genitive s after a vowel or s), and `stad` for the three metropolitan cities.
func municipalityName(_ place: String) -> String {
    let cities = ["Stockholm", "Göteborg", "Malmö"]
    let lastLetter = place.last.map { String($0).lowercased() } ?? ""
    let genitive = "aeiouyåäös".contains(lastLetter) ? place : place + "s"
    return cities.contains(place) ? "\(genitive) stad" : "\(genitive) kommun"
}

/// The regions and municipalities of every county, in county-code order, for at most
/// `limit` entities. The county seat is real (code `cc80`); the other municipalities get
/// invented Swedish-sounding place names and codes `cc14`, `cc15`, …
func makeEntities(limit: Int, random: inout SeededRandom) -> [Entity] {
    var usedPlaces = Set(counties.map(\.seat))
    var perCounty: [[Entity]] = []
    for county in counties {
        var list: [Entity] = [
            Entity(
                id: slug(county.regionName), name: county.regionName, county: county, isRegion: true,
                population: county.population)
        ]
        // Split the population: the seat takes a large share, the rest by random weights.
        let weights = (0..<county.municipalities).map { index in index == 0 ? 0 : random.int(10...100) }
        let seatShare = county.municipalities == 1 ? county.population : county.population * random.int(25...40) / 100
        let rest = county.population - seatShare
        let totalWeight = max(1, weights.reduce(0, +))
        for index in 0..<county.municipalities {
            let place: String
            let code: String
            if index == 0 {
                place = county.seat
                code = county.code + "80"
            } else {
                place = inventedPlace(&random, avoiding: &usedPlaces)
                code = county.code + String(13 + index)
            }
            let name = municipalityName(place)
            let baseForID = name.hasSuffix(" stad") ? name : place
            let population = index == 0 ? seatShare : max(2_400, rest * weights[index] / totalWeight)
            list.append(
                Entity(
                    id: "\(slug(baseForID))-\(code)", name: name, county: county, isRegion: false,
                    population: population))
        }
        perCounty.append(list)
    }
    // Fewer than all: spread the choice evenly over the country so a small workspace still
    // mixes regions and municipalities from several counties.
    let all = Array(perCounty.joined())
    let count = min(limit, all.count)
    return (0..<count).map { all[$0 * all.count / count] }
}

private let placeStarts = [
    "Björk", "Ek", "Gran", "Lin", "Sjö", "Å", "Älv", "Hög", "Norr", "Sör", "Väst", "Öst", "Berg",
    "Dal", "Hammar", "Kvarn", "Lund", "Mal", "Rön", "Sand", "Stor", "Tall", "Vik", "Ör", "Fors",
    "Hed", "Kyrk", "Lill", "Mark", "Näs", "Strand", "Torp", "Ul", "Var", "Bo", "Ljung", "Mos",
    "Ask", "Hassel", "Al", "Bäck", "Fly", "Gull", "Hälle", "Kall", "Lo", "Mörk", "Skog", "Sten",
    "Tå", "Ving", "Åker", "Ån", "Ölme",
]
private let placeEnds = [
    "by", "å", "ås", "ö", "sjö", "köping", "hamn", "holm", "vik", "dal", "berg", "näs", "fors",
    "torp", "lunda", "hult", "ryd", "stad", "hed", "bro", "mo", "älv", "tuna", "öra", "bäck",
    "höjd", "sund", "mark", "ängen", "backa",
]

private func inventedPlace(_ random: inout SeededRandom, avoiding used: inout Set<String>) -> String {
    while true {
        let start = random.pick(placeStarts)
        var end = random.pick(placeEnds)
        // Avoid doubled letters at the seam ("Vikkköping" reads badly).
        if start.last.map({ String($0).lowercased() }) == end.first.map({ String($0) }) {
            end = "s" + end
        }
        let place = start + end
        if used.insert(place).inserted {
            return place
        }
    }
}
