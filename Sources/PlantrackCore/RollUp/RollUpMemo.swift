/// What ``IncrementalRollUp`` worked out about plans, keyed by what it was worked out from,
/// so that another run over the same plan versions works out nothing again.
///
/// Three tables, each keyed by a plan and names of the content its entry depends on (a plan
/// folder's git tree id, or its documents' blob ids):
/// - a plan's *summary* (plan + its documents + the schemas): the reading and
///   schema errors of its documents, the plans they refer to, and what decides the day the
///   plan is judged on;
/// - a plan's *rule errors* (plan + the documents of the plans in its scope + the rule
///   settings, and the day when a rule that judges dates can give an error): the documents
///   the cross-document rules find errors in;
/// - a plan's *part* of the roll-up (plan + its documents + which of them are left out +
///   the day it is judged on + the traffic-light thresholds): its status and figures by group.
///
/// Nothing here is a parsed document: a warm run reads the tree and these small records,
/// and parses nothing. `plantrack` keeps the memo in `.git/plantrack/` (see
/// ``encoded(tool:limit:)`` for the format); entries made from files without blob ids (the working
/// tree) live only in memory.
public struct RollUpMemo: Sendable {
    /// What a plan's documents say on their own.
    struct Summary: Sendable, Equatable {
        /// Plans the documents refer to (`revises`, `carried_from`), sorted, without the plan itself.
        var references: [ItemReference]
        /// Per document with reading or schema errors: their rule ids.
        var errorRules: [String: [String]]
        /// The plan document's own status, when its model could be read.
        var planStatus: Plan.Status?
        /// The end of the plan's period, when it has one.
        var periodEnd: CalendarDate?
    }

    var summaries = MemoTable<Summary>(encode: { value, w in w.summary(value) }, decode: { r in r.summary() })
    var ruleErrors = MemoTable<[String]>(encode: { value, w in w.strings(value) }, decode: { r in r.strings() })
    var parts = MemoTable<RollUp.PlanPart>(encode: { value, w in w.part(value) }, decode: { r in r.part() })

    /// An empty memo.
    public init() {}

    /// Whether entries were added that a stored copy does not have.
    public var hasNewEntries: Bool {
        summaries.hasNewEntries || ruleErrors.hasNewEntries || parts.hasNewEntries
    }

    /// How many entries the memo holds, stored and new.
    public var count: Int { summaries.count + ruleErrors.count + parts.count }

    // MARK: - Bytes

    /// Bump whenever the encoding changes, or what is computed from documents does (the
    /// reader, the models, the rules, the figures) within one release.
    static let formatVersion: UInt32 = 5  // 3: the rules dates.target-before-period, status.*, goal.activity-long-term-goal; the light by schedule; 4: why a document is left out; 5: whole floats (1e6, 300000.0) read as integers; a progress of 0.5 or 99.5 seen by the status rules
    static let magic: [UInt8] = Array("PTRM".utf8)

    /// The memo as bytes: `PTRM`, the format version, `tool` (the program's version: a memo
    /// is never trusted by another version, whose parser, rules or figures may differ), then
    /// the three tables, each a count and (key, record) pairs. Each record ends with a 64-bit
    /// checksum of its key and bytes and is decoded only when looked up, so a warm run
    /// decodes what it uses; a record whose checksum fails is a miss.
    ///
    /// A memo grows with the versions it has seen; past `limit` bytes of records, only the
    /// records this run used or made are written, so the file stays about one history's size.
    public func encoded(tool: String, limit: Int = 256 << 20) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(tool: tool, limit: limit) { bytes += $0 }
        return bytes
    }

    /// Encodes as ``encoded(tool:limit:)`` does, handing the bytes to `write` in pieces of
    /// about 1 MiB, so a large memo is never held twice.
    public func encode(tool: String, limit: Int = 256 << 20, write: ([UInt8]) -> Void) {
        let onlyUsed = summaries.size + ruleErrors.size + parts.size > limit
        var w = ByteWriter()
        w.bytes += Self.magic
        w.u32(Self.formatVersion)
        w.string(tool)
        let flush = { (w: inout ByteWriter) in
            if w.bytes.count >= 1 << 20 {
                write(w.bytes)
                w.bytes.removeAll(keepingCapacity: true)
            }
        }
        summaries.write(into: &w, onlyUsed: onlyUsed, flush: flush)
        ruleErrors.write(into: &w, onlyUsed: onlyUsed, flush: flush)
        parts.write(into: &w, onlyUsed: onlyUsed, flush: flush)
        write(w.bytes)
    }

    /// A memo read from `bytes` written by ``encoded(tool:limit:)`` with the same `tool`; nil when
    /// the bytes are not such a memo (another version, truncated, malformed).
    public init?(decoding bytes: [UInt8], tool: String) {
        var r = ByteReader(bytes: bytes[...])
        guard r.take(Self.magic.count).map(Array.init) == Self.magic, r.u32() == Self.formatVersion, r.string() == tool,
              summaries.read(from: &r), ruleErrors.read(from: &r), parts.read(from: &r), r.isAtEnd
        else { return nil }
    }
}

