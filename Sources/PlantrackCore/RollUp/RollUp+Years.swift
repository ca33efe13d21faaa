// The plan years of a roll-up: which are shown, and the figures of each.

extension RollUp {
    /// Which plan years figures are shown for (see docs/rollup.md).
    public enum YearChoice: Hashable, Sendable {
        /// The current plan year (``currentYear``).
        case current
        /// This plan year.
        case year(Int)
        /// Every plan year present, each with its own total.
        case all
    }

    /// The plan years of the roll-up, ascending: those of its plans and of the documents left
    /// out (a year whose plan document has errors is still a year whose figures are asked for).
    public var years: [Int] {
        var years = Set(plans.map(\.year))
        for item in skipped { if let year = DocumentLayout.plan(containing: item.path)?.year { years.insert(year) } }
        return years.sorted()
    }

    /// The plan year shown by default: the latest plan year that has begun on the judgement
    /// day (the as-of date's year when present, else the latest before it) — a draft of next
    /// year's plan does not take over the figures before its year starts; when every year lies
    /// ahead, the earliest. nil without plans.
    public var currentYear: Int? {
        let years = self.years
        return years.last { $0 <= asOf.year } ?? years.first
    }

    /// The plan years `choice` names, ascending (`.year` names its year even without plans).
    public func years(for choice: YearChoice) -> [Int] {
        switch choice {
        case .current: return currentYear.map { [$0] } ?? []
        case .year(let year): return [year]
        case .all: return years
        }
    }

    /// The sum over the plans of `year`.
    public func total(of year: Int) -> StatusFigures {
        var total = StatusFigures()
        for status in plans where status.year == year { total.add(status.figures) }
        return total
    }

    /// The roll-up of the plans of `years` only, with the documents left out of them.
    public func only(years: Set<Int>) -> RollUp {
        func inYears(_ path: String) -> Bool {
            DocumentLayout.plan(containing: path)?.year.map(years.contains) ?? true
        }
        let kept = parts.filter { part in
            if let status = part.status { return years.contains(status.year) }
            return part.skipped.contains { inYears($0.path) }
        }
        return RollUp(asOf: asOf, parts: kept, skipped: skipped.filter { inYears($0.path) })
    }
}
