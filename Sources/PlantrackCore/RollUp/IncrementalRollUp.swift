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
public struct IncrementalRollUp {
    private let reader: DocumentReader
    /// The last snapshot applied; every current entry is one of its entries.
    private var snapshot: (any Snapshot)?
    private var schemas: DocumentSchemas?
    /// The document files below `Plans/` as they stand, by path, with their kind and reference.
    private var entries: [String: Placed] = [:]
    /// Findings on files that are not read: links, unreadable entries, misplaced files.
    private var layoutFindings: [String: Finding] = [:]
    /// The plans, each with its documents.
    private var plans: [ItemReference: PlanDocuments] = [:]
    /// County documents and the settings file.
    private var otherPaths: Set<String> = []
    /// Per path that was read: what its current content says.
    private var verdicts: [String: Verdict] = [:]
    /// The settings document, when it was read and parsed.
    private var settings: Document?
    /// Per county folder, the ids of its subfolders in the current snapshot (empty when
    /// the snapshot has no folder ids).
    private var folderIDs: [String: [String: String]] = [:]
    /// Per county folder, its id in the current snapshot.
    private var countyIDs: [String: String] = [:]
    /// Whether the current snapshot names folders by content.
    private var hasFolderIDs = false
    /// Numbers the versions of content without blob ids, which no other run can know.
    private var volatileCount = 0
    /// What was worked out, by content; load it from an earlier run, save it for the next.
    public private(set) var memo: RollUpMemo
    /// Per plan, the last summary, rule errors and part used, decoded: most plans do not
    /// change from one point of a trend to the next.
    private var lastSummary: [ItemReference: (key: MemoKey, value: RollUpMemo.Summary)] = [:]
    private var lastRuleErrors: [ItemReference: (key: MemoKey, value: [String])] = [:]
    private var lastPart: [ItemReference: (key: MemoKey, value: RollUp.PlanPart)] = [:]
    /// How many documents were parsed so far.
    public private(set) var parseCount = 0
    /// How many plans had their rules run (memo misses), for tests.
    public private(set) var ruleRuns = 0

    /// What a document's current content says, independent of the other documents.
    final class Verdict: Sendable {
        /// Rule ids of the errors met reading the file and validating it against its schema.
        let errorRules: [String]
        /// Plans this document refers to (`revises`, `carried_from`).
        let references: [ItemReference]
        /// The typed model, for plans, goals and activities that were read.
        let item: RollUp.Item?
        /// What the rules read from the document, when it was read.
        let facts: KindFacts?

        init(errorRules: [String], references: [ItemReference] = [], item: RollUp.Item? = nil, facts: KindFacts? = nil) {
            self.errorRules = errorRules
            self.references = references
            self.item = item
            self.facts = facts
        }
    }

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

    /// Forgets what is known of the file at `path`.
    private mutating func forget(_ path: String) {
        entries[path] = nil
        layoutFindings[path] = nil
        verdicts[path] = nil
        otherPaths.remove(path)
        guard case .document(let kind, let reference) = DocumentLayout.place(of: path), kind != .county, kind != .workspace,
              let plan = reference?.plan
        else { return }
        plans[plan]?.paths.remove(path)
        if plans[plan]?.paths.isEmpty == true { dropPlan(plan) }
    }

    private mutating func dropPlan(_ plan: ItemReference) {
        plans[plan] = nil
        lastSummary[plan] = nil
        lastRuleErrors[plan] = nil
        lastPart[plan] = nil
    }

    /// Takes in a file: where it belongs (`place`, when worked out already), and what is
    /// wrong with it without reading it (as ``Workspace`` finds it).
    private mutating func take(_ entry: SnapshotEntry, place: DocumentLayout.Place? = nil) {
        let path = entry.path
        let place = place ?? DocumentLayout.place(of: path)
        if let finding = Workspace.layoutFinding(for: entry, at: place) { layoutFindings[path] = finding }
        if case .unreadable = entry.kind { return }
        guard case .document(let kind, let reference) = place else { return }
        entries[path] = Placed(entry: entry, kind: kind, reference: reference)
        if kind == .county || kind == .workspace {
            if case .file = entry.kind { otherPaths.insert(path) }
        } else if let plan = reference?.plan {
            plans[plan, default: PlanDocuments()].paths.insert(path)
            plans[plan]?.digest = nil
        }
    }

