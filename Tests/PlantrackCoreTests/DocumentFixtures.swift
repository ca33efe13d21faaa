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
