/// What a cross-document rule of `plantrack validate` is called and how serious it is
/// unless the workspace says otherwise.
public struct RuleDescriptor: Hashable, Sendable {
    /// The stable rule id printed in brackets (`ref.goal-missing`); `Plans/workspace.yaml`
    /// names rules by it under `rules:`.
    public let id: String
    /// The severity before any override.
    public let severity: Finding.Severity
    /// One line saying what the rule checks (docs/rules.md has the long form).
    public let summary: String
    /// Whether what the rule finds depends on the day it judges on (`--as-of`), not only
    /// on the documents: what was worked out for one day holds for another only for rules
    /// without it (the roll-up's memo keys rule errors by the day when such a rule can give one).
    public let dependsOnDate: Bool

    /// Creates a descriptor.
    public init(id: String, severity: Finding.Severity, summary: String, dependsOnDate: Bool = false) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.dependsOnDate = dependsOnDate
    }
}

/// One cross-document rule. Each rule is a type of its own so that its id, its severity
/// and the messages it writes stand together.
protocol PlanRule {
    static var descriptor: RuleDescriptor { get }

    /// Reports every place in the workspace that breaks the rule. Must stay silent about
    /// what it cannot judge (a field of the wrong type is the schemas' finding), and judge
    /// each plan of `index.plans` and each document of `index.documents` on its own: the
    /// rules run on one part of the index per plan (``RuleIndex/parts()``).
    static func check(_ index: RuleIndex, _ out: inout RuleOutput)
}

/// Collects the findings of one rule, with the rule's id and its effective severity.
struct RuleOutput {
    let rule: String
    let severity: Finding.Severity
    private(set) var findings: [Finding] = []

    init(rule: String, severity: Finding.Severity) {
        self.rule = rule
        self.severity = severity
    }

    /// Reports a finding in `document` at `place`.
    mutating func report(_ document: Document, at place: RulePlace, _ message: String) {
        report(path: document.path, at: place, message)
    }

    /// Reports a finding in the file at `path`.
    mutating func report(path: String, at place: RulePlace?, _ message: String) {
        findings.append(
            Finding(
                severity, rule: rule, path: path, location: place?.location,
                pointer: place?.pointer, message: message))
    }

    /// Reports a missing field: the finding points at the start of the front matter (a
    /// missing field has no place of its own) and its pointer names the field to add.
    mutating func reportMissing(_ document: Document, field: String, _ message: String) {
        let place = RulePlace(location: document.frontMatterLocation, pointer: "/" + JSONPointer.escape(field))
        report(document, at: place, message)
    }
}
