import PlantrackCore

/// The document at `path` (a path under Plans/) with this front matter, read as plantrack
/// reads a file.
func document(_ path: String, _ yaml: String) throws -> Document {
    guard case .document(let kind, let reference) = DocumentLayout.place(of: path) else {
        throw SnapshotError(path: path, message: "not a document path")
    }
    return try DocumentReader().read(Array("---\n\(yaml)---\n".utf8), path: path, kind: kind, reference: reference).get()
}

/// The settings document of `yaml` (a plain YAML file, as Plans/workspace.yaml is).
func settings(_ yaml: String) throws -> Document {
    try DocumentReader().read(Array(yaml.utf8), path: "Plans/workspace.yaml", kind: .workspace, reference: nil).get()
}

/// The plan of stockholm for `year`, version 1, with the calendar year as its period.
func stockholmPlan(year: Int = 2021, status: String = "adopted") throws -> Document {
    try document(
        "Plans/stockholm/\(year)/plan.md",
        """
        kind: plan
        county: stockholm
        year: \(year)
        title: P
        version: 1
        status: \(status)
        period: {start: \(year)-01-01, end: \(year)-12-31}

        """)
}

/// A goal's `indicators:` front matter with one indicator `id`, from `baseline` to `target`
/// (value, date), measured on these days (date, value).
func indicatorsYAML(
    id: String = "i", title: String = "I", unit: String = "count", baseline: (Int, String), target: (Int, String),
    measurements: [(String, Int)]
) -> String {
    var yaml = """
        indicators:
          - id: \(id)
            title: \(title)
            unit: \(unit)
            baseline: {value: \(baseline.0), date: \(baseline.1)}
            target: {value: \(target.0), date: \(target.1)}
            measurements:

        """
    for (date, value) in measurements { yaml += "      - {date: \(date), value: \(value)}\n" }
    return yaml
}

/// A county's valid files: county.md, its 2024 plan (version 3, one area `a`; with `adopted:`
/// when `planStatus` is adopted), a long-term goal `g`, a short-term goal `s` serving it and
/// the open activity `p1` (``openActivity(progress:)``).
func countyFiles(_ county: String, code: String, planStatus: String) -> [String: String] {
    let adopted = planStatus == "adopted" ? "adopted: {date: 2024-02-01, by: Regionstyrelsen}\n" : ""
    return [
        "Plans/\(county)/county.md": "---\nkind: county\nid: \(county)\nname: \(county.uppercased()) län\ncode: \"\(code)\"\n---\n",
        "Plans/\(county)/2024/plan.md": """
        ---
        kind: plan
        county: \(county)
        year: 2024
        title: Handlingsplan 2024
        version: 3
        status: \(planStatus)
        \(adopted)period:
          start: 2024-01-01
          end: 2024-12-31
        areas:
          - id: a
            title: A
        ---
        Text.

        """,
        "Plans/\(county)/2024/goals/g.md": "---\nkind: goal\nid: g\ntitle: G\nterm: long\narea: a\nassessment: not-assessed\n---\n",
        "Plans/\(county)/2024/goals/s.md":
            "---\nkind: goal\nid: s\ntitle: S\nterm: short\narea: a\nserves:\n  - g\nassessment: not-assessed\n---\n",
        "Plans/\(county)/2024/activities/p1.md": openActivity(progress: 40),
    ]
}

/// The activity `p1` of ``countyFiles(_:code:planStatus:)``: in progress, contributing to `s`.
func openActivity(progress: Int) -> String {
    """
    ---
    kind: activity
    id: p1
    title: Utbildning
    area: a
    priority: prioritized
    goals:
      - s
    status: in-progress
    progress: \(progress)
    ---

    """
}

/// The identity the in-memory histories of the write-path and guard tests commit as.
let clerk = Author(name: "Kansliet", email: "kansliet@example.se", time: 1_709_280_000, offsetMinutes: 60)
/// 2024-03-01, the day those tests are judged on.
let march = CalendarDate(secondsSinceEpoch: 1_709_251_200)
