/// One key figure for one municipality over some years: what one sourced indicator asks of
/// Kolada.
public struct KoladaSeries: Hashable, Sendable {
    /// The key figure's id (`N74000`).
    public var kpi: String
    /// The municipality's, region's or country's id (`0001`).
    public var municipality: String
    /// The years wanted.
    public var years: [Int]

    /// Creates a series.
    public init(kpi: String, municipality: String, years: [Int]) {
        self.kpi = kpi
        self.municipality = municipality
        self.years = years
    }
}

/// The first pages `indicators fetch` asks for:
/// `{base}/data/kpi/{kpis}/municipality/{ids}/year/{years}`, with at most
/// ``KoladaSettings/batchSize`` ids in each list.
///
/// Key figures that are wanted for the same municipalities and years share requests, so no
/// request asks for a key figure for a municipality that no indicator names: the key figures
/// are grouped by the municipalities and the years they are wanted for (the years of every
/// indicator of the key figure together), and each group's key figures, municipalities and
/// years are cut into lists of at most `batchSize` ids. A county's indicators (one region,
/// many key figures, the same years) take one request per 20 key figures.
public struct KoladaRequestPlan: Sendable, Hashable {
    /// One planned request: its lists and its URL (the first page's).
    public struct Request: Sendable, Hashable {
        /// The key figures asked for, sorted.
        public var kpis: [String]
        /// The municipalities asked for, sorted.
        public var municipalities: [String]
        /// The years asked for, ascending.
        public var years: [Int]
        /// The URL without paging parameters.
        public var url: String
        /// The URL of the first page: ``url`` with `per_page` when the settings set it.
        public var firstPage: String
    }

    /// The requests in order.
    public var requests: [Request]

    /// What a group of key figures is wanted for.
    private struct Wanted: Hashable {
        var municipalities: [String]
        var years: [Int]
    }

    /// Plans the requests for `series` (duplicates are ignored; a series without years asks
    /// for nothing).
    public init(series: [KoladaSeries], settings: KoladaSettings) {
        var municipalitiesOf: [String: Set<String>] = [:]
        var yearsOf: [String: Set<Int>] = [:]
        for one in series where !one.years.isEmpty {
            municipalitiesOf[one.kpi, default: []].insert(one.municipality)
            yearsOf[one.kpi, default: []].formUnion(one.years)
        }
        var kpisOf: [Wanted: [String]] = [:]
        for (kpi, municipalities) in municipalitiesOf {
            let wanted = Wanted(municipalities: municipalities.sorted(), years: (yearsOf[kpi] ?? []).sorted())
            kpisOf[wanted, default: []].append(kpi)
        }
        var requests: [Request] = []
        let order = kpisOf.keys.sorted {
            ($0.municipalities.lexicographicallyPrecedes($1.municipalities))
                || ($0.municipalities == $1.municipalities && $0.years.lexicographicallyPrecedes($1.years))
        }
        for wanted in order {
            let municipalities = wanted.municipalities
            let years = wanted.years
            let kpis = (kpisOf[wanted] ?? []).sorted()
            for kpiList in Self.chunks(kpis, settings.batchSize) {
                for municipalityList in Self.chunks(municipalities, settings.batchSize) {
                    for yearList in Self.chunks(years, settings.batchSize) {
                        let url =
                            settings.baseURL + "/data/kpi/" + kpiList.map(Self.escape).joined(separator: ",")
                            + "/municipality/" + municipalityList.map(Self.escape).joined(separator: ",")
                            + "/year/" + yearList.map(String.init).joined(separator: ",")
                        let first = settings.perPage.map { url + "?per_page=\($0)" } ?? url
                        requests.append(
                            Request(
                                kpis: kpiList, municipalities: municipalityList, years: yearList, url: url,
                                firstPage: first))
                    }
                }
            }
        }
        self.requests = requests
    }

    /// `items` in lists of at most `size`.
    static func chunks<T>(_ items: [T], _ size: Int) -> [[T]] {
        stride(from: 0, to: items.count, by: max(1, size)).map { Array(items[$0..<min($0 + max(1, size), items.count)]) }
    }

    /// An id as a path segment: letters, digits, `-`, `_` and `.` as they are, anything else
    /// percent-encoded (ids are letters and digits; a stray character must not change the path).
    static func escape(_ id: String) -> String {
        var text = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                text.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                text += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return text
    }
}
