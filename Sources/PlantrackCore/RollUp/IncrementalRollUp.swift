/// A roll-up kept up to date from one snapshot to the next: at every point it equals
/// validating the whole workspace and rolling up the valid documents
/// (``WorkspaceValidator`` then ``RollUp/init(documents:invalidPaths:asOf:filter:)``), without
/// doing again the work whose inputs did not change. `trend` asks it for one roll-up per
/// period end.
///
/// Four memos make that so:
/// - each blob is parsed once while a path holds it (``IncrementalWorkspace``), on all cores;
/// - per document, for its current blob: the rule ids of its reading and schema errors, the
///   plans it refers to, its typed model and the facts the rules read;
/// - per plan: the documents the cross-document rules find errors in, kept while the plan's
///   documents, those of the plans it refers to (`revises`, `carried_from`) and the rule
///   settings stay the same — and, for rules that judge dates, the day;
/// - per plan: its share of the roll-up, kept while its documents, which of them are left
///   out, and the day it is judged on stay the same (a closed plan: its period end).
///
/// Only errors decide what a roll-up leaves out, so the rules run here with every rule that
/// cannot give an error switched off.
public struct IncrementalRollUp {
    private var workspace: IncrementalWorkspace
    private var schemas: DocumentSchemas?
    /// Per path, what its current blob says; recomputed when the blob or the schemas change.
    private var verdicts: [String: Verdict] = [:]
    /// The plans, each with its documents.
    private var plans: [ItemReference: PlanDocuments] = [:]
    /// Counts changes, to give each changed plan a new version.
    private var changeCount = 0
    /// Per plan: the inputs its rule errors were computed from, and those errors.
    private var ruleMemo: [ItemReference: (inputs: RuleInputs, errors: Set<String>)] = [:]
    /// Per plan: its share of the roll-up, and what it was computed from.
    private var partMemo: [ItemReference: (key: PartKey, part: RollUp.PlanPart)] = [:]
    /// Paths whose verdict names reading or schema errors.
    private var flagged: Set<String> = []
    /// How many plans had their rules run (memo misses), for tests.
    public private(set) var ruleRuns = 0

    /// What a document's current blob says, independent of the other documents.
    struct Verdict: Sendable {
        /// The blob id the verdict is for.
        var contentID: String?
        /// Rule ids of the errors met reading the file and validating it against its schema.
        var errorRules: [String]
        /// Plans this document refers to (`revises`, `carried_from`).
        var references: [ItemReference]
        /// The typed model, for plans, goals and activities that were read.
        var item: RollUp.Item?
        /// What the rules read from the document, when it was read.
        var facts: KindFacts?
    }

    /// The documents of one plan (`county/year`), and what its rule errors depend on.
    struct PlanDocuments {
        /// Paths of the plan's plan, goal and activity documents.
        var paths: Set<String> = []
        /// Changes whenever one of the documents does.
        var version = 0
        /// This plan and the plans its documents refer to, sorted.
        var scope: [ItemReference] = []
    }

    /// What a plan's share of the roll-up depends on: its documents, which of them are left
    /// out, and the day it is judged on (a closed plan's period end stays the same).
    struct PartKey: Equatable {
        var version: Int
        var invalid: [String]
        var judgedOn: CalendarDate?
    }

    /// What a plan's rule errors depend on: the versions of the plans in its scope, the
    /// rule settings, and the day when a rule that judges dates can give an error.
    struct RuleInputs: Equatable {
        var versions: [Int]
        var settings: [String: RuleSetting]
        var day: CalendarDate?
    }

    /// Creates an empty roll-up; `apply` the first snapshot's documents, then `use` schemas.
    public init(reader: DocumentReader = DocumentReader()) {
        workspace = IncrementalWorkspace(reader: reader)
    }

    /// How many documents were parsed so far.
    public var parseCount: Int { workspace.parseCount }
    /// Documents parsed here that a persistent cache does not have yet.
    public var newlyParsed: [String: Document] { workspace.newlyParsed }

    /// Adds parsed documents from a persistent cache (see ``IncrementalWorkspace/seed(_:)``).
    public mutating func seed(_ documents: [String: Document]) {
        workspace.seed(documents)
    }

    /// Applies the changes from the previous snapshot (see ``IncrementalWorkspace/apply(_:from:)``).
    public mutating func apply(_ changes: [SnapshotChange], from snapshot: some Snapshot) {
        workspace.apply(changes, from: snapshot)
        var changed: [String] = []
        var changedPlans: Set<ItemReference> = []
        changeCount += 1
        for change in changes {
            verdicts[change.path] = nil
            flagged.remove(change.path)
            if change.new != nil { changed.append(change.path) }
            guard case .document(let kind, let reference) = DocumentLayout.place(of: change.path),
                  kind != .county, kind != .workspace, let plan = reference?.plan
            else { continue }
            if change.new == nil {
                plans[plan]?.paths.remove(change.path)
            } else {
                plans[plan, default: PlanDocuments()].paths.insert(change.path)
            }
            plans[plan]?.version = changeCount
            changedPlans.insert(plan)
        }
        judge(changed)
        updateScopes(of: changedPlans)
    }

    /// Recomputes which plans the documents of `changed` refer to.
    private mutating func updateScopes(of changed: some Sequence<ItemReference>) {
        for plan in changed {
            guard let documents = plans[plan] else { continue }
            if documents.paths.isEmpty {
                plans[plan] = nil
                ruleMemo[plan] = nil
                partMemo[plan] = nil
                continue
            }
            var scope: Set<ItemReference> = [plan]
            for path in documents.paths {
                for reference in verdicts[path]?.references ?? [] { scope.insert(reference) }
            }
            plans[plan]?.scope = scope.sorted()
        }
    }