/// One table of a ``RollUpMemo``: records by key, each the encoded value and a checksum
/// (see ``RollUpMemo/encoded(tool:limit:)``), from a file or made in this run. Values are kept
/// encoded — a history's worth of figures takes a fraction of the memory as bytes — and
/// decoded when looked up; ``IncrementalRollUp`` keeps the values it uses again decoded.
struct MemoTable<Value: Sendable>: Sendable {
    private let encode: @Sendable (Value, inout ByteWriter) -> Void
    private let decode: @Sendable (inout ByteReader) -> Value?
    /// Records by key: from the file, and made in this run.
    private var records: [String: ArraySlice<UInt8>] = [:]
    /// Keys of the records this run used or made.
    private var used: Set<String> = []
    /// Whether records were made in this run.
    private(set) var hasNewEntries = false
    /// Values made in this run from content without a stable id (the working tree).
    private var volatile: [String: Value] = [:]

    init(encode: @escaping @Sendable (Value, inout ByteWriter) -> Void, decode: @escaping @Sendable (inout ByteReader) -> Value?) {
        self.encode = encode
        self.decode = decode
    }

    var count: Int { records.count + volatile.count }

    /// The bytes of all records.
    var size: Int { records.values.reduce(0) { $0 + $1.count } }

    /// The value for `key`; nil when there is none or its record is damaged (which is then
    /// dropped, never trusted, and not written back).
    mutating func value(for key: MemoKey) -> Value? {
        if !key.isPersistent { return volatile[key.text] }
        guard let record = records[key.text] else { return nil }
        guard record.count >= 8 else {
            records[key.text] = nil
            return nil
        }
        let payload = record[..<(record.endIndex - 8)]
        var sumReader = ByteReader(bytes: record[payload.endIndex...])
        var body = ByteReader(bytes: payload)
        guard let sum = sumReader.u64(), sum == ByteWriter.checksum(key.text, payload),
              let value = decode(&body), body.isAtEnd
        else {
            records[key.text] = nil
            return nil
        }
        used.insert(key.text)
        return value
    }

    /// Records `value` for `key`.
    mutating func set(_ value: Value, for key: MemoKey) {
        set(recorder.record(of: value, for: key))
    }

    /// A value with its key and, for a persistent key, its encoded bytes: what ``set(_:)``
    /// stores. Making one is the costly part of recording, and may be done on any thread
    /// (``Recorder``).
    struct Record: Sendable {
        let key: MemoKey
        let value: Value
        let bytes: ArraySlice<UInt8>?
    }

    /// Makes records of this table's values, on any thread; it holds the encoder only, not
    /// the table (a copy of which would make the next ``set(_:)`` copy every record).
    struct Recorder: Sendable {
        fileprivate let encode: @Sendable (Value, inout ByteWriter) -> Void

        /// The record of `value` for `key` (encoded and checksummed when the key is persistent).
        func record(of value: Value, for key: MemoKey) -> Record {
            guard key.isPersistent else { return Record(key: key, value: value, bytes: nil) }
            var w = ByteWriter()
            encode(value, &w)
            let sum = ByteWriter.checksum(key.text, w.bytes[...])
            w.u64(sum)
            return Record(key: key, value: value, bytes: w.bytes[...])
        }
    }

    /// See ``Recorder``.
    var recorder: Recorder { Recorder(encode: encode) }

    /// Stores a record made by a ``Recorder``.
    mutating func set(_ record: Record) {
        guard let bytes = record.bytes else {
            volatile[record.key.text] = record.value
            return
        }
        records[record.key.text] = bytes
        used.insert(record.key.text)
        hasNewEntries = true
    }

    /// Writes the records (only those this run used or made when `onlyUsed`), calling
    /// `flush` after each.
    func write(into w: inout ByteWriter, onlyUsed: Bool, flush: (inout ByteWriter) -> Void) {
        let kept = onlyUsed ? records.filter { used.contains($0.key) } : records
        w.int(kept.count)
        for (key, record) in kept {
            w.string(key)
            w.int(record.count)
            w.bytes += record
            flush(&w)
        }
    }

