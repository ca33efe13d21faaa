/// A measurement of an indicator that was added, removed or revised between two versions of
/// a goal document, matched by indicator id and date (docs/indicators.md, "Progress"): what
/// `plantrack diff` shows as `2022-12-31: 83.7 → 84.1 (Kolada, hämtat 2026-03-02 → 2026-12-07)`.
public struct MeasurementChange: Hashable, Sendable {
    /// What happened to the measurement.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Only the new version has a measurement of that date.
        case added
        /// Only the old version has it.
        case removed
        /// Both have it and its value differs (a value that became or stopped being `null`
        /// counts).
        case revised
    }

    /// The indicator's id.
    public var indicator: String
    /// The measurement's date as written.
    public var date: String
    /// What happened.
    public var kind: Kind
    /// The old value; nil when added, or when the source had none (`value: null`).
    public var old: Double?
    /// The new value; nil when removed, or when the source has none.
    public var new: Double?
    /// The day the old value was fetched from Kolada (`kolada.fetched`), as written.
    public var oldFetched: String?
    /// The day the new value was fetched from Kolada.
    public var newFetched: String?
    /// Whether either side has Kolada provenance (`kolada:`) or says `source: Kolada`.
    public var fromKolada: Bool

    /// Creates a change.
    public init(
        indicator: String, date: String, kind: Kind, old: Double?, new: Double?, oldFetched: String? = nil,
        newFetched: String? = nil, fromKolada: Bool = false
    ) {
        self.indicator = indicator
        self.date = date
        self.kind = kind
        self.old = old
        self.new = new
        self.oldFetched = oldFetched
        self.newFetched = newFetched
        self.fromKolada = fromKolada
    }

    /// The measurements added, removed or revised from `old` to `new` (goal front matters),
    /// in the new document's indicator and date order (removed ones after). A measurement
    /// whose value stayed the same is no change here, even when it was fetched again (the
    /// field changes still list that).
    public static func changes(_ old: YAMLMapping, _ new: YAMLMapping) -> [MeasurementChange] {
        let before = measurements(old)
        let after = measurements(new)
        let oldByKey = Dictionary(before.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(after.map(\.key))
        var result: [MeasurementChange] = []
        for entry in after {
            guard let earlier = oldByKey[entry.key] else {
                result.append(
                    MeasurementChange(
                        indicator: entry.indicator, date: entry.date, kind: .added, old: nil, new: entry.value,
                        newFetched: entry.fetched, fromKolada: entry.kolada))
                continue
            }
            guard earlier.value != entry.value else { continue }
            result.append(
                MeasurementChange(
                    indicator: entry.indicator, date: entry.date, kind: .revised, old: earlier.value, new: entry.value,
                    oldFetched: earlier.fetched, newFetched: entry.fetched, fromKolada: earlier.kolada || entry.kolada))
        }
        for entry in before where !newKeys.contains(entry.key) {
            result.append(
                MeasurementChange(
                    indicator: entry.indicator, date: entry.date, kind: .removed, old: entry.value, new: nil,
                    oldFetched: entry.fetched, fromKolada: entry.kolada))
        }
        return result
    }

    private struct Entry {
        var indicator: String
        var date: String
        var value: Double?
        var fetched: String?
        var kolada: Bool
        var key: String { indicator + "\u{0}" + date }
    }

    /// Every measurement of the front matter with a date, keyed as ``FieldDiff`` keys them
    /// (a repeated date gets `#2`).
    private static func measurements(_ frontMatter: YAMLMapping) -> [Entry] {
        guard let indicators = frontMatter["indicators"]?.sequence else { return [] }
        var result: [Entry] = []
        for indicator in indicators {
            guard let fields = indicator.mapping, let id = fields["id"].flatMap(FieldDiff.scalarText),
                let list = fields["measurements"]?.sequence, let keyed = FieldDiff.keyed(list, ["date"])
            else { continue }
            for (key, node) in keyed {
                let m = node.mapping
                let kolada = m?["kolada"]?.mapping
                result.append(
                    Entry(
                        indicator: id, date: key, value: m?["value"]?.number,
                        fetched: kolada?["fetched"].flatMap(FieldDiff.scalarText),
                        kolada: kolada != nil || m?["source"]?.string == "Kolada"))
            }
        }
        return result
    }
}