    /// Lists the files of the plans among `references` that were taken in by folder.
    private mutating func expand(_ references: some Sequence<ItemReference>) {
        guard let snapshot else { return }
        var listed: [SnapshotEntry] = []
        var byID: [(folder: String, id: String)] = []
        for plan in references where plans[plan]?.expanded == false {
            plans[plan]?.expanded = true
            let folder = DocumentLayout.folder(of: plan)
            if let id = folderID(of: plan) {
                byID.append((folder, id))
                continue
            }
            do {
                listed += try snapshot.entries(under: folder)
            } catch {
                layoutFindings[folder] = Finding(.error, rule: "file.unreadable", path: folder, message: "\(error)")
            }
        }
        // Folders with ids are listed by id on all cores when the snapshot can, else here.
        let reader = snapshot.concurrentReader
        let listings = ParallelMap.map(byID) { folder, id in Result { try reader?.files(under: folder, id: id) } }
        for ((folder, _), listing) in zip(byID, listings) {
            do {
                listed += try listing.get() ?? snapshot.entries(under: folder)
            } catch {
                layoutFindings[folder] = Finding(.error, rule: "file.unreadable", path: folder, message: "\(error)")
            }
        }
        // A cold roll-up lists every plan here: the paths are placed on all cores, and the
        // tables grow once instead of doubling their way up.
        let places = ParallelMap.map(listed) { DocumentLayout.place(of: $0.path) }
        entries.reserveCapacity(entries.count + listed.count)
        verdicts.reserveCapacity(verdicts.count + listed.count)
        for (entry, place) in zip(listed, places) { take(entry, place: place) }
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
    /// priorities and streams (`trend` reads totals only).
    public mutating func rollUp(asOf: CalendarDate, filter: RollUp.Filter = RollUp.Filter(), withGroups: Bool = true) -> RollUp {
        guard let schemas else { return RollUp(parts: [], invalidPaths: [], asOf: asOf) }
        // Every plan gets its digest; plans whose folder is gone are dropped.
        for plan in Array(plans.keys) { _ = digest(of: plan) }
        readVerdicts(of: Array(otherPaths), schemas: schemas)
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
        for summary in summaries.values {
            for (path, rules) in summary.errorRules where rules.contains(where: { isError($0) }) {
                invalid.insert(path)
                if rules.contains(where: { WorkspaceValidator.isReadingRule($0) && isError($0) }) { unreadable.insert(path) }
            }
        }
        invalid.formUnion(ruleErrors(options: options, summaries: summaries, schemas: schemas))
        let parts = self.parts(asOf: asOf, filter: filter, invalid: invalid, summaries: summaries, schemas: schemas,
                               withGroups: withGroups, thresholds: TrafficLight.Thresholds(settings: settings))
        return RollUp(parts: parts, invalidPaths: invalid, unreadablePaths: unreadable, asOf: asOf, filter: filter)
    }

    // MARK: - The three memos

    /// Every plan's summary, from the memo or from its documents.
    private mutating func summaries(schemas: DocumentSchemas) -> [ItemReference: RollUpMemo.Summary] {
        var result: [ItemReference: RollUpMemo.Summary] = [:]
        var missing: [(ItemReference, MemoKey)] = []
        for plan in Array(plans.keys) {
            let key = summaryKey(plan, schemas: schemas)
            if let last = lastSummary[plan], last.key == key {
                result[plan] = last.value
            } else if let summary = memo.summaries.value(for: key) {
                result[plan] = summary
                lastSummary[plan] = (key, summary)
            } else {
                missing.append((plan, key))
            }
        }
        expand(missing.map(\.0))
        readVerdicts(of: missing.flatMap { plans[$0.0]?.paths ?? [] }, schemas: schemas)
        // Each plan's documents are looked up on all cores (the tables are only read there).
        let verdicts = self.verdicts
        let layoutFindings = self.layoutFindings
        let recorder = memo.summaries.recorder
        let work = missing.map { (plan: $0.0, key: $0.1, paths: plans[$0.0]?.paths ?? []) }
        let made = ParallelMap.map(work) { plan, key, paths -> MemoTable<RollUpMemo.Summary>.Record in
            var summary = RollUpMemo.Summary(references: [], errorRules: [:], planStatus: nil, periodEnd: nil)
            var references: Set<ItemReference> = []
            for path in paths {
                // Links and unreadable entries where a document belongs: a plan taken in by
                // its folder learns of them only from here.
                if let finding = layoutFindings[path], finding.severity == .error {
                    summary.errorRules[path, default: []].append(finding.rule)
                }
                guard let verdict = verdicts[path] else { continue }
                if !verdict.errorRules.isEmpty { summary.errorRules[path] = verdict.errorRules }
                references.formUnion(verdict.references)
                if case .plan(let model)? = verdict.item?.content {
                    summary.planStatus = model.status
                    summary.periodEnd = model.period?.end
                }
            }
            references.remove(plan)
            summary.references = references.sorted()
            return recorder.record(of: summary, for: key)
        }
        for ((plan, key), record) in zip(missing, made) {
            memo.summaries.set(record)
            lastSummary[plan] = (key, record.value)
            result[plan] = record.value
        }
        return result
    }

    /// The documents the cross-document rules find errors in, from the memo where a plan's
    /// inputs did not change, else by running the rules on the plan and the plans it refers to.
    private mutating func ruleErrors(
        options: RuleOptions, summaries: [ItemReference: RollUpMemo.Summary], schemas: DocumentSchemas
    ) -> Set<String> {
        // Only errors matter here: switch off every rule that cannot give one.
        var errorsOnly = options
        for rule in PlanRules.all where options.severity(of: rule.id, default: rule.severity) != .error {
            errorsOnly.severityOverrides[rule.id] = .off
        }
        let judgesDates = ["dates.overdue", "dates.measurement-in-future"].contains {
            errorsOnly.severityOverrides[$0] != .off
        }
        var settings = ContentDigest()
        for setting in errorsOnly.severityOverrides.filter({ $0.key != "settings.unknown-rule" })
            .map({ "\($0.key)=\($0.value.rawValue)" }).sorted() {
            settings.add(setting)
        }
        // Keys stay short: a digest of the settings, and the day only when it matters.
        let settingsText = "r" + settings.hex + (judgesDates ? " \(options.asOf)" : "")

        var errors: Set<String> = []
        var stale: [(plan: ItemReference, key: MemoKey, scope: [ItemReference])] = []
        for plan in Array(plans.keys) {
            let scope = [plan] + (summaries[plan]?.references ?? [])
            var key = MemoKey(text: "\(plan) \(settingsText)", isPersistent: true)
            for member in scope {
                let digest = digest(of: member)
                key.text += " " + (digest?.text ?? "-")
                if digest?.isPersistent == false { key.isPersistent = false }
            }
            if let last = lastRuleErrors[plan], last.key == key {
                errors.formUnion(last.value)
            } else if let paths = memo.ruleErrors.value(for: key) {
                errors.formUnion(paths)
                lastRuleErrors[plan] = (key, paths)
            } else {
                stale.append((plan, key, scope))
            }
        }
        guard !stale.isEmpty else { return errors }
        let scopePlans = Set(stale.flatMap(\.scope))
        expand(scopePlans)
        readVerdicts(of: scopePlans.flatMap { plans[$0]?.paths ?? [] }, schemas: schemas)
        // One index over the stale plans and the plans they refer to, judged a plan at a
        // time on all cores: every rule judges a plan on its own, looking only at the plans
        // it refers to (see ``RuleDescriptor``), so this finds per plan what judging it with
        // its scope alone finds, and a document's facts are arranged once, not once for
        // every plan that refers to its plan (a cold roll-up judges every plan).
        let verdicts = self.verdicts
        let facts = ParallelMap.map(scopePlans.sorted().map { plans[$0]?.paths ?? [] }) { paths in
            paths.compactMap { verdicts[$0]?.facts }
        }
        let index = RuleIndex(plans: facts, asOf: errorsOnly.asOf, subjects: Set(stale.map(\.plan)))
        var errorPaths: Set<String> = []
        for finding in PlanRules.check(index, options: errorsOnly) where finding.severity == .error {
            errorPaths.insert(finding.path)
        }
        let found = stale.map { item in
            (plans[item.plan]?.paths ?? []).filter { errorPaths.contains($0) }.sorted()
        }
        ruleRuns += stale.count
        for (item, planErrors) in zip(stale, found) {
            memo.ruleErrors.set(planErrors, for: item.key)
            lastRuleErrors[item.plan] = (item.key, planErrors)
            errors.formUnion(planErrors)
        }
        return errors
    }

    /// The parts of the plans `filter` includes, from the memo or from their documents.
    private mutating func parts(
        asOf: CalendarDate, filter: RollUp.Filter, invalid: Set<String>,
        summaries: [ItemReference: RollUpMemo.Summary], schemas: DocumentSchemas, withGroups: Bool,
        thresholds: TrafficLight.Thresholds
    ) -> [RollUp.PlanPart] {
        var parts: [ItemReference: RollUp.PlanPart] = [:]
        var stale: [(plan: ItemReference, key: MemoKey, judgedOn: CalendarDate)] = []
        // The documents left out, by plan (a plan taken in by folder has no paths listed).
        var leftOut: [ItemReference: [String]] = [:]
        for path in invalid {
            if case .document(let kind, let reference) = DocumentLayout.place(of: path), kind != .county, kind != .workspace,
               let plan = reference?.plan {
                leftOut[plan, default: []].append(path)
            }
        }
        for plan in Array(plans.keys) where filter.includes(plan) {
            guard let digest = digest(of: plan) else { continue }
            let left = (leftOut[plan] ?? []).sorted()
            var judgedOn: CalendarDate?
            if !invalid.contains(DocumentLayout.path(of: .plan, plan)), let status = summaries[plan]?.planStatus {
                judgedOn = PlanStatus.judgementDate(status: status, periodEnd: summaries[plan]?.periodEnd, asOf: asOf)
            }
            // Without a plan model the part does not depend on the day. The light's thresholds
            // are in the key: a changed threshold must not serve a stale light.
            let key = MemoKey(text: "\(plan) \(digest.text) \(judgedOn.map { "\($0)" } ?? "-") \(thresholds.memoText) "
                                  + left.joined(separator: " "),
                              isPersistent: digest.isPersistent)
            if let last = lastPart[plan], last.key == key, last.value.hasGroups || !withGroups {
                parts[plan] = last.value
            } else if let part = memo.parts.value(for: key), part.hasGroups || !withGroups {
                parts[plan] = part
                lastPart[plan] = (key, part)
            } else {
                stale.append((plan, key, judgedOn ?? asOf))
            }
        }
        if !stale.isEmpty {
            expand(stale.map(\.plan))
            readVerdicts(of: stale.flatMap { plans[$0.plan]?.paths ?? [] }, schemas: schemas)
            // Each plan's documents are looked up on all cores (the tables are only read there).
            let verdicts = self.verdicts
            let recorder = memo.parts.recorder
            let work = stale.map { item in (item.plan, item.key, item.judgedOn, plans[item.plan]?.paths ?? []) }
            let computed = ParallelMap.map(work) { plan, key, day, paths in
                var part = RollUp.part(of: plan, items: paths.compactMap { path in invalid.contains(path) ? nil : verdicts[path]?.item },
                                       asOf: day, withGroups: withGroups, thresholds: thresholds)
                // Figures, not models, are kept (and the models here lack their texts); the
                // models are let go, and the record is made, here on all cores.
                part.entry = nil
                return recorder.record(of: part, for: key)
            }
            for (item, record) in zip(stale, computed) {
                memo.parts.set(record)
                lastPart[item.plan] = (item.key, record.value)
                parts[item.plan] = record.value
            }
        }
        return parts.keys.sorted().compactMap { parts[$0] }
    }

    // MARK: - Reading

    /// Names a plan's content: its folder's id when the snapshot has one, else its
    /// documents' paths and blob ids, else (the working tree) a number that changes with
    /// every change. nil, and the plan is dropped, when its folder is gone.
    private mutating func digest(of plan: ItemReference) -> MemoKey? {
        guard let documents = plans[plan] else { return nil }
        if let digest = documents.digest { return digest }
        if hasFolderIDs {
            guard let id = folderID(of: plan) else {
                dropPlan(plan)
                return nil
            }
            let digest = MemoKey(text: "t" + id, isPersistent: true)
            plans[plan]?.digest = digest
            return digest
        }
        expand([plan])
        guard let paths = plans[plan]?.paths, !paths.isEmpty else {
            dropPlan(plan)
            return nil
        }
        // Each document's digest is added up: the order of the paths (a set) does not matter.
        var sum = (UInt64(0), UInt64(0))
        var persistent = true
        for path in paths {
            var hash = ContentDigest()
            hash.add(path)
            let entry = entries[path]?.entry
            switch entry?.kind {
            case .file: hash.add("f")
            case .symlink(let target): hash.add("l " + target)
            case .other, .unreadable, nil: hash.add("o")
            }
            if let id = entry?.contentID { hash.add(id) } else { persistent = false }
            let (a, b) = hash.value
            sum = (sum.0 &+ a, sum.1 &+ b)
        }
        let digest: MemoKey
        if persistent {
            digest = MemoKey(text: "c" + ContentDigest.hex(sum.0) + ContentDigest.hex(sum.1), isPersistent: true)
        } else {
            volatileCount += 1
            digest = MemoKey(text: "v\(volatileCount)", isPersistent: false)
        }
        plans[plan]?.digest = digest
        return digest
    }

    /// The id of a plan's folder in the current snapshot (its county's folder is read once);
    /// nil when the snapshot names no folders or the plan's folder is gone.
    private mutating func folderID(of plan: ItemReference) -> String? {
        guard hasFolderIDs, let snapshot else { return nil }
        let county = "\(DocumentLayout.plansFolder)/\(plan.county)"
        if folderIDs[county] == nil {
            folderIDs[county] = Self.subfolderIDs(of: try? snapshot.folder(county, id: countyIDs[county]))
        }
        return folderIDs[county]?[DocumentLayout.folder(of: plan)]
    }

    /// The ids of a folder level's subfolders, by path (empty for no level).
    private static func subfolderIDs(of level: SnapshotFolder?) -> [String: String] {
        Dictionary(level?.subfolders.map { ($0.path, $0.id) } ?? [], uniquingKeysWith: { first, _ in first })
    }

    private mutating func summaryKey(_ plan: ItemReference, schemas: DocumentSchemas) -> MemoKey {
        let digest = digest(of: plan)
        return MemoKey(text: "\(plan) \(digest?.text ?? "-") \(schemas.fingerprint)", isPersistent: digest?.isPersistent ?? false)
    }

    /// Reads and judges the documents of `paths` that have no verdict yet, on all cores: the
    /// bytes with them when the snapshot has a ``Snapshot/concurrentReader``, else in order
    /// on this thread (snapshots need not be thread-safe) while the last batch is parsed.
    private mutating func readVerdicts(of paths: [String], schemas: DocumentSchemas) {
        let wanted = Self.unread(paths, verdicts: verdicts, entries: entries)
        guard !wanted.isEmpty, let snapshot else { return }
        struct Work: Sendable {
            var entry: SnapshotEntry
            var kind: DocumentKind
            var reference: ItemReference?
            var bytes: Result<[UInt8], Finding>?
        }
        let concurrent = snapshot.concurrentReader
        let reader = self.reader
        // In batches, so the bytes of a whole workspace are never held at once; the next
        // batch is read while the last one is parsed.
        var start = 0
        ParallelMap.pipeline(
            next: { () -> [Work]? in
                guard start < wanted.count else { return nil }
                var work: [Work] = []
                for placed in wanted[start..<min(start + 1024, wanted.count)] {
                    work.append(Work(entry: placed.entry, kind: placed.kind, reference: placed.reference,
                                     bytes: concurrent == nil ? Self.load(placed.entry, with: snapshot.contents(of:)) : nil))
                }
                start += 1024
                return work
            },
            transform: { item -> (Verdict, Document?) in
                let bytes = item.bytes ?? concurrent.map { Self.load(item.entry, with: $0.contents(of:)) } ?? .failure(
                    Finding(.error, rule: "file.unreadable", path: item.entry.path, message: "could not be read"))
                let result = bytes.flatMap { bytes in
                    reader.read(bytes, path: item.entry.path, kind: item.kind, reference: item.reference,
                                contentID: item.entry.contentID)
                }
                let verdict = Self.verdict(of: result, schemas: schemas)
                // Only the settings document is kept: the rule options read it.
                return (verdict, item.kind == .workspace ? try? result.get() : nil)
            },
            consume: { work, results in
                parseCount += work.count
                for (item, (verdict, document)) in zip(work, results) {
                    verdicts[item.entry.path] = verdict
                    if item.kind == .workspace { settings = document }
                }
            })
    }

    /// The files among `paths` that are read as documents and have no verdict yet, looked
    /// up on all cores (the tables are only read there).
    private static func unread(_ paths: [String], verdicts: [String: Verdict], entries: [String: Placed]) -> [Placed] {
        ParallelMap.map(paths) { path -> Placed? in
            guard verdicts[path] == nil, let placed = entries[path], case .file = placed.entry.kind else { return nil }
            return placed
        }.compactMap { $0 }
    }

    private static func load(_ entry: SnapshotEntry, with read: (SnapshotEntry) throws -> [UInt8]) -> Result<[UInt8], Finding> {
        do {
            return .success(try read(entry))
        } catch {
            return .failure(Workspace.finding(for: error, path: entry.path))
        }
    }

    private static func verdict(of result: Result<Document, Finding>, schemas: DocumentSchemas) -> Verdict {
        switch result {
        case .failure(let finding):
            return Verdict(errorRules: finding.severity == .error ? [finding.rule] : [])
        case .success(let document):
            var rules: [String] = []
            if let schema = schemas.schema(for: document.kind) {
                rules = schema.validate(document.frontMatter.json).map { "schema.\($0.keyword)" }
            }
            var references: [ItemReference] = []
            for key in ["revises", "carried_from"] {
                if let text = document.frontMatter[key]?.string, let plan = ItemReference(text)?.plan {
                    references.append(plan)
                }
            }
            return Verdict(errorRules: rules, references: references, item: RollUp.Item(document: document)?.forFigures,
                           facts: KindFacts(document))
        }
    }
}
