import PlantrackCore

/// The one write path of `indicators fetch` and `indicators import`, so the same values give
/// the same documents and the same output: the values are recorded into the workspace under
/// the write lock (validated, one commit), or with `dryRun` only worked out on the working tree.
struct IndicatorValuesWrite {
    let access: WorkspaceAccess
    let options: WriteOptions
    let dryRun: Bool

    /// What was recorded, and the commit when one was made.
    struct Result {
        var recording: RecordingOutcome
        var written: WorkspaceWriteOutcome?
    }

    /// Records with `record`, which is given the snapshot to record into.
    func perform(_ record: (any Snapshot) throws -> RecordingOutcome) throws -> Result? {
        func recording(_ snapshot: any Snapshot) throws -> RecordingOutcome {
            do {
                return try record(snapshot)
            } catch let error as IndicatorRecordingError {
                throw CLIError("\(error). Nothing was written.")
            }
        }
        if dryRun { return Result(recording: try recording(try access.snapshot(.workingTree))) }
        var outcome: RecordingOutcome?
        let written = try WorkspaceWrite(access: access, options: options).perform { snapshot in
            let recorded = try recording(snapshot)
            outcome = recorded
            return WorkspaceChange(files: recorded.files, message: recorded.commitMessage)
        }
        return outcome.map { Result(recording: $0, written: written) }
    }
}