    /// Reads a table written by ``write(into:)``; nil when it is malformed.
    mutating func read(from r: inout ByteReader) -> Bool {
        guard let count = r.count() else { return false }
        records.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = r.string(), let length = r.count(), let record = r.take(length) else { return false }
            records[key] = record
        }
        return true
    }
}

/// A memo key: text that names a plan and digests of what an entry was computed from.
/// Keys built from content without blob ids are not persistent.
struct MemoKey: Hashable, Sendable {
    var text: String
    var isPersistent: Bool
}

// MARK: - Byte coding

/// Little-endian writer of the memo's records.
struct ByteWriter: Sendable {
    var bytes: [UInt8] = []

    mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
    mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func string(_ s: String) {
        int(s.utf8.count)
        bytes += s.utf8
    }
    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }
    mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }
    mutating func date(_ d: CalendarDate?) {
        bool(d != nil)
        if let d { int(d.year); int(d.month); int(d.day) }
    }
    mutating func reference(_ r: ItemReference) {
        string(r.county)
        bool(r.year != nil)
        if let year = r.year { int(year) }
        optionalString(r.id)
    }

    mutating func summary(_ s: RollUpMemo.Summary) {
        int(s.references.count)
        for r in s.references { reference(r) }
        int(s.errorRules.count)
        for path in s.errorRules.keys.sorted() {
            string(path)
            strings(s.errorRules[path] ?? [])
        }
        optionalString(s.planStatus?.rawValue)
        date(s.periodEnd)
    }

    mutating func figures(_ f: StatusFigures) {
        for status in Activity.Status.allCases { int(f.activities[status] ?? 0) }
        int(f.overdue); int(f.budgetSEK); int(f.spentSEK); int(f.fundingSEK)
        int(f.streams.count)
        for s in f.streams { string(s.stream); int(s.fundingSEK); int(s.budgetSEK); int(s.spentSEK) }
        for assessment in Goal.Assessment.allCases { int(f.goals[assessment] ?? 0) }
        for state in ScheduleState.allCases { int(f.schedule[state] ?? 0) }
        int(f.goalsBehind)
        int(f.indicators.count)
        for i in f.indicators {
            string(i.goal)
            string(i.id)
            bool(i.progress != nil)
            if let p = i.progress { u64(p.bitPattern) }
            bool(i.expected != nil)
            if let e = i.expected { u64(e.bitPattern) }
            bool(i.isBehind)
        }
    }

    mutating func part(_ p: RollUp.PlanPart) {
        bool(p.status != nil)
        if let s = p.status {
            reference(s.reference)
            string(s.planStatus.rawValue)
            date(s.judgedOn)
            figures(s.figures)
            string(s.light.rawValue)
        }
        bool(!p.groups.isEmpty)
        if !p.groups.isEmpty {
            for grouping in [RollUp.Grouping.area, .priority, .stream] {
                let groups = p.groups[grouping] ?? []
                int(groups.count)
                for g in groups { string(g.key); figures(g.figures) }
            }
        }
        int(p.skipped.count)
        for s in p.skipped { string(s.path); string(s.reason); string(s.cause.rawValue) }
    }

    /// The checksum of a record's key and bytes (the first half of their ``ContentDigest``).
    static func checksum(_ key: String, _ bytes: ArraySlice<UInt8>) -> UInt64 {
        var digest = ContentDigest()
        digest.add(key)
        digest.add(bytes: bytes)
        return digest.value.0
    }
}

/// Reader of what ``ByteWriter`` wrote, in place (a record is read where the file's bytes
/// hold it); every read is checked, nil on anything malformed.
struct ByteReader {
    let bytes: ArraySlice<UInt8>
    var position: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    var isAtEnd: Bool { position == bytes.endIndex }

