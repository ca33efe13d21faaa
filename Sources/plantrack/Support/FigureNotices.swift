import PlantrackCore
import PlantrackGit

/// The memo file is where `rollup`, `trend` and `report` keep their roll-up memo.
extension RollUpMemoStore: RollUpMemoStorage {}

/// What `rollup`, `trend` and `report` say on stderr about figures that leave documents
/// out, and how their failures read: the library decides, these print.
enum FigureNotices {
    /// Says on stderr how many documents were left out and why.
    static func reportSkipped(_ skipped: [RollUp.Skipped]) {
        guard !skipped.isEmpty else { return }
        var text =
            "plantrack: warning: the figures are incomplete: \(EnglishWords.count(skipped.count, "document")) left out "
            + "(run 'plantrack validate' for details):\n"
        for item in skipped { text += "  \(item.path): \(item.reason)\n" }
        Terminal.standardError.write(text)
    }

    /// Ends the run with exit 1 when documents are missing from the figures and
    /// `--allow-invalid` was not given: figures that look whole and are not must not reach
    /// a spreadsheet. Prints `findings()` (the errors of those documents, see
    /// ``IncompleteFigures``), the documents, and what to do.
    static func refuseIncomplete(
        _ skipped: [RollUp.Skipped], allowInvalid: Bool, findings: () -> [Finding],
        at point: String? = nil
    ) throws {
        guard !skipped.isEmpty, !allowInvalid else { return }
        FindingPrinter().print(findings())
        var text =
            "plantrack: error: \(EnglishWords.count(skipped.count, "document")) could not be counted\(point.map { " at \($0)" } ?? ""):\n"
        for item in skipped { text += "  \(item.path): \(item.reason)\n" }
        text +=
            "Fix them ('plantrack validate' lists every finding), or run again with --allow-invalid "
            + "for figures marked as incomplete.\n"
        Terminal.standardError.write(text)
        throw ExitStatus.findings
    }

    /// Runs `body`, turning the library's errors into the CLI's one-line messages: the
    /// problems of unusable schemas are printed first, an unknown revision names the nearest
    /// tags.
    static func mappingErrors<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as CLIError {
            throw error
        } catch WorkspaceVersionError.unusableSchemas(let label, let problems) {
            FindingPrinter().print(problems)
            throw CLIError("\(WorkspaceVersionError.unusableSchemas(label: label, problems: problems))")
        } catch HistoryError.unknownRevision(let spec, let tags) {
            throw unknownRevision(spec, tags: tags)
        } catch HistoryError.noCommits(let revision) {
            // Worded as these commands always said it (libgit2 leaves no message of its own).
            throw CLIError("unknown revision '\(revision)': HEAD has no commits yet (git_revparse_single: failed with code -3)")
        } catch {
            throw CLIError("\(error)")
        }
    }

    /// An unknown revision, with the nearest tags (plantrack's tags are `county/year/vN`,
    /// easy to mistype).
    static func unknownRevision(_ spec: String, tags: [String]) -> CLIError {
        guard !tags.isEmpty else {
            return CLIError(
                "unknown revision '\(spec)': no commit, branch or tag has that name, and there are no tags yet "
                    + "(plantrack approve tags each adopted version)")
        }
        let nearest = WorkspaceAccess.nearestTags(to: spec, among: tags)
        return CLIError(
            "unknown revision '\(spec)': no commit, branch or tag has that name; "
                + "the nearest tags: \(nearest.joined(separator: ", "))"
                + (tags.count > nearest.count ? " (\(tags.count) tags in all: git tag)" : ""))
    }
}
