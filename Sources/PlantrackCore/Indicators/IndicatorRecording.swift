/// A value recorded (or left as it was) in a goal document.
public struct RecordedValue: Hashable, Sendable {
    /// The goal's reference.
    public var goal: ItemReference
    /// The goal document's path.
    public var path: String
    /// The indicator's id.
    public var indicator: String
    /// Kolada's period (a year).
    public var period: Int
    /// The value; nil when Kolada has none.
    public var value: Double?
    /// The request it came from.
    public var request: String

    /// Creates a recorded value.
    public init(goal: ItemReference, path: String, indicator: String, period: Int, value: Double?, request: String) {
        self.goal = goal
        self.path = path
        self.indicator = indicator
        self.period = period
        self.value = value
        self.request = request
    }

    /// The measurement's date: the last day of the period.
    public var date: CalendarDate { IndicatorRecording.date(ofPeriod: period) }
}

/// A value Kolada has changed since it was recorded: the old one moved to `revisions`.
public struct RevisedValue: Hashable, Sendable {
    /// The new value, as recorded now.
    public var new: RecordedValue
    /// The value recorded before; nil when it was Kolada's null.
    public var oldValue: Double?
    /// The day the old value was fetched; nil when the document did not say.
    public var oldFetched: CalendarDate?
    /// The request the old value came from.
    public var oldRequest: String?

    /// Creates a revision.
    public init(new: RecordedValue, oldValue: Double?, oldFetched: CalendarDate?, oldRequest: String?) {
        self.new = new
        self.oldValue = oldValue
        self.oldFetched = oldFetched
        self.oldRequest = oldRequest
    }
}

/// A value that was not recorded, and why.
public struct SkippedValue: Hashable, Sendable {
    /// Why a value was not recorded.
    public enum Reason: Hashable, Sendable {
        /// No indicator names its key figure, or none names its municipality.
        case noIndicator
        /// A measurement typed by hand (without `kolada:`) stands on the period's date; it is
        /// never changed.
        case handTyped(goal: ItemReference, indicator: String)
        /// The period has not ended on the day of the fetch.
        case periodNotOver(goal: ItemReference, indicator: String)
    }

    /// The value.
    public var value: FetchedValue
    /// Why.
    public var reason: Reason

    /// Creates a skipped value.
    public init(value: FetchedValue, reason: Reason) {
        self.value = value
        self.reason = reason
    }
}

/// What recording values did: the changed documents and what changed in them.
public struct RecordingOutcome: Sendable {
    /// The changed goal documents, path → whole new bytes. Empty when nothing changed.
    public var files: [String: [UInt8]]
    /// New measurements (nulls included), by path, indicator and period.
    public var added: [RecordedValue]
    /// Measurements whose value Kolada changed; the old value is kept in `revisions`.
    public var revised: [RevisedValue]
    /// Values already recorded with the same value: their documents are left byte-identical.
    public var unchanged: Int
    /// The values Kolada has none for (`null`) among those of sourced indicators, whether
    /// added, revised to null or unchanged.
    public var missing: [RecordedValue]
    /// Sourced indicators the answer held no value at all for.
    public var withoutValues: [SourcedIndicator]
    /// Values not recorded, with the reason.
    public var skipped: [SkippedValue]
    /// The commit message: a subject with the counts and a line per added or revised value.
    public var commitMessage: String

    /// Creates an outcome.
    public init(
        files: [String: [UInt8]], added: [RecordedValue], revised: [RevisedValue], unchanged: Int,
        missing: [RecordedValue], withoutValues: [SourcedIndicator], skipped: [SkippedValue], commitMessage: String
    ) {
        self.files = files
        self.added = added
        self.revised = revised
        self.unchanged = unchanged
        self.missing = missing
        self.withoutValues = withoutValues
        self.skipped = skipped
        self.commitMessage = commitMessage
    }
}

/// Why values could not be recorded; nothing is recorded then.
public struct IndicatorRecordingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The goal document or the request concerned.
    public var subject: String
    /// Where in the document, when known.
    public var location: SourceLocation?
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(_ subject: String, at location: SourceLocation? = nil, _ message: String) {
        self.subject = subject
        self.location = location
        self.message = message
    }

    /// `SUBJECT:LINE:COLUMN: MESSAGE`.
    public var description: String {
        subject + (location.map { ":\($0.line):\($0.column)" } ?? "") + ": " + message
    }
}

