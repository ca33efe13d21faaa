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
/// ``encoded(limit:)`` for the format); entries made from files without blob ids (the working
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

    /// The fingerprint of the sources the memo's entries are worked out by (PlantrackCore's
    /// and JSONSchema's, made at build time by the `EmbedSchemas` plugin): a memo is trusted
    /// only by a build of the same sources, so no change to the reader, the models, the
    /// rules, the figures or the encoding can serve what another build worked out.
    public static let sourceFingerprint = SourceFingerprint.sha256
    static let magic: [UInt8] = Array("PTRM".utf8)

    /// The memo as bytes: `PTRM`, the ``sourceFingerprint`` of the build that wrote it, then
    /// the three tables, each a count and (key, record) pairs. Each record ends with a 64-bit
    /// checksum of its key and bytes and is decoded only when looked up, so a warm run
    /// decodes what it uses; a record whose checksum fails is a miss.
    ///
    /// A memo grows with the versions it has seen; past `limit` bytes of records, only the
    /// records this run used or made are written, so the file stays about one history's size.
    public func encoded(limit: Int = 256 << 20) -> [UInt8] {
        encoded(fingerprint: Self.sourceFingerprint, limit: limit)
    }

    /// ``encoded(limit:)`` as if written by a build with another fingerprint (for tests).
    func encoded(fingerprint: String, limit: Int = 256 << 20) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(fingerprint: fingerprint, limit: limit) { bytes += $0 }
        return bytes
    }

    /// Encodes as ``encoded(limit:)`` does, handing the bytes to `write` in pieces of
    /// about 1 MiB, so a large memo is never held twice.
    public func encode(limit: Int = 256 << 20, write: ([UInt8]) -> Void) {
        encode(fingerprint: Self.sourceFingerprint, limit: limit, write: write)
    }

    private func encode(fingerprint: String, limit: Int, write: ([UInt8]) -> Void) {
        let onlyUsed = summaries.size + ruleErrors.size + parts.size > limit
        var w = ByteWriter()
        w.bytes += Self.magic
        w.string(fingerprint)
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

    /// A memo read from `bytes` written by ``encoded(limit:)`` in a build of the same
    /// sources; nil when the bytes are not such a memo (another build, truncated, malformed).
    public init?(decoding bytes: [UInt8]) {
        self.init(decoding: bytes, fingerprint: Self.sourceFingerprint)
    }

    /// ``init(decoding:)`` for a memo written under `fingerprint` (for tests).
    init?(decoding bytes: [UInt8], fingerprint: String) {
        var r = ByteReader(bytes: bytes[...])
        guard r.take(Self.magic.count).map(Array.init) == Self.magic, r.string() == fingerprint,
            summaries.read(from: &r), ruleErrors.read(from: &r), parts.read(from: &r), r.isAtEnd
        else { return nil }
    }
}
