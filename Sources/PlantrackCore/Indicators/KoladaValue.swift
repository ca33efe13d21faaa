/// One value of a Kolada answer: a row's entry for one gender (v3: `{"kpi": "N74000",
/// "municipality": "0001", "period": 2023, "values": [{"gender": "T", "status": "",
/// "value": 84.1}]}` gives one ``KoladaValue`` per entry of `values`).
public struct KoladaValue: Hashable, Sendable {
    /// The key figure's id (`N74000`).
    public var kpi: String
    /// The municipality's, region's or country's id (`0180`, `0001`, `0000`).
    public var municipality: String
    /// The year the value describes.
    public var period: Int
    /// Whose figure: `T`, `K` or `M`.
    public var gender: KoladaSource.Gender
    /// The value; nil for Kolada's `null` (missing or confidential), which is never 0.
    public var value: Double?
    /// Kolada's status for the value; nil when Kolada's is empty.
    public var status: String?

    /// Creates a value.
    public init(
        kpi: String, municipality: String, period: Int, gender: KoladaSource.Gender, value: Double?, status: String?
    ) {
        self.kpi = kpi
        self.municipality = municipality
        self.period = period
        self.gender = gender
        self.value = value
        self.status = status
    }

    /// Whether the value is the one `source` names (key figure, municipality and gender).
    public func belongs(to source: KoladaSource) -> Bool {
        kpi == source.kpi && municipality == source.municipality && gender == source.gender
    }
}

/// One page of a v3 data answer: its values and the next page's URL (`next_url`, or
/// `next_page`), nil on the last page.
public struct KoladaPage: Hashable, Sendable {
    /// The values of the page, in the answer's order.
    public var values: [KoladaValue]
    /// The URL of the next page; nil when this is the last.
    public var next: String?

    /// Creates a page.
    public init(values: [KoladaValue], next: String?) {
        self.values = values
        self.next = next
    }
}

/// A value with the request it came from: the URL a fetch asked, or for an import the
/// request the file names or `file:NAME` (docs/indicators.md).
public struct FetchedValue: Hashable, Sendable {
    /// The value.
    public var value: KoladaValue
    /// The request (a URL) or the file it came from.
    public var request: String

    /// Creates a fetched value.
    public init(value: KoladaValue, request: String) {
        self.value = value
        self.request = request
    }
}

/// What was wrong with a Kolada answer or export: names the request (its URL) or the file,
/// where in it (line and column when known, and the JSON path or CSV column), and what.
public struct KoladaAnswerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The request's URL or the file's name.
    public var request: String
    /// The line and column in the answer or file, when known.
    public var location: SourceLocation?
    /// Where in the answer's structure: `values[3].values[0].value`, or a CSV column name.
    public var field: String?
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(request: String, location: SourceLocation? = nil, field: String? = nil, message: String) {
        self.request = request
        self.location = location
        self.field = field
        self.message = message
    }

    /// `REQUEST:LINE:COLUMN: FIELD: MESSAGE`, leaving out what is unknown.
    public var description: String {
        var text = request
        if let location { text += ":\(location.line):\(location.column)" }
        text += ": "
        if let field { text += "\(field): " }
        return text + message
    }
}
