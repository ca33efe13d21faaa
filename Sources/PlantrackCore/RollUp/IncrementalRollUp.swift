/// A roll-up kept up to date from one snapshot to the next: at every point it equals
/// validating the whole workspace and rolling up the valid documents
/// (``WorkspaceValidator`` then ``RollUp/init(documents:invalidPaths:asOf:filter:)``), without
/// doing again the work whose inputs did not change. `trend` asks it for one roll-up per
/// period end, `rollup` for one.
///
/// Work is keyed by content and kept in a ``RollUpMemo``, per plan (`county/year`):
/// - its *summary* (its documents' reading and schema errors, the plans they refer to, what
///   decides its judgement day), while its documents and the schemas stay the same;
/// - the documents the cross-document rules find errors in, while the documents of the plan
///   and of the plans it refers to (`revises`, `carried_from`) and the rule settings stay the
///   same — and, for rules that judge dates, the day;
/// - its share of the roll-up, while its documents, which of them are left out, the day it
///   is judged on (a closed plan: its period end) and the traffic-light thresholds stay the same.
///
/// A commit's plans are taken in by their folders' tree ids; a plan's files are listed, read
/// and parsed (on all cores) only when one of these misses, and what is kept of them in
/// memory is their verdict (a figures-only model, rule facts), not the parsed document. With
/// a memo from an earlier run over the same versions, a roll-up parses no plan document.
/// Only errors decide what a roll-up leaves out, so the rules run with every rule that
/// cannot give an error switched off.
///
/// Nothing is worked out here that the long way works out otherwise: a document is judged by
/// ``DocumentCheck`` (as the validator judges it), the rules by ``PlanRules`` on a
/// ``RuleIndex``, a plan's figures by ``RollUp/part(of:items:asOf:withGroups:thresholds:)``.
/// What this adds is memoisation of their results by content, in one place: the memo's
/// tables, with ``LastAnswers`` in front of them. The work is in `+Contents` (what the
/// snapshot holds), `+Memos` (the three memoised functions) and `+Reading` (documents).
public struct IncrementalRollUp {
    let reader: DocumentReader
    /// The last snapshot applied; every current entry is one of its entries.
    var snapshot: (any Snapshot)?
    var schemas: DocumentSchemas?
    /// The document files below `Plans/` as they stand, by path, with their kind and reference.
    var entries: [String: Placed] = [:]
    /// Findings on files that are not read: links, unreadable entries, misplaced files.
    var layoutFindings: [String: Finding] = [:]
    /// The plans, each with its documents.
    var plans: [ItemReference: PlanDocuments] = [:]
    /// County documents and the settings file.
    var otherPaths: Set<String> = []
    /// Per path that was read: what its current content says.
    var verdicts: [String: Verdict] = [:]
    /// The settings document, when it was read and parsed.
    var settings: Document?
    /// Per county folder, the ids of its subfolders in the current snapshot (empty when
    /// the snapshot has no folder ids).
    var folderIDs: [String: [String: String]] = [:]
    /// Per county folder, its id in the current snapshot.
    var countyIDs: [String: String] = [:]
    /// Whether the current snapshot names folders by content.
    var hasFolderIDs = false
    /// Numbers the versions of content without blob ids, which no other run can know.
    var volatileCount = 0
    /// The first corrupted object met reading the current snapshot: its file gets no
    /// verdict, no memo record is made after it, and ``rollUp(asOf:filter:withGroups:)`` throws it.
    var damage: HistoryError?
    /// What was worked out, by content; load it from an earlier run, save it for the next.
    public internal(set) var memo: RollUpMemo
    /// Per plan, the last summary, rule errors and part used (see ``LastAnswers``).
    var lastSummary = LastAnswers<RollUpMemo.Summary>()
    var lastRuleErrors = LastAnswers<[String]>()
    var lastPart = LastAnswers<RollUp.PlanPart>()
    /// How many documents were parsed so far.
    public internal(set) var parseCount = 0
    /// How many plans had their rules run (memo misses), for tests.
    public internal(set) var ruleRuns = 0

    /// A document file and where it sits in the layout.
    struct Placed {
        var entry: SnapshotEntry
        var kind: DocumentKind
        var reference: ItemReference?
    }

    /// The documents of one plan (`county/year`).
    struct PlanDocuments {
        /// Whether ``paths`` lists the plan's documents; a plan taken in by its folder's id
        /// is listed only when a memo misses.
        var expanded = true
        /// Paths of the plan's plan, goal and activity documents.
        var paths: Set<String> = []
        /// Names the plan's content (see ``digest(of:)``); nil until computed after a change.
        var digest: MemoKey?
    }

    /// Creates an empty roll-up; `apply` the first snapshot's documents, then `use` schemas.
    /// `memo` is what an earlier run worked out (see ``memo``).
    public init(reader: DocumentReader = DocumentReader(), memo: RollUpMemo = RollUpMemo()) {
        self.reader = reader
        self.memo = memo
    }

    /// Every document below `Plans/` of `snapshot`, as changes from nothing.
    public static func allAdded(in snapshot: some Snapshot) throws -> [SnapshotChange] {
        try snapshot.entries(under: DocumentLayout.plansFolder).map {
            SnapshotChange(path: $0.path, kind: .added, old: nil, new: $0)
        }
    }

