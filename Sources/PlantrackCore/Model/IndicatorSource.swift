/// A key figure in Kolada (the public database of Swedish municipal and regional key
/// figures, run by RKA with SKR) that an indicator's values are fetched from:
/// `source: {kolada: {kpi: N74000, municipality: "0001", gender: T}}`.
public struct KoladaSource: Hashable, Sendable {
    /// Whose figure: everyone, women or men (Kolada's `gender`).
    public enum Gender: String, Hashable, Sendable, CaseIterable {
        /// Totalt.
        case total = "T"
        /// Kvinnor.
        case women = "K"
        /// Män.
        case men = "M"
    }

    /// The key figure's id, such as `N74000`.
    public var kpi: String
    /// The municipality's 4-digit code (`0180`), a region's `00` + county code (`0001`), or
    /// the whole country (`0000`).
    public var municipality: String
    /// Defaults to ``Gender/total``.
    public var gender: Gender

    /// Creates a source.
    public init(kpi: String, municipality: String, gender: Gender = .total) {
        self.kpi = kpi
        self.municipality = municipality
        self.gender = gender
    }

    init?(_ f: Fields) {
        guard let kpi = f.string("kpi"), let municipality = f.string("municipality") else { return nil }
        self.init(kpi: kpi, municipality: municipality, gender: f.enumValue("gender") ?? .total)
    }
}

/// Where a recorded value came from in Kolada (a measurement's `kolada:`), written by
/// `plantrack indicators fetch` and `indicators import`.
public struct KoladaProvenance: Hashable, Sendable {
    /// The year the value describes in Kolada.
    public var period: Int
    /// The day the value was fetched (or imported).
    public var fetched: CalendarDate
    /// The request the value was fetched with (or the file it was imported from).
    public var url: String?
    /// Kolada's status for the value; nil when Kolada's was empty.
    public var status: String?

    /// Creates a provenance.
    public init(period: Int, fetched: CalendarDate, url: String?, status: String?) {
        self.period = period
        self.fetched = fetched
        self.url = url
        self.status = status
    }

    init?(_ f: Fields) {
        guard let period = f.int("period"), let fetched = f.date("fetched") else { return nil }
        self.init(period: period, fetched: fetched, url: f.string("url"), status: f.string("status"))
    }
}

/// An earlier value of a measurement that its source (Kolada) has since changed: kept in the
/// document so a revised figure is never overwritten silently (a measurement's `revisions:`).
public struct MeasurementRevision: Hashable, Sendable {
    /// The earlier value; nil when the source had none then.
    public var value: Double?
    /// The day the earlier value was fetched.
    public var fetched: CalendarDate
    /// The request the earlier value was fetched with.
    public var url: String?

    /// Creates a revision.
    public init(value: Double?, fetched: CalendarDate, url: String?) {
        self.value = value
        self.fetched = fetched
        self.url = url
    }

    init?(_ f: Fields) {
        guard let fetched = f.date("fetched") else { return nil }
        self.init(value: f.number("value"), fetched: fetched, url: f.string("url"))
    }
}
