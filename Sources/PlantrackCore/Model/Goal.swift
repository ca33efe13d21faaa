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
    /// Thresholds on the indicators that money depends on (prestationsmål).
    public var performance: [PerformanceTarget]
    /// The item in an earlier plan this one continues, when its id changed.
    public var carriedFrom: ItemReference?
    /// What of the goal is made up for illustration (`x-illustrative`), if anything.
    public var illustrative: Illustrative?
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
        performance = f.records("performance").compactMap(PerformanceTarget.init)
        carriedFrom = f.reference("carried_from")
        illustrative = f.illustrative
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
        /// Where the value came from in Kolada, when it was fetched or imported from there.
        public var kolada: KoladaProvenance?
        /// Earlier values the source has since changed, oldest first.
        public var revisions: [MeasurementRevision] = []
    }

    /// A period for which the indicator's source was asked and had no value (a measurement
    /// with `value: null`: missing or confidential in Kolada — never counted as 0).
    public struct MissingValue: Hashable, Sendable {
        public var date: CalendarDate
        public var kolada: KoladaProvenance?
        /// Earlier values of the period (Kolada may withdraw a value it had).
        public var revisions: [MeasurementRevision] = []
    }

    public var id: String
    public var title: String
    public var unit: Unit
    /// Defaults to `increase`.
    public var direction: Direction
    public var baseline: Value?
    public var target: Value?
    public var measurements: [Measurement]
    /// Periods the source had no value for (`value: null`), which figures leave out.
    public var missingValues: [MissingValue]
    /// The Kolada key figure the values are fetched from (`source.kolada`).
    public var kolada: KoladaSource?
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
        var measurements: [Measurement] = []
        var missingValues: [MissingValue] = []
        for m in f.records("measurements") {
            guard let date = m.date("date") else { continue }
            let kolada = m.record("kolada").flatMap(KoladaProvenance.init)
            let revisions = m.records("revisions").compactMap(MeasurementRevision.init)
            if let value = m.number("value") {
                measurements.append(
                    Measurement(date: date, value: value, source: m.string("source"), kolada: kolada, revisions: revisions))
            } else if m.mapping["value"]?.content == .null {
                missingValues.append(MissingValue(date: date, kolada: kolada, revisions: revisions))
            }
        }
        self.measurements = measurements
        self.missingValues = missingValues
        kolada = f.record("source").flatMap { $0.record("kolada") }.flatMap(KoladaSource.init)
        sourceRef = f.string("source_ref")
    }

    /// The latest measurement by date.
    public var latest: Measurement? { measurements.max { $0.date < $1.date } }

    /// How far the latest measurement has come from baseline to target, as 0–100, with the
    /// direction taken into account; nil without baseline, target or measurement, or when
    /// baseline and target are equal. Over every measurement: a plan's figures use
    /// ``progress(in:)``, which counts only its period.
    public var progress: Double? { share(from: baseline, to: latest.map { $0.value }) }

    /// The indicator's progress in a plan year (see docs/rollup.md): only measurements dated
    /// within `period` count, from a baseline at the period's start — the latest measurement
    /// dated before the start when there is one, else the stated `baseline`. So a goal carried
    /// into a new year with last year's measurements shows no progress until a measurement of
    /// the new year. Without a period, every measurement counts from the stated baseline.
    ///
    /// The one function both roll-up paths and the reports use for an indicator's progress.
    public func progress(in period: Plan.Period?) -> PeriodProgress {
        guard let period else {
            return PeriodProgress(
                baseline: baseline, latest: latest, progress: progress, expected: nil,
                missingSince: missingAfter(latest, through: nil))
        }
        var before: Measurement?
        var within: Measurement?
        for m in measurements {
            if m.date < period.start {
                if before.map({ $0.date < m.date }) ?? true { before = m }
            } else if m.date <= period.end {
                if within.map({ $0.date < m.date }) ?? true { within = m }
            }
        }
        let start = before.map { Value(value: $0.value, date: $0.date) } ?? baseline
        var expected: Double?
        if let within {
            // Time runs from the period's start to the target's date (the period's end when
            // the target has none); a target dated before the period is not judged on time.
            let end = target?.date ?? period.end
            if end >= period.start { expected = TrafficLight.expectedShare(from: period.start, to: end, on: within.date) }
        }
        return PeriodProgress(
            baseline: start, latest: within, progress: share(from: start, to: within?.value),
            expected: expected, missingSince: missingAfter(within, through: period))
    }

    /// The latest period without a value (``missingValues``) that is newer than `latest` (and,
    /// with a period, within it): the source's newest answer is "no value".
    private func missingAfter(_ latest: Measurement?, through period: Plan.Period?) -> CalendarDate? {
        let newer = missingValues.filter { missing in
            (latest.map { missing.date > $0.date } ?? true) && (period.map { $0.contains(missing.date) } ?? true)
        }
        return newer.map(\.date).max()
    }

    /// The indicator as a plan year sees it, for reports: the baseline at the period's start
    /// and only the measurements within the period (``progress(in:)``), so its ``baseline``,
    /// ``latest`` and ``progress`` are the year's. Unchanged without a period.
    public func inPeriod(_ period: Plan.Period?) -> Indicator {
        guard let period else { return self }
        var copy = self
        copy.baseline = progress(in: period).baseline
        copy.measurements = measurements.filter { period.contains($0.date) }
        return copy
    }

    /// An indicator's progress in a plan year (``progress(in:)``).
    public struct PeriodProgress: Hashable, Sendable {
        /// The baseline progress is counted from: the last measurement before the period, or
        /// the stated baseline.
        public var baseline: Value?
        /// The latest measurement within the period.
        public var latest: Measurement?
        /// 0–100; nil without baseline, target or a measurement within the period.
        public var progress: Double?
        /// The share (0–100) of the time from the period's start to the target date that had
        /// passed on the latest measurement's date; nil when not judged on time.
        public var expected: Double?

        /// The date of the source's newest answer when it had no value (`value: null`) for a
        /// period after ``latest``: the indicator says "no value" rather than look current.
        public var missingSince: CalendarDate?

        /// Creates a period's progress.
        public init(
            baseline: Value?, latest: Measurement?, progress: Double?, expected: Double?,
            missingSince: CalendarDate? = nil
        ) {
            self.baseline = baseline
            self.latest = latest
            self.progress = progress
            self.expected = expected
            self.missingSince = missingSince
        }

        /// Whether the progress lags the expected share by more than `tolerance` points.
        public func isBehind(tolerance: Double) -> Bool {
            guard let progress, let expected else { return false }
            return progress < expected - tolerance
        }

        /// On or off track against the straight line from the baseline to the target
        /// (docs/rollup.md, "An indicator's track and light"): off when the progress lags the
        /// expected share by more than `tolerance` points (``isBehind(tolerance:)``); no value
        /// when the source's newest answer had none (``missingSince``); else not judged
        /// without a progress or an expected share.
        public func track(tolerance: Double) -> Track {
            if missingSince != nil { return .noValue }
            guard progress != nil, expected != nil else { return .notJudged }
            return isBehind(tolerance: tolerance) ? .offTrack : .onTrack
        }

        /// The indicator's traffic light (docs/rollup.md): green on track; yellow off track
        /// by at most twice `tolerance` points; red further behind; none when not judged or
        /// without a value.
        public func light(tolerance: Double) -> TrafficLight? {
            guard track(tolerance: tolerance) != .noValue, let progress, let expected else { return nil }
            let lag = expected - progress
            if lag <= tolerance { return .green }
            return lag <= 2 * tolerance ? .yellow : .red
        }

        /// Days from the latest measurement's date (for a Kolada value: the last day of its
        /// period, not the day it was fetched) to `date`; nil without a measurement.
        public func age(on date: CalendarDate) -> Int? {
            latest.map { date.daysSinceEpoch - $0.date.daysSinceEpoch }
        }
    }

    /// Where an indicator stands against the straight line from its baseline to its target
    /// (``PeriodProgress/track(tolerance:)``).
    public enum Track: String, Hashable, Sendable, CaseIterable {
        /// The progress keeps up with the share of the time passed, within the tolerance.
        case onTrack = "on"
        /// The progress lags the share of the time passed by more than the tolerance.
        case offTrack = "off"
        /// Without a measurement in the period, baseline, target, or a target date in the period.
        case notJudged = "not-judged"
        /// The source's newest answer had no value (`value: null`).
        case noValue = "no-value"
    }

    /// How far `value` has come from `baseline` to the target (0–100, direction respected).
    private func share(from baseline: Value?, to value: Double?) -> Double? {
        guard let baseline, let target, let value, target.value != baseline.value else { return nil }
        let share = (value - baseline.value) / (target.value - baseline.value) * 100
        // A measurement that moved the wrong way is 0, one beyond the target 100; the sign of
        // (target - baseline) already encodes the direction, so `direction` only matters when
        // the figures contradict it, in which case no progress can be claimed.
        if direction == .increase && target.value < baseline.value { return nil }
        if direction == .decrease && target.value > baseline.value { return nil }
        return min(100, max(0, share))
    }
}