/// Records Kolada values into goal documents as measurements with provenance, byte-
/// preservingly (``FrontMatterEditor``), all or nothing. The rules (docs/indicators.md,
/// "Recording"):
///
/// - a value belongs to every sourced indicator with its key figure, municipality and gender;
/// - its measurement is dated the last day of its period, with `source: Kolada` and
///   `kolada: {period, fetched, url, status}`; Kolada's null is recorded as `value: null`;
/// - a measurement of the period recorded from Kolada with the same value is left as it is
///   (its `fetched` is not moved: a fetch that finds nothing new changes no byte);
/// - one with another value is revised: its old value, fetch day and request are appended to
///   `revisions`, and `value` and `kolada` are replaced;
/// - a measurement typed by hand (no `kolada:`) on the period's date is never touched: the
///   value is skipped and reported;
/// - a period that has not ended on the fetch day is skipped (it would be a measurement
///   dated in the future).
public enum IndicatorRecording {
    /// The measurement date of a Kolada period: its last day.
    public static func date(ofPeriod period: Int) -> CalendarDate {
        CalendarDate(year: period, month: 12, day: 31) ?? CalendarDate(daysSinceEpoch: 0)
    }

    private struct Key: Hashable {
        var kpi: String
        var municipality: String
        var gender: KoladaSource.Gender
    }

    /// Records `values` into the documents of `needs` as they are in `snapshot`, fetched on
    /// `fetched`. Throws ``IndicatorRecordingError`` when a document cannot be edited or two
    /// values of the same period disagree.
    public static func record(
        _ values: [FetchedValue], needs: KoladaNeeds, in snapshot: any Snapshot, fetched: CalendarDate
    ) throws -> RecordingOutcome {
        let kpis = Set(needs.kpis)
        let municipalities = Set(needs.municipalities)
        var byKey: [Key: [Int: FetchedValue]] = [:]
        var skipped: [SkippedValue] = []
        for fetchedValue in values {
            let v = fetchedValue.value
            guard kpis.contains(v.kpi), municipalities.contains(v.municipality) else {
                skipped.append(SkippedValue(value: fetchedValue, reason: .noIndicator))
                continue
            }
            let key = Key(kpi: v.kpi, municipality: v.municipality, gender: v.gender)
            if let earlier = byKey[key]?[v.period] {
                guard earlier.value.value == v.value else {
                    throw IndicatorRecordingError(
                        fetchedValue.request,
                        "\(v.kpi) for \(v.municipality) (\(v.gender.rawValue)) in \(v.period) is "
                            + "\(text(v.value)) here but \(text(earlier.value.value)) in \(earlier.request)")
                }
                continue
            }
            byKey[key, default: [:]][v.period] = fetchedValue
        }

        var files: [String: [UInt8]] = [:]
        var added: [RecordedValue] = []
        var revised: [RevisedValue] = []
        var unchanged = 0
        var missing: [RecordedValue] = []
        var withoutValues: [SourcedIndicator] = []
        let byPath = Dictionary(grouping: needs.indicators, by: \.path)
        for path in byPath.keys.sorted() {
            guard let sourced = byPath[path] else { continue }
            let bytes: [UInt8]
            do {
                bytes = try snapshot.contents(of: SnapshotEntry(path: path, kind: .file))
            } catch {
                throw IndicatorRecordingError(path, "cannot be read: \(error)")
            }
            var editor: FrontMatterEditor
            do {
                editor = try FrontMatterEditor(bytes)
            } catch {
                throw IndicatorRecordingError(path, at: error.location, error.message)
            }
            for indicator in sourced {
                let key = Key(
                    kpi: indicator.source.kpi, municipality: indicator.source.municipality, gender: indicator.source.gender)
                let matching = (byKey[key] ?? [:]).values.sorted { $0.value.period < $1.value.period }
                if matching.isEmpty { withoutValues.append(indicator) }
                // New measurements are appended together, with one re-read of the document;
                // any other edit first writes the ones waiting, so the order stays by period.
                var pending: [EditValue] = []
                for fetchedValue in matching {
                    let v = fetchedValue.value
                    let recorded = RecordedValue(
                        goal: indicator.goal, path: path, indicator: indicator.indicator, period: v.period, value: v.value,
                        request: fetchedValue.request)
                    if date(ofPeriod: v.period) > fetched {
                        skipped.append(
                            SkippedValue(
                                value: fetchedValue, reason: .periodNotOver(goal: indicator.goal, indicator: indicator.indicator)))
                        continue
                    }
                    let change: Change
                    do {
                        change = try record(
                            fetchedValue, into: &editor, pending: &pending, indicator: indicator.indicator, fetched: fetched)
                    } catch {
                        throw IndicatorRecordingError(path, at: error.location, error.message)
                    }
                    switch change {
                    case .added: added.append(recorded)
                    case .unchanged: unchanged += 1
                    case .revised(let oldValue, let oldFetched, let oldRequest):
                        revised.append(
                            RevisedValue(new: recorded, oldValue: oldValue, oldFetched: oldFetched, oldRequest: oldRequest))
                    case .handTyped:
                        skipped.append(
                            SkippedValue(value: fetchedValue, reason: .handTyped(goal: indicator.goal, indicator: indicator.indicator)))
                        continue
                    case .noIndicator:
                        throw IndicatorRecordingError(path, "the goal has no indicator '\(indicator.indicator)'")
                    }
                    if v.value == nil { missing.append(recorded) }
                }
                do {
                    try appendPending(&pending, into: &editor, indicator: indicator.indicator)
                } catch {
                    throw IndicatorRecordingError(path, at: error.location, error.message)
                }
            }
            if editor.bytes != bytes { files[path] = editor.bytes }
        }
        return RecordingOutcome(
            files: files, added: added, revised: revised, unchanged: unchanged, missing: missing,
            withoutValues: withoutValues, skipped: skipped,
            commitMessage: commitMessage(added: added, revised: revised, fetched: fetched))
    }