    /// Starts from `snapshot` (forgetting any earlier one, keeping the memo). When the
    /// snapshot names folders by content (a commit), plans are taken in by folder and their
    /// files listed only when a memo misses; otherwise every file is listed.
    public mutating func start(from snapshot: some Snapshot) throws {
        let memo = self.memo
        self = IncrementalRollUp(reader: reader, memo: memo)
        self.snapshot = snapshot
        guard let top = try snapshot.folder(DocumentLayout.plansFolder) else {
            hasFolderIDs = false
            apply(try Self.allAdded(in: snapshot), from: snapshot)
            return
        }
        hasFolderIDs = true
        for entry in top.files { take(entry) }
        for county in top.subfolders {
            countyIDs[county.path] = county.id
            let level = try snapshot.folder(county.path, id: county.id) ?? SnapshotFolder(files: [], subfolders: [])
            folderIDs[county.path] = Self.subfolderIDs(of: level)
            for entry in level.files { take(entry) }
            for sub in level.subfolders {
                if let plan = DocumentLayout.plan(containing: sub.path + "/"), sub.path == DocumentLayout.folder(of: plan) {
                    plans[plan] = PlanDocuments(expanded: false)
                } else {
                    for entry in try snapshot.entries(under: sub.path) { take(entry) }
                }
            }
        }
    }

    /// Applies the changes from the previous snapshot to `snapshot` (or all of `Plans/` as
    /// added, see ``allAdded(in:)``, to start without folders). Nothing is read here:
    /// documents are read from `snapshot` when a roll-up needs them.
    public mutating func apply(_ changes: [SnapshotChange], from snapshot: some Snapshot) {
        self.snapshot = snapshot
        folderIDs = [:]
        countyIDs = [:]
        let top = try? snapshot.folder(DocumentLayout.plansFolder)
        hasFolderIDs = top != nil
        for county in top?.subfolders ?? [] { countyIDs[county.path] = county.id }
        for change in changes {
            let path = change.path
            verdicts[path] = nil
            if path == DocumentLayout.settingsPath { settings = nil }
            if let plan = DocumentLayout.plan(containing: path) {
                plans[plan]?.digest = nil
                // Nothing is known of a plan taken in by folder until it is listed: it will
                // be listed afresh when needed.
                if plans[plan]?.expanded == false { continue }
                if plans[plan] == nil && hasFolderIDs {
                    if change.new != nil { plans[plan] = PlanDocuments(expanded: false) }
                    continue
                }
            }
            forget(path)
            if let entry = change.new { take(entry) }
        }
    }

    /// Validates against `schemas` from now on (the first snapshot's, and whenever a
    /// snapshot changes `Schemas/`).
    public mutating func use(_ schemas: DocumentSchemas) {
        self.schemas = schemas
        verdicts = [:]
    }

    /// The roll-up of the workspace as it stands, judged on `asOf`.
    ///
    /// `withGroups: false` leaves out what ``RollUp/groups(by:)`` needs for areas,
    /// priorities and streams (`trend` reads totals only). A corrupted object is thrown
    /// (``HistoryError/corrupted(object:path:detail:)``): it is no finding, and nothing
    /// about it is memoised, so the object repaired is read afresh.
    public mutating func rollUp(
        asOf: CalendarDate, filter: RollUp.Filter = RollUp.Filter(), withGroups: Bool = true
    ) throws -> RollUp {
        if let damage { throw damage }
        guard let schemas else { return RollUp(parts: [], invalidPaths: [], asOf: asOf) }
        // Every plan gets its digest; plans whose folder is gone are dropped.
        for plan in Array(plans.keys) { _ = digest(of: plan) }
        readVerdicts(of: Array(otherPaths), schemas: schemas)
        if let damage { throw damage }
        let options = RuleOptions(asOf: asOf, settings: settings, otherRuleIDs: WorkspaceValidator.readerAndSchemaRules)
        func isError(_ rule: String, _ severity: Finding.Severity = .error) -> Bool {
            options.severity(of: rule, default: severity) == .error
        }

        var invalid: Set<String> = []
        // Of those, the ones that could not be read, so the roll-up can say so.
        var unreadable: Set<String> = []
        for (path, finding) in layoutFindings where isError(finding.rule, finding.severity) {
            invalid.insert(path)
            if WorkspaceValidator.isReadingRule(finding.rule) { unreadable.insert(path) }
        }
        for path in otherPaths where verdicts[path]?.errorRules.contains(where: { isError($0) }) == true {
            invalid.insert(path)
        }
        let summaries = self.summaries(schemas: schemas)
        if let damage { throw damage }
        for summary in summaries.values {
            for (path, rules) in summary.errorRules where rules.contains(where: { isError($0) }) {
                invalid.insert(path)
                if rules.contains(where: { WorkspaceValidator.isReadingRule($0) && isError($0) }) { unreadable.insert(path) }
            }
        }
        invalid.formUnion(ruleErrors(options: options, summaries: summaries, schemas: schemas))
        if let damage { throw damage }
        let parts = self.parts(
            asOf: asOf, filter: filter, invalid: invalid, summaries: summaries, schemas: schemas,
            withGroups: withGroups, thresholds: TrafficLight.Thresholds(settings: settings),
            suspectLinks: options.severity(of: SuspectLinks.ruleID, default: SuspectLinkRule.descriptor.severity) == nil
                ? nil : options.meaning)
        if let damage { throw damage }
        return RollUp(parts: parts, invalidPaths: invalid, unreadablePaths: unreadable, asOf: asOf, filter: filter)
    }
}
