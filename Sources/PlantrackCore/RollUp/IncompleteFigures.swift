/// What to show when figures leave documents out: the errors that left them out.
public enum IncompleteFigures {
    /// The errors of the `skipped` documents, found by validating `snapshot` on `asOf`: what
    /// the user must fix before the figures are whole. When the schemas of `snapshot` cannot
    /// be used, their problems instead.
    public static func findings(leaving skipped: [RollUp.Skipped], outOf snapshot: some Snapshot, asOf: CalendarDate) -> [Finding] {
        guard !skipped.isEmpty else { return [] }
        let paths = Set(skipped.map(\.path))
        // The roll-up that left documents out read every one of them and the schemas first,
        // so a corrupted object has ended the command before this is asked.
        guard let (schemas, problems) = try? DocumentSchemas.load(from: snapshot) else { return [] }
        guard let schemas else { return problems }
        guard let report = try? WorkspaceValidator(schemas: schemas, asOf: asOf).validate(snapshot) else { return [] }
        // The command ends after saying this; the report is left to the OS.
        keepUntilExit(report)
        return report.findings.filter { $0.severity == .error && paths.contains($0.path) }
    }

    /// As ``findings(leaving:outOf:asOf:)``, for the version commit `id` of `history`
    /// recorded; none when it cannot be read.
    public static func findings(
        leaving skipped: [RollUp.Skipped], outOf id: String, in history: any History, asOf: CalendarDate
    ) -> [Finding] {
        guard !skipped.isEmpty, let snapshot = try? history.snapshot(at: id, label: nil) else { return [] }
        return findings(leaving: skipped, outOf: snapshot, asOf: asOf)
    }
}
