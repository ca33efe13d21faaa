// The three memoised functions of a plan: its summary, its rule errors and its part.

extension IncrementalRollUp {
    /// Every plan's summary, from the memo or from its documents.
    mutating func summaries(schemas: DocumentSchemas) -> [ItemReference: RollUpMemo.Summary] {
        var result: [ItemReference: RollUpMemo.Summary] = [:]
        var missing: [(ItemReference, MemoKey)] = []
        for plan in Array(plans.keys) {
            let key = summaryKey(plan, schemas: schemas)
            if let summary = lastSummary.value(for: plan, key: key, in: &memo.summaries) {
                result[plan] = summary
            } else {
                missing.append((plan, key))
            }
        }
        expand(missing.map(\.0))
        readVerdicts(of: missing.flatMap { plans[$0.0]?.paths ?? [] }, schemas: schemas)
        // A corrupted object: no summary is recorded (the roll-up throws it).
        guard damage == nil else { return result }
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
            lastSummary.remember(record.value, for: plan, key: key)
            result[plan] = record.value
        }
        return result
    }

    /// The documents the cross-document rules find errors in, from the memo where a plan's
    /// inputs did not change, else by running the rules on the plan and the plans it refers to.
    mutating func ruleErrors(
        options: RuleOptions, summaries: [ItemReference: RollUpMemo.Summary], schemas: DocumentSchemas
    ) -> Set<String> {
        // Only errors matter here: switch off every rule that cannot give one.
        var errorsOnly = options
        for rule in PlanRules.all where options.severity(of: rule.id, default: rule.severity) != .error {
            errorsOnly.severityOverrides[rule.id] = .off
        }
        let judgesDates = PlanRules.all.contains {
            $0.dependsOnDate && errorsOnly.severityOverrides[$0.id] != .off
        }
        var settings = ContentDigest()
        for setting in errorsOnly.severityOverrides.filter({ $0.key != "settings.unknown-rule" })
            .map({ "\($0.key)=\($0.value.rawValue)" }).sorted()
        {
            settings.add(setting)
        }
        if errorsOnly.severityOverrides[SuspectLinkRule.descriptor.id] == .error {
            settings.add("goal_meaning=" + options.meaning.settingsText)
        }
        settings.add("indicators.stale_after_months=\(options.staleAfterMonths)")
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
            if let paths = lastRuleErrors.value(for: plan, key: key, in: &memo.ruleErrors) {
                errors.formUnion(paths)
            } else {
                stale.append((plan, key, scope))
            }
        }
        guard !stale.isEmpty else { return errors }
        let scopePlans = Set(stale.flatMap(\.scope))
        expand(scopePlans)
        readVerdicts(of: scopePlans.flatMap { plans[$0]?.paths ?? [] }, schemas: schemas)
        guard damage == nil else { return errors }
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
            lastRuleErrors.remember(planErrors, for: item.plan, key: item.key)
            errors.formUnion(planErrors)
        }
        return errors
    }

    /// The parts of the plans `filter` includes, from the memo or from their documents.
    /// Each part counts its plan's suspect links as `links.suspect` judges them with
    /// `suspectLinks` (nil: the rule is switched off, and none are counted), among all the
    /// plan's documents, left out or not, as `validate` and `review` see them.
    mutating func parts(
        asOf: CalendarDate, filter: RollUp.Filter, invalid: Set<String>,
        summaries: [ItemReference: RollUpMemo.Summary], schemas: DocumentSchemas, withGroups: Bool,
        thresholds: TrafficLight.Thresholds, suspectLinks meaning: GoalMeaning?
    ) -> [RollUp.PlanPart] {
        var parts: [ItemReference: RollUp.PlanPart] = [:]
        var stale: [(plan: ItemReference, key: MemoKey, judgedOn: CalendarDate)] = []
        // The documents left out, by plan (a plan taken in by folder has no paths listed).
        var leftOut: [ItemReference: [String]] = [:]
        for path in invalid {
            if case .document(let kind, let reference) = DocumentLayout.place(of: path), kind != .county, kind != .workspace,
                let plan = reference?.plan
            {
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
            // are in the key: a changed threshold must not serve a stale light; so is what
            // counts for suspect links (`goal_meaning`), and whether they are counted.
            let key = MemoKey(
                text: "\(plan) \(digest.text) \(judgedOn.map { "\($0)" } ?? "-") \(thresholds.memoText) "
                    + "s=\(meaning.map { "[" + $0.settingsText + "]" } ?? "off") " + left.joined(separator: " "),
                isPersistent: digest.isPersistent)
            if let part = lastPart.value(for: plan, key: key, in: &memo.parts, where: { $0.hasGroups || !withGroups }) {
                parts[plan] = part
            } else {
                stale.append((plan, key, judgedOn ?? asOf))
            }
        }
        if !stale.isEmpty {
            expand(stale.map(\.plan))
            readVerdicts(of: stale.flatMap { plans[$0.plan]?.paths ?? [] }, schemas: schemas)
            guard damage == nil else { return [] }
            // Each plan's documents are looked up on all cores (the tables are only read there).
            let verdicts = self.verdicts
            let recorder = memo.parts.recorder
            // Suspect links: the rule on the stale plans' documents (a link names a goal of its own plan).
            var suspect: [ItemReference: Int] = [:]
            let lists =
                meaning == nil
                ? []
                : stale.map { item in
                    (plans[item.plan]?.paths ?? []).sorted().compactMap { verdicts[$0]?.facts }
                }
            // Most plans have no stamps at all: then nothing can be suspect, and no index is built.
            let stamped = lists.contains { list in
                list.contains { facts in
                    switch facts {
                    case .activity(let activity): !activity.stamps.isEmpty
                    case .goal(let goal): !goal.stamps.isEmpty
                    case .plan, .followUp, .other: false
                    }
                }
            }
            if let meaning, stamped {
                let index = RuleIndex(plans: lists, asOf: asOf, subjects: Set(stale.map(\.plan)))
                suspect = SuspectLinkRule.counts(in: index, meaning: meaning)
            }
            let counted = suspect
            let work = stale.map { item in (item.plan, item.key, item.judgedOn, plans[item.plan]?.paths ?? []) }
            let computed = ParallelMap.map(work) { plan, key, day, paths in
                var part = RollUp.part(
                    of: plan, items: paths.compactMap { path in invalid.contains(path) ? nil : verdicts[path]?.item },
                    asOf: day, withGroups: withGroups, thresholds: thresholds)
                part.status?.figures.suspectLinks = counted[plan] ?? 0
                // Figures, not models, are kept (and the models here lack their texts); the
                // models are let go, and the record is made, here on all cores.
                part.entry = nil
                return recorder.record(of: part, for: key)
            }
            for (item, record) in zip(stale, computed) {
                memo.parts.set(record)
                lastPart.remember(record.value, for: item.plan, key: item.key)
                parts[item.plan] = record.value
            }
        }
        return parts.keys.sorted().compactMap { parts[$0] }
    }

    mutating func summaryKey(_ plan: ItemReference, schemas: DocumentSchemas) -> MemoKey {
        let digest = digest(of: plan)
        return MemoKey(text: "\(plan) \(digest?.text ?? "-") \(schemas.fingerprint)", isPersistent: digest?.isPersistent ?? false)
    }
}

/// A memoised function's answers in front of its table in the memo: per plan, the last
/// answer, decoded. Most plans do not change from one point of a trend to the next, and
/// this spares decoding their records again.
struct LastAnswers<Value: Sendable> {
    private var last: [ItemReference: (key: MemoKey, value: Value)] = [:]

    /// The answer for `plan` under `key`: the last one, else the one in `table` (which
    /// becomes the last); nil when neither has one that `usable` accepts.
    mutating func value(
        for plan: ItemReference, key: MemoKey, in table: inout MemoTable<Value>,
        where usable: (Value) -> Bool = { _ in true }
    ) -> Value? {
        if let answer = last[plan], answer.key == key, usable(answer.value) { return answer.value }
        guard let value = table.value(for: key), usable(value) else { return nil }
        last[plan] = (key, value)
        return value
    }

    /// Keeps `value` as the last answer for `plan` under `key`.
    mutating func remember(_ value: Value, for plan: ItemReference, key: MemoKey) {
        last[plan] = (key, value)
    }

    /// Forgets the answer for a plan that is gone.
    mutating func forget(_ plan: ItemReference) {
        last[plan] = nil
    }
}
