/// The cross-document rules of `plantrack validate`: what it checks beyond the JSON
/// Schemas (docs/rules.md describes each rule for plan writers).
///
/// The rules read documents leniently: a document may break its schema, and then each rule
/// judges what it can and stays silent about the rest (a field of the wrong type is the
/// schema's finding). Nothing is printed; findings come back as values.
public enum PlanRules {
    /// The rules, in the order docs/rules.md lists them. Computed, not stored: metatypes
    /// of a non-Sendable protocol cannot live in a global under strict concurrency.
    static var rules: [any PlanRule.Type] {
        [
            KindMismatchRule.self, CountyMismatchRule.self, YearMismatchRule.self, IDMismatchRule.self,
            DuplicateIDRule.self,
            AreaMissingRule.self, GoalMissingRule.self, ServesMissingRule.self, ServesNotLongTermRule.self,
            LongTermServesRule.self, RevisesMissingRule.self, CarriedFromMissingRule.self,
            StartAfterDueRule.self, PeriodReversedRule.self,
            CompletedMissingRule.self, CompletedNotDoneRule.self, CancelledReasonMissingRule.self,
            DoneProgressRule.self, PlannedWithProgressRule.self,
            AdoptedMissingRule.self,
            OverspentRule.self,
            StreamOverFundingRule.self, StreamUnknownRule.self,
            ActivityWithoutGoalRule.self, ActivityLongTermGoalRule.self, ShortTermUnsupportedRule.self, LongTermUnservedRule.self,
            OverdueRule.self, OutsidePeriodRule.self, MeasurementInFutureRule.self,
            TargetBeforePeriodRule.self,
            OpenNotCarriedRule.self,
            SuspectLinkRule.self,
            // Measurable goals and performance targets (#21): Rules+Measurable.swift, Rules+Performance.swift.
            GoalUnmeasuredRule.self, IndicatorIncompleteRule.self, TargetAfterPeriodRule.self,
            IndicatorStaleRule.self, IndicatorNoValueRule.self, PerformanceIndicatorMissingRule.self,
            // The follow-up of the 2019 agreement's §6 (#23): Rules+FollowUp.swift.
            FollowUpIndicatorRule.self, FollowUpIncompleteRule.self,
        ]
    }

    /// Every rule this type checks, with its id and default severity, in the order
    /// docs/rules.md lists them.
    public static let all: [RuleDescriptor] = rules.map { $0.descriptor } + [UnknownRuleRule.descriptor]

    /// The rule with this id.
    public static func descriptor(for id: String) -> RuleDescriptor? {
        all.first { $0.id == id }
    }

    /// Checks the documents of a workspace against every rule that is not switched off.
    ///
    /// - Parameters:
    ///   - documents: the workspace's documents (``Workspace/documents``), including those
    ///     the schemas reject. The settings document is not read here: pass its overrides
    ///     through `options` (``RuleOptions/init(asOf:settings:otherRuleIDs:)``).
    ///   - options: the as-of day and the severity overrides.
    /// - Returns: the findings in file order (path, line, column, rule).
    public static func check(_ documents: [Document], options: RuleOptions) -> [Finding] {
        check(RuleIndex(documents, asOf: options.asOf), options: options)
    }

    /// Runs every rule that is not switched off on `index`, on all cores: each rule judges a
    /// plan, or a document of no plan, on its own, so the index is cut into one part per
    /// plan (``RuleIndex/parts()``). `inParts: false` judges the index whole, on one core:
    /// the tests compare the two.
    static func check(_ index: RuleIndex, options: RuleOptions, inParts: Bool = true) -> [Finding] {
        var index = index
        index.meaning = options.meaning
        index.staleAfterMonths = options.staleAfterMonths
        let severities = rules.map { options.severity(of: $0.descriptor.id, default: $0.descriptor.severity) }
        var findings: [Finding]
        if inParts {
            findings = ParallelMap.map(index.parts()) { judge($0, severities: severities) }.flatMap { $0 }
        } else {
            findings = judge(index, severities: severities)
        }
        let settings = UnknownRuleRule.descriptor
        if let severity = options.severity(of: settings.id, default: settings.severity) {
            var out = RuleOutput(rule: settings.id, severity: severity)
            UnknownRuleRule.check(options, known: Set(all.map(\.id)).union(options.otherRuleIDs), &out)
            findings += out.findings
        }
        // A stable sort: findings that tie keep the order their rule gave them.
        findings.sort(by: Finding.fileOrder)
        return findings
    }

    /// The findings of every rule on `index`; `severities` has each rule's severity (nil
    /// when switched off) in the order of ``rules``.
    private static func judge(_ index: RuleIndex, severities: [Finding.Severity?]) -> [Finding] {
        var findings: [Finding] = []
        for (rule, severity) in zip(rules, severities) {
            guard let severity else { continue }
            var out = RuleOutput(rule: rule.descriptor.id, severity: severity)
            rule.check(index, &out)
            findings += out.findings
        }
        return findings
    }
}