    private enum Change {
        case added
        case unchanged
        case revised(oldValue: Double?, oldFetched: CalendarDate?, oldRequest: String?)
        case handTyped
        case noIndicator
    }

    /// Appends the new measurements waiting in `pending` to the indicator `id`, and empties it.
    private static func appendPending(
        _ pending: inout [EditValue], into editor: inout FrontMatterEditor, indicator id: String
    ) throws(FrontMatterEditError) {
        guard !pending.isEmpty else { return }
        let indicators = editor.frontMatter["indicators"]?.sequence ?? []
        guard let index = indicators.firstIndex(where: { $0.mapping?["id"]?.string == id }) else { return }
        try editor.append(
            contentsOf: pending, to: ["indicators", String(index), "measurements"], order: FieldOrder.nested("indicators"))
        pending = []
    }

    /// Records one value into the indicator `id` of the document `editor` holds; a new
    /// measurement is added to `pending` (values of one indicator come in period order, one
    /// per period, so none of those waiting is the period's).
    private static func record(
        _ fetchedValue: FetchedValue, into editor: inout FrontMatterEditor, pending: inout [EditValue], indicator id: String,
        fetched: CalendarDate
    ) throws(FrontMatterEditError) -> Change {
        let v = fetchedValue.value
        let indicators = editor.frontMatter["indicators"]?.sequence ?? []
        guard let index = indicators.firstIndex(where: { $0.mapping?["id"]?.string == id }) else { return .noIndicator }
        let base = ["indicators", String(index), "measurements"]
        let measurements = indicators[index].mapping?["measurements"]?.sequence ?? []
        let date = date(ofPeriod: v.period)
        let provenance = provenanceFields(v, request: fetchedValue.request, fetched: fetched)
        if let position = measurements.firstIndex(where: { $0.mapping?["kolada"]?.mapping?["period"]?.integer == v.period }),
            let existing = measurements[position].mapping
        {
            let oldValue = existing["value"]?.number
            if oldValue == v.value, existing["value"] != nil { return .unchanged }
            if !pending.isEmpty {
                try appendPending(&pending, into: &editor, indicator: id)
                return try record(fetchedValue, into: &editor, pending: &pending, indicator: id, fetched: fetched)
            }
            let oldKolada = existing["kolada"]?.mapping
            let oldFetched = oldKolada?["fetched"]?.string.flatMap(CalendarDate.init)
            let oldRequest = oldKolada?["url"]?.string
            let path = base + [String(position)]
            var revision = [EditField("value", oldValue.map(number) ?? .null)]
            if let fetchedText = oldKolada?["fetched"]?.string { revision.append(EditField("fetched", .string(fetchedText))) }
            if let oldRequest { revision.append(EditField("url", .string(oldRequest))) }
            let newValue = v.value.map(number) ?? .null
            if isFlow(measurements[position]) || existing.entry("kolada").map(isFlow) == true {
                // Lines cannot be added inside `{…}`: the measurement is written anew, in block
                // style, at the end of the list (docs/indicators.md).
                var fields: [EditField] = []
                for entry in existing.entries where entry.key != "revisions" {
                    switch entry.key {
                    case "value": fields.append(EditField("value", newValue))
                    case "kolada": fields.append(EditField("kolada", .mapping(provenance)))
                    default: fields.append(EditField(entry.key, editValue(entry.value)))
                    }
                }
                let earlier = existing["revisions"]?.sequence?.map(editValue) ?? []
                fields.append(EditField("revisions", .sequence(earlier + [.mapping(revision)])))
                try editor.removeItem(at: position, of: base)
                try editor.append(.mapping(fields), to: base, order: FieldOrder.nested("indicators"))
                return .revised(oldValue: oldValue, oldFetched: oldFetched, oldRequest: oldRequest)
            }
            try editor.append(.mapping(revision), to: path + ["revisions"], order: FieldOrder.nested("measurements"))
            try editor.set(path + ["value"], to: newValue, order: FieldOrder.nested("measurements"))
            try editor.set(path + ["kolada"], to: .mapping(provenance), order: FieldOrder.nested("kolada"))
            if v.status == nil, oldKolada?["status"] != nil { try editor.remove(path + ["kolada", "status"]) }
            return .revised(oldValue: oldValue, oldFetched: oldFetched, oldRequest: oldRequest)
        }
        if measurements.contains(where: { $0.mapping?["date"]?.string == date.description }) { return .handTyped }
        let item: EditValue = .mapping([
            EditField("date", .string(date.description)),
            EditField("value", v.value.map(number) ?? .null),
            EditField("source", .string("Kolada")),
            EditField("kolada", .mapping(provenance)),
        ])
        pending.append(item)
        return .added
    }

