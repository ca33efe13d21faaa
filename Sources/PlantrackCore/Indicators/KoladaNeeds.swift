/// An indicator whose values come from Kolada, where it stands, and the years wanted.
public struct SourcedIndicator: Hashable, Sendable {
    /// The goal's reference (`stockholm/2021/vantetid-bup`).
    public var goal: ItemReference
    /// The goal document's workspace-relative path.
    public var path: String
    /// The indicator's id within the goal.
    public var indicator: String
    /// The key figure, municipality and gender (`source.kolada`).
    public var source: KoladaSource
    /// The years to fetch, ascending.
    public var years: [Int]

    /// Creates a sourced indicator.
    public init(goal: ItemReference, path: String, indicator: String, source: KoladaSource, years: [Int]) {
        self.goal = goal
        self.path = path
        self.indicator = indicator
        self.source = source
        self.years = years
    }
}

/// What a workspace's sourced indicators need from Kolada: which key figures, for which
/// municipalities, for which years.
public struct KoladaNeeds: Sendable {
    /// Every sourced indicator, in path order (then in the goal's order).
    public var indicators: [SourcedIndicator]

    /// Creates needs from a list.
    public init(indicators: [SourcedIndicator]) {
        self.indicators = indicators
    }

    /// The key figures, distinct and sorted.
    public var kpis: [String] { Array(Set(indicators.map(\.source.kpi))).sorted() }
    /// The municipalities, distinct and sorted.
    public var municipalities: [String] { Array(Set(indicators.map(\.source.municipality))).sorted() }
    /// The years, distinct and sorted.
    public var years: [Int] { Array(Set(indicators.flatMap(\.years))).sorted() }

    /// How many years back the default reaches at most, the plan's year included.
    public static let defaultYearCount = 5

    /// The sourced indicators of every goal in `workspace`. `years` (from `--year`) applies
    /// to all; without it each indicator wants the default years of ``defaultYears(baseline:planYear:)``.
    /// A goal that cannot be read as a goal is left out (`validate` reports it).
    public static func of(_ workspace: Workspace, years: [Int]?) -> KoladaNeeds {
        var found: [SourcedIndicator] = []
        for document in workspace.documents where document.kind == .goal {
            guard let goal = try? Goal(document: document) else { continue }
            for indicator in goal.indicators {
                guard let source = indicator.kolada else { continue }
                let wanted =
                    years.map { Array(Set($0)).sorted() }
                    ?? defaultYears(baseline: indicator.baseline?.date?.year, planYear: goal.reference.year)
                found.append(
                    SourcedIndicator(
                        goal: goal.reference, path: document.path, indicator: indicator.id, source: source, years: wanted))
            }
        }
        return KoladaNeeds(indicators: found)
    }

    /// The years an indicator wants by default: from its baseline's year to its plan's year,
    /// at most the last ``defaultYearCount`` of them (a baseline long ago does not ask for
    /// decades); without a baseline, the last ``defaultYearCount`` years up to the plan's year.
    /// A plan's year is the year its goals are followed up in, and the baseline the value
    /// progress is counted from, so these are the values a follow-up reads.
    public static func defaultYears(baseline: Int?, planYear: Int?) -> [Int] {
        guard let last = planYear ?? baseline else { return [] }
        let earliest = last - defaultYearCount + 1
        let first = max(earliest, min(baseline ?? earliest, last))
        return Array(first...last)
    }
}
