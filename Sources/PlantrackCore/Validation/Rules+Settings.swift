// Rules about the workspace settings themselves.

/// `settings.unknown-rule`: `Plans/workspace.yaml` sets the severity of a rule that does
/// not exist (most often a typo, which would leave the intended rule unchanged).
struct UnknownRuleRule {
    static let descriptor = RuleDescriptor(
        id: "settings.unknown-rule", severity: .warning,
        summary: "every rule named under rules: in workspace.yaml exists")

    static func check(_ options: RuleOptions, known: Set<String>, _ out: inout RuleOutput) {
        for id in options.severityOverrides.keys.sorted() where !known.contains(id) {
            let place = options.overrideLocations[id].map {
                RulePlace(location: $0, pointer: "/rules/" + JSONPointer.escape(id))
            }
            out.report(
                path: DocumentLayout.settingsPath, at: place,
                "there is no rule \(id)\(RuleText.didYouMean(id, among: known)); "
                    + "the setting has no effect (docs/rules.md lists the rules)")
        }
    }
}