    /// Validates against `schemas` from now on (the first snapshot's, and whenever a
    /// snapshot changes `Schemas/`).
    public mutating func use(_ schemas: DocumentSchemas) {
        self.schemas = schemas
        verdicts = [:]
        flagged = []
        judge(Array(workspace.results.keys))
        updateScopes(of: Array(plans.keys))
    }

    /// Computes the verdicts of `paths` on all cores (once there are schemas to judge by).
    private mutating func judge(_ paths: [String]) {
        guard let schemas else { return }
        let results = workspace.results
        let work: [(String, Result<Document, Finding>)] = paths.compactMap { path in results[path].map { (path, $0) } }
        let computed = ParallelMap.map(work) { path, result in
            (path, Self.verdict(of: result, schemas: schemas))
        }
        for (path, verdict) in computed {
            verdicts[path] = verdict
            if !verdict.errorRules.isEmpty { flagged.insert(path) }
        }
    }

    private static func verdict(of result: Result<Document, Finding>, schemas: DocumentSchemas) -> Verdict {
        switch result {
        case .failure(let finding):
            return Verdict(contentID: nil, errorRules: finding.severity == .error ? [finding.rule] : [],
                           references: [], item: nil, facts: nil)
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
            return Verdict(contentID: document.contentID, errorRules: rules, references: references,
                           item: RollUp.Item(document: document), facts: KindFacts(document))
        }
    }

    /// The roll-up of the workspace as it stands, judged on `asOf`.
    public mutating func rollUp(asOf: CalendarDate, filter: RollUp.Filter = RollUp.Filter()) -> RollUp {
        let settings = workspace.results[DocumentLayout.settingsPath].flatMap { try? $0.get() }
        let options = RuleOptions(asOf: asOf, settings: settings, otherRuleIDs: WorkspaceValidator.readerAndSchemaRules)
        func isError(_ rule: String, _ severity: Finding.Severity = .error) -> Bool {
            options.severity(of: rule, default: severity) == .error
        }

        var invalid: Set<String> = []
        for (path, finding) in workspace.fileFindings where isError(finding.rule, finding.severity) {
            invalid.insert(path)
        }
        for path in flagged where verdicts[path]?.errorRules.contains(where: { isError($0) }) == true {
            invalid.insert(path)
        }
        invalid.formUnion(ruleErrors(options: options))

        var parts: [RollUp.PlanPart] = []
        for plan in plans.keys.sorted() where filter.includes(plan) {
            guard let documents = plans[plan] else { continue }
            let left = invalid.isEmpty ? [] : documents.paths.filter { invalid.contains($0) }.sorted()
            var judgedOn: CalendarDate?
            let planPath = DocumentLayout.path(of: .plan, plan)
            if !invalid.contains(planPath), case .plan(let model)? = verdicts[planPath]?.item?.content {
                judgedOn = PlanStatus.judgementDate(of: model, asOf: asOf)
            }
            let key = PartKey(version: documents.version, invalid: left, judgedOn: judgedOn)
            if let memo = partMemo[plan], memo.key == key {
                parts.append(memo.part)
                continue
            }
            let items = documents.paths.compactMap { path in invalid.contains(path) ? nil : verdicts[path]?.item }
            let part = RollUp.part(of: plan, items: items, asOf: asOf)
            partMemo[plan] = (key, part)
            parts.append(part)
        }
        return RollUp(parts: parts, invalidPaths: invalid, asOf: asOf)
    }

    /// The documents the cross-document rules find errors in, from the memo where a plan's
    /// inputs did not change, else by running the rules on the plan and the plans it refers to.
    private mutating func ruleErrors(options: RuleOptions) -> Set<String> {
        // Only errors matter here: switch off every rule that cannot give one.
        var errorsOnly = options
        for rule in PlanRules.all where options.severity(of: rule.id, default: rule.severity) != .error {
            errorsOnly.severityOverrides[rule.id] = .off
        }
        let judgesDates = ["dates.overdue", "dates.measurement-in-future"].contains {
            errorsOnly.severityOverrides[$0] != .off
        }
        var settings = errorsOnly.severityOverrides
        settings.removeValue(forKey: "settings.unknown-rule")

        var stale: [(plan: ItemReference, inputs: RuleInputs, facts: [KindFacts], own: Set<String>)] = []
        var errors: Set<String> = []
        for (plan, documents) in plans {
            let inputs = RuleInputs(versions: documents.scope.map { plans[$0]?.version ?? -1 }, settings: settings,
                                    day: judgesDates ? options.asOf : nil)
            if let memo = ruleMemo[plan], memo.inputs == inputs {
                errors.formUnion(memo.errors)
                continue
            }
            let facts = documents.scope.flatMap { reference in
                (plans[reference]?.paths ?? []).compactMap { verdicts[$0]?.facts }
            }
            stale.append((plan, inputs, facts, documents.paths))
        }
        let ruleOptions = errorsOnly
        let found = ParallelMap.map(stale.map { ($0.plan, $0.facts, $0.own) }) { plan, facts, own -> Set<String> in
            Set(PlanRules.check(facts: facts, options: ruleOptions, subjects: [plan]).lazy
                .filter { $0.severity == .error && own.contains($0.path) }.map(\.path))
        }
        ruleRuns += stale.count
        for (item, planErrors) in zip(stale, found) {
            ruleMemo[item.plan] = (item.inputs, planErrors)
            errors.formUnion(planErrors)
        }
        return errors
    }
}