    /// A parsed value to write again; unlike `EditValue(node:)`, `null` stays `null`.
    private static func editValue(_ node: YAMLNode) -> EditValue {
        switch node.content {
        case .null: return .null
        case .sequence(let items): return .sequence(items.map(editValue))
        case .mapping(let mapping): return .mapping(mapping.entries.map { EditField($0.key, editValue($0.value)) })
        default: return EditValue(node: node)
        }
    }

    /// Whether a mapping is written in flow style (`{…}`): its first key stands after the brace.
    private static func isFlow(_ node: YAMLNode) -> Bool {
        guard case .mapping(let mapping) = node.content, let first = mapping.entries.first else { return false }
        return first.keyLocation != node.location
    }

    /// Whether a field's value is a mapping in flow style.
    private static func isFlow(_ entry: YAMLMapping.Entry) -> Bool { isFlow(entry.value) }

    private static func provenanceFields(_ v: KoladaValue, request: String, fetched: CalendarDate) -> [EditField] {
        var fields = [
            EditField("period", .integer(v.period)),
            EditField("fetched", .string(fetched.description)),
            EditField("url", .string(request)),
        ]
        if let status = v.status { fields.append(EditField("status", .string(status))) }
        return fields
    }

    private static func number(_ value: Double) -> EditValue {
        value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
    }

    /// A value as the messages show it: `84.1`, `84`, or `null`.
    public static func text(_ value: Double?) -> String {
        guard let value else { return "null" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `Record Kolada values: 2 added, 1 revised`, then a line per value.
    static func commitMessage(added: [RecordedValue], revised: [RevisedValue], fetched: CalendarDate) -> String {
        var counts: [String] = []
        if !added.isEmpty { counts.append("\(added.count) added") }
        if !revised.isEmpty { counts.append("\(revised.count) revised") }
        var message = "Record Kolada values: " + (counts.isEmpty ? "nothing new" : counts.joined(separator: ", ")) + "\n\n"
        for value in added {
            message += "+ \(value.goal) \(value.indicator) \(value.period): \(text(value.value))\n"
        }
        for revision in revised {
            let new = revision.new
            message +=
                "~ \(new.goal) \(new.indicator) \(new.period): \(text(revision.oldValue)) → \(text(new.value)) "
                + "(fetched \(revision.oldFetched?.description ?? "?") → \(fetched))\n"
        }
        return message + "\nKälla: Kolada (fetched \(fetched))\n"
    }
}