    mutating func take(_ n: Int) -> ArraySlice<UInt8>? {
        guard n >= 0, n <= bytes.endIndex - position else { return nil }
        defer { position += n }
        return bytes[position..<(position + n)]
    }
    mutating func u32() -> UInt32? {
        guard let b = take(4) else { return nil }
        return b.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
    mutating func u64() -> UInt64? {
        guard let b = take(8) else { return nil }
        return b.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
    mutating func int() -> Int? { u64().map { Int(Int64(bitPattern: $0)) } }
    mutating func bool() -> Bool? {
        guard let b = take(1)?.first, b <= 1 else { return nil }
        return b == 1
    }
    /// A count that cannot exceed the bytes left (each counted thing takes at least one).
    mutating func count() -> Int? {
        guard let n = int(), n >= 0, n <= bytes.endIndex - position else { return nil }
        return n
    }
    mutating func string() -> String? {
        guard let n = count(), let b = take(n) else { return nil }
        return String(validating: b, as: UTF8.self)
    }
    mutating func strings() -> [String]? {
        guard let n = count() else { return nil }
        var list: [String] = []
        for _ in 0..<n {
            guard let s = string() else { return nil }
            list.append(s)
        }
        return list
    }
    mutating func optionalString() -> String?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        return string().map { .some($0) }
    }
    mutating func optionalDouble() -> Double?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        return u64().map { .some(Double(bitPattern: $0)) }
    }
    mutating func date() -> CalendarDate?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let y = int(), let m = int(), let d = int(), let date = CalendarDate(year: y, month: m, day: d) else { return nil }
        return .some(date)
    }
    mutating func reference() -> ItemReference? {
        guard let county = string(), let hasYear = bool() else { return nil }
        var year: Int?
        if hasYear {
            guard let y = int() else { return nil }
            year = y
        }
        guard let id = optionalString() else { return nil }
        return ItemReference(county: county, year: year, id: id)
    }

    mutating func summary() -> RollUpMemo.Summary? {
        guard let n = count() else { return nil }
        var references: [ItemReference] = []
        for _ in 0..<n {
            guard let r = reference() else { return nil }
            references.append(r)
        }
        guard let m = count() else { return nil }
        var errorRules: [String: [String]] = [:]
        for _ in 0..<m {
            guard let path = string(), let rules = strings() else { return nil }
            errorRules[path] = rules
        }
        guard let status = optionalString(), let periodEnd = date() else { return nil }
        var planStatus: Plan.Status?
        if let status {
            guard let parsed = Plan.Status(rawValue: status) else { return nil }
            planStatus = parsed
        }
        return RollUpMemo.Summary(references: references, errorRules: errorRules, planStatus: planStatus, periodEnd: periodEnd)
    }

    mutating func figures() -> StatusFigures? {
        var f = StatusFigures()
        for status in Activity.Status.allCases {
            guard let n = int() else { return nil }
            f.activities[status] = n
        }
        guard let overdue = int(), let budget = int(), let spent = int(), let funding = int(), let streams = count()
        else { return nil }
        f.overdue = overdue; f.budgetSEK = budget; f.spentSEK = spent; f.fundingSEK = funding
        for _ in 0..<streams {
            guard let name = string(), let fu = int(), let bu = int(), let sp = int() else { return nil }
            f.streams.append(StatusFigures.Stream(stream: name, fundingSEK: fu, budgetSEK: bu, spentSEK: sp))
        }
        for assessment in Goal.Assessment.allCases {
            guard let n = int() else { return nil }
            f.goals[assessment] = n
        }
        for state in ScheduleState.allCases {
            guard let n = int() else { return nil }
            f.schedule[state] = n
        }
        guard let goalsBehind = int(), let indicators = count() else { return nil }
        f.goalsBehind = goalsBehind
        for _ in 0..<indicators {
            guard let goal = string(), let id = string(), let progress = optionalDouble(), let expected = optionalDouble(),
                  let behind = bool()
            else { return nil }
            f.indicators.append(StatusFigures.IndicatorProgress(goal: goal, id: id, progress: progress, expected: expected,
                                                                isBehind: behind))
        }
        return f
    }

    mutating func part() -> RollUp.PlanPart? {
        guard let hasStatus = bool() else { return nil }
        var status: PlanStatus?
        if hasStatus {
            guard let reference = reference(), let planStatus = string().flatMap(Plan.Status.init(rawValue:)),
                  let judgedOn = date(), let judgedOn, let figures = figures(),
                  let light = string().flatMap(TrafficLight.init(rawValue:))
            else { return nil }
            status = PlanStatus(reference: reference, planStatus: planStatus, judgedOn: judgedOn, figures: figures, light: light)
        }
        var groups: [RollUp.Grouping: [RollUp.Group]] = [:]
        guard let hasGroups = bool() else { return nil }
        for grouping in [RollUp.Grouping.area, .priority, .stream] where hasGroups {
            guard let n = count() else { return nil }
            var list: [RollUp.Group] = []
            for _ in 0..<n {
                guard let key = string(), let figures = figures() else { return nil }
                list.append(RollUp.Group(key: key, figures: figures))
            }
            groups[grouping] = list
        }
        guard let n = count() else { return nil }
        var skipped: [RollUp.Skipped] = []
        for _ in 0..<n {
            guard let path = string(), let reason = string(), let cause = string().flatMap(RollUp.Skipped.Cause.init)
            else { return nil }
            skipped.append(RollUp.Skipped(path: path, reason: reason, cause: cause))
        }
        return RollUp.PlanPart(status: status, groups: groups, skipped: skipped, entry: nil)
    }
}
