/// What a rule override in `Plans/workspace.yaml` may say (`rules: {dates.overdue: off}`).
public enum RuleSetting: String, Hashable, Sendable, CaseIterable {
    /// Report the rule's findings as errors.
    case error
    /// Report them as warnings.
    case warning
    /// Do not check the rule at all.
    case off

    /// The severity findings get under this setting; nil when the rule is off.
    public var severity: Finding.Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .off: return nil
        }
    }
}

/// How to run the cross-document rules: the day to judge dates against and the
/// workspace's severity overrides.
public struct RuleOptions: Sendable {
    /// The day "overdue" and "in the future" are judged against (today, or `--as-of`).
    public var asOf: CalendarDate
    /// Severity per rule id, replacing the rule's own; rules not named keep theirs.
    public var severityOverrides: [String: RuleSetting]
    /// Where each override's key stands in `Plans/workspace.yaml`, so that an unknown rule
    /// id is reported on its line. Filled by ``init(asOf:settings:otherRuleIDs:)``.
    public var overrideLocations: [String: SourceLocation]
    /// Rule ids checked outside ``PlanRules`` (the reader's `yaml.syntax`, the schemas'
    /// rules) that an override may name without being reported as unknown.
    public var otherRuleIDs: Set<String>
    /// Which of a goal's fields count for `links.suspect` (`goal_meaning`).
    public var meaning = GoalMeaning()
    /// After how many months an indicator's latest measurement counts as stale
    /// (`indicator.stale`): `indicators: {stale_after_months: N}` in `Plans/workspace.yaml`,
    /// else ``standardStaleAfterMonths``.
    public var staleAfterMonths = RuleOptions.standardStaleAfterMonths

    /// 18 months: a yearly figure (Kolada's periods are years) is published within about
    /// half a year of its year's end, so a latest value older than that has missed a year.
    public static let standardStaleAfterMonths = 18

    /// Creates options with explicit overrides (tests, or overrides from another source).
    public init(
        asOf: CalendarDate, severityOverrides: [String: RuleSetting] = [:], otherRuleIDs: Set<String> = []
    ) {
        self.asOf = asOf
        self.severityOverrides = severityOverrides
        self.overrideLocations = [:]
        self.otherRuleIDs = otherRuleIDs
    }

    /// Creates options with the overrides of the workspace settings document
    /// (`Plans/workspace.yaml`, the workspace's document of kind `workspace`).
    ///
    /// Reads the `rules` mapping as `Schemas/workspace.schema.json` defines it. Entries
    /// whose value is not `error`, `warning` or `off` are skipped: the schema reports them.
    public init(asOf: CalendarDate, settings: Document?, otherRuleIDs: Set<String> = []) {
        self.init(asOf: asOf, otherRuleIDs: otherRuleIDs)
        meaning = GoalMeaning(settings: settings)
        // A value out of range keeps the default: the schema reports it.
        if let months = settings?.frontMatter["indicators"]?.mapping?["stale_after_months"]?.number, months >= 1,
            months == months.rounded(), months <= 1200
        {
            staleAfterMonths = Int(months)
        }
        guard let rules = settings?.frontMatter["rules"]?.mapping else { return }
        for entry in rules.entries {
            guard let text = entry.value.string, let setting = RuleSetting(rawValue: text) else { continue }
            severityOverrides[entry.key] = setting
            overrideLocations[entry.key] = entry.keyLocation
        }
    }

    /// The severity a rule's findings get, or nil when the rule is switched off.
    public func severity(of rule: String, default severity: Finding.Severity) -> Finding.Severity? {
        guard let setting = severityOverrides[rule] else { return severity }
        return setting.severity
    }

    /// Applies the overrides to findings that come from elsewhere (the reader, the
    /// schemas), so one `rules:` table governs every finding `validate` prints: findings of
    /// rules set to `off` are dropped, the others get the severity the table gives.
    public func applyingOverrides(to findings: [Finding]) -> [Finding] {
        guard !severityOverrides.isEmpty else { return findings }
        return findings.compactMap { finding in
            guard let severity = severity(of: finding.rule, default: finding.severity) else { return nil }
            var copy = finding
            copy.severity = severity
            return copy
        }
    }
}
