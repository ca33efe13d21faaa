/// A goal of a plan: long-term (långsiktigt mål) or short-term (kortsiktigt mål).
public struct Goal: Hashable, Sendable {
    /// Long-term goals span several years; short-term goals serve them within the year.
    public enum Term: String, Hashable, Sendable, CaseIterable {
        case long
        case short
    }

    /// How the goal is judged at follow-up.
    public enum Assessment: String, Hashable, Sendable, CaseIterable {
        case notAssessed = "not-assessed"
        case onTrack = "on-track"
        case atRisk = "at-risk"
        case offTrack = "off-track"
        case achieved
    }

    /// `county/year/id`.
    public var reference: ItemReference
    public var title: String
    public var term: Term
    /// The plan area the goal belongs to.
    public var area: String
    /// For short-term goals: the long-term goals they serve.
    public var serves: [String]
    public var assessment: Assessment
    public var indicators: [Indicator]
    /// The item in an earlier plan this one continues, when its id changed.
    public var carriedFrom: ItemReference?
    public var body: String

    /// The goal's id.
    public var id: String { reference.id ?? "" }

    /// Reads a goal document of the plan `county/year`.
    public init(document: Document) throws(ModelError) {
        let f = Fields(document.frontMatter, path: document.path)
        let id = try f.required("id")
        let plan = document.reference ?? ItemReference(county: "", year: 0)
        reference = ItemReference(county: plan.county, year: plan.year, id: id)
        title = try f.required("title")
        term = try f.requiredEnum("term")
        area = try f.required("area")
        serves = f.strings("serves")
        assessment = f.enumValue("assessment") ?? .notAssessed
        indicators = f.records("indicators").compactMap(Indicator.init)
        carriedFrom = f.reference("carried_from")
        body = document.body
    }
}

/// A measurable figure tied to a goal (indikator), with baseline, target and measurements.
public struct Indicator: Hashable, Sendable {
    /// What the figure counts.
    public enum Unit: String, Hashable, Sendable, CaseIterable {
        case percent, count, days, sek, ratio
    }

    /// Which way is better.
    public enum Direction: String, Hashable, Sendable, CaseIterable {
        case increase, decrease
    }

    /// A value at a date.
    public struct Value: Hashable, Sendable {
        public var value: Double
        public var date: CalendarDate?
    }

    /// One measurement.
    public struct Measurement: Hashable, Sendable {
        public var date: CalendarDate
        public var value: Double
        public var source: String?
    }

    public var id: String
    public var title: String
    public var unit: Unit
    /// Defaults to `increase`.
    public var direction: Direction
    public var baseline: Value?
    public var target: Value?
    public var measurements: [Measurement]
    /// An external id for the figure, such as a Kolada id.
    public var sourceRef: String?

    init?(_ f: Fields) {
        guard let id = f.string("id"), let title = f.string("title"), let unit: Unit = f.enumValue("unit") else {
            return nil
        }
        self.id = id
        self.title = title
        self.unit = unit
        direction = f.enumValue("direction") ?? .increase
        baseline = f.record("baseline").flatMap { v in v.number("value").map { Value(value: $0, date: v.date("date")) } }
        target = f.record("target").flatMap { v in v.number("value").map { Value(value: $0, date: v.date("date")) } }
        measurements = f.records("measurements").compactMap { m in
            guard let date = m.date("date"), let value = m.number("value") else { return nil }
            return Measurement(date: date, value: value, source: m.string("source"))
        }
        sourceRef = f.string("source_ref")
    }

    /// The latest measurement by date.
    public var latest: Measurement? { measurements.max { $0.date < $1.date } }

    /// How far the latest measurement has come from baseline to target, as 0–100, with the
    /// direction taken into account; nil without baseline, target or measurement, or when
    /// baseline and target are equal.
    public var progress: Double? {
        guard let baseline, let target, let latest, target.value != baseline.value else { return nil }
        let share = (latest.value - baseline.value) / (target.value - baseline.value) * 100
        // A measurement that moved the wrong way is 0, one beyond the target 100; the sign of
        // (target - baseline) already encodes the direction, so `direction` only matters when
        // the figures contradict it, in which case no progress can be claimed.
        if direction == .increase && target.value < baseline.value { return nil }
        if direction == .decrease && target.value > baseline.value { return nil }
        return min(100, max(0, share))
    }
}
