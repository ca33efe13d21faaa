import PlantrackCore
import PlantrackGit

/// Computes trend points by walking the first-parent history of HEAD once, oldest first,
/// comparing consecutive sampled trees and re-parsing only documents whose blob changed.
struct TrendWalk {
    let repository: Repository
    let filter: RollUp.Filter
    /// Where parsed documents persist between runs; nil to keep them in memory only.
    var store: ParsedDocumentStore?

    /// The points at `dates` (ascending); `progress` is called after each point.
    func points(at dates: [CalendarDate], progress: (Int, Int) -> Void = { _, _ in }) throws -> [Trend.Point] {
        let head: Commit
        do { head = try repository.head() } catch { throw CLIError("\(error)") }
        let mainline = try repository.mainline(from: head.id)
        let chosen = Repository.lastCommits(onOrBefore: dates, in: mainline)
        var state = IncrementalRollUp()
        let stored = store?.load() ?? [:]
        state.seed(stored)
        defer { store?.add(state.newlyParsed, to: stored) }
        var previous: CommitSnapshot?
        var points: [Trend.Point] = []
        for (index, date) in dates.enumerated() {
            defer { progress(index + 1, dates.count) }
            guard let commit = chosen[index] else {
                points.append(Trend.Point(date: date, commit: nil, figures: StatusFigures()))
                continue
            }
            let snapshot = CommitSnapshot(commit: commit)
            var schemasChanged = previous == nil
            if let previous {
                if previous.commit.id != commit.id {
                    state.apply(try previous.changes(to: snapshot, under: DocumentLayout.plansFolder), from: snapshot)
                    schemasChanged = try !previous.changes(to: snapshot, under: DocumentLayout.schemasFolder).isEmpty
                }
            } else {
                state.apply(try IncrementalWorkspace.allAdded(in: snapshot), from: snapshot)
            }
            previous = snapshot
            if schemasChanged {
                let (schemas, problems) = DocumentSchemas.load(from: snapshot)
                guard let schemas else {
                    FindingPrinter().print(problems)
                    throw CLIError("the schemas of \(commit.shortID) cannot be used")
                }
                state.use(schemas)
            }
            let rollUp = state.rollUp(asOf: date, filter: filter)
            points.append(Trend.Point(date: date, commit: commit.id.hex, figures: rollUp.total))
        }
        return points
    }
}
