// Rules about measurable goals (issue 21; SKR's final report of 2019 names what plans lack:
// clear goals with measurable sub-goals and indicators that can be followed). All warnings:
// a plan without them is weaker, not wrong. The rules that judge how a plan is followed up
// are not checked in closed plans, whose follow-up is done (as `dates.overdue`).

/// What the measurable-goal rules read of one entry of a goal's `indicators`.
struct IndicatorFacts: Sendable {
    /// A numeric measurement, or one recorded as `value: null` (the source had no value).
    struct Measurement: Sendable {
        var date: Located<CalendarDate>
        /// Whether `value` is a number (false: `value: null`).
        var hasValue: Bool
        /// Whether it carries Kolada's provenance (`kolada:`).
        var fromKolada: Bool
        /// Kolada's period, when recorded.
        var period: Int?
    }

    /// The indicator's `id`, when it is text.
    var id: String?
    /// Where the entry starts.
    var place: RulePlace
    var hasBaseline: Bool
    var hasTarget: Bool
    var hasTargetDate: Bool
    var measurements: [Measurement]
    /// `source.kolada`'s key figure and municipality, when both are text, and where the
    /// municipality stands.
    var kolada: (kpi: String, municipality: Located<String>, gender: String)?

    init(_ entry: Located<FrontMatterView>) {
        let fields = entry.value
        id = fields.string("id")?.value
        place = entry.place
        hasBaseline = fields.has("baseline")
        let target = fields.record("target")
        hasTarget = target != nil
        hasTargetDate = target?.has("date") == true
        measurements = fields.records("measurements").compactMap { m in
            guard let date = m.value.date("date") else { return nil }
            let isNull = m.value.mapping["value"].map { node in
                if case .null = node.content { return true } else { return false }
            }
            let hasValue = m.value.number("value") != nil
            // A measurement whose value is neither a number nor null is the schema's finding.
            guard hasValue || isNull == true else { return nil }
            let kolada = m.value.record("kolada")
            return Measurement(
                date: date, hasValue: hasValue, fromKolada: kolada != nil, period: kolada?.int("period")?.value)
        }
        if let source = fields.record("source")?.record("kolada"), let kpi = source.string("kpi"),
            let municipality = source.string("municipality")
        {
            kolada = (kpi.value, municipality, source.string("gender")?.value ?? "T")
        }
    }

    /// The indicator as messages name it.
    var name: String { id.map { "indicator \($0)" } ?? "this indicator" }

    /// The latest measurement with a number, by date.
    var latest: Measurement? {
        measurements.filter(\.hasValue).max { $0.date.value < $1.date.value }
    }
}

extension PlanGroup {
    /// Whether the plan is followed up still: its follow-up rules are not checked once it
    /// is closed.
    var isFollowedUp: Bool { status != .closed }
}

/// `goal.unmeasured`: a short-term goal has no indicator.
struct GoalUnmeasuredRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "goal.unmeasured", severity: .warning,
        summary: "every short-term goal has an indicator (not checked in closed plans)")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans where group.isFollowedUp {
            for goal in group.judgedGoals where goal.term == .short && goal.indicators.isEmpty && !goal.indicatorsUnreadable {
                // `indicators: []` is reported at its value, a goal without the key at its `term`.
                guard let place = goal.indicatorsPlace ?? goal.termPlace else { continue }
                out.report(
                    goal.document, at: place,
                    "the short-term goal has no indicator, so its progress cannot be measured; add one under "
                        + "indicators (id, title, unit, a baseline and a target with a date)")
            }
        }
    }
}

/// `indicator.incomplete`: an indicator lacks a baseline, a target or the target's date.
struct IndicatorIncompleteRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "indicator.incomplete", severity: .warning,
        summary: "every indicator has a baseline, a target and a target date (not checked in closed plans)")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans where group.isFollowedUp {
            for goal in group.judgedGoals {
                for indicator in goal.indicators {
                    var missing: [String] = []
                    if !indicator.hasBaseline { missing.append("a baseline") }
                    if !indicator.hasTarget {
                        missing.append("a target")
                    } else if !indicator.hasTargetDate {
                        missing.append("a target date")
                    }
                    guard !missing.isEmpty else { continue }
                    let additions = [
                        indicator.hasBaseline ? nil : "baseline: {value, date}",
                        indicator.hasTarget ? nil : "target: {value, date}",
                        indicator.hasTarget && !indicator.hasTargetDate ? "target.date" : nil,
                    ].compactMap { $0 }
                    out.report(
                        goal.document, at: indicator.place,
                        "\(indicator.name) lacks \(RuleText.list(missing)), so its progress cannot be judged; "
                            + "add \(RuleText.list(additions))")
                }
            }
        }
    }
}

/// `dates.target-after-period`: a short-term goal's indicator target is dated after its
/// plan's period ends (with `dates.target-before-period`: the target lies in the period).
/// Long-term goals are not checked: they span several plan years.
struct TargetAfterPeriodRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "dates.target-after-period", severity: .warning,
        summary: "no short-term goal's indicator target is dated after the plan's period ends")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            guard let period = group.period else { continue }
            for goal in group.judgedGoals where goal.term == .short {
                for (indicator, date) in goal.targetDates where date.value > period.end {
                    let name = indicator.map { "indicator \($0)" } ?? "this indicator"
                    out.report(
                        goal.document, at: date.place,
                        "the target of \(name) is dated \(date.value), after the plan's period "
                            + "\(period.start) – \(period.end); a short-term goal is reached within its plan "
                            + "year, so date the target within the period (or make the goal long-term)")
                }
            }
        }
    }
}

/// `indicator.stale`: an indicator's latest measurement is older than the workspace's
/// `indicators.stale_after_months` (18 unless set) on the day judged.
struct IndicatorStaleRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "indicator.stale", severity: .warning,
        summary: "an indicator's latest measurement is at most indicators.stale_after_months old "
            + "(not checked in closed plans)",
        dependsOnDate: true)

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        let months = index.staleAfterMonths
        for group in index.plans where group.isFollowedUp {
            for goal in group.judgedGoals {
                for indicator in goal.indicators {
                    guard let latest = indicator.latest,
                        latest.date.value.addingMonths(months) < index.asOf
                    else { continue }
                    out.report(
                        goal.document, at: latest.date.place,
                        "the latest measurement of \(indicator.name) is dated \(latest.date.value), more than "
                            + "\(EnglishWords.count(months, "month")) before \(index.asOf); record a newer value "
                            + "(plantrack indicators fetch, for a Kolada source), or set "
                            + "indicators.stale_after_months in workspace.yaml")
                }
            }
        }
    }
}

/// `indicator.no-value`: an indicator fetched from Kolada for which Kolada has had no value:
/// every answer recorded is `value: null` and no measurement with Kolada's provenance has a
/// number.
struct IndicatorNoValueRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "indicator.no-value", severity: .warning,
        summary: "Kolada has a value for a sourced indicator's municipality (not checked in closed plans)")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans where group.isFollowedUp {
            for goal in group.judgedGoals {
                for indicator in goal.indicators {
                    guard let source = indicator.kolada else { continue }
                    let answers = indicator.measurements.filter(\.fromKolada)
                    let empty = indicator.measurements.filter { !$0.hasValue }
                    guard !empty.isEmpty, !answers.contains(where: \.hasValue) else { continue }
                    let periods = empty.map { $0.period.map(String.init) ?? $0.date.value.description }
                    out.report(
                        goal.document, at: source.municipality.place,
                        "Kolada has no value of \(source.kpi) for municipality \(source.municipality.value) "
                            + "(gender \(source.gender)) in \(periods.count == 1 ? "the period" : "any of the periods") "
                            + "asked (\(periods.joined(separator: ", "))), so \(indicator.name) cannot be followed; "
                            + "check the key figure is reported for that municipality (a region is 00 + the "
                            + "county code), or choose another key figure")
                }
            }
        }
    }
}

extension CalendarDate {
    /// The same day `months` months later, the last day of the month when that month is
    /// shorter (2024-08-31 + 18 months = 2026-02-28).
    func addingMonths(_ months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        let lastDay = CalendarDate.days(inMonth: newMonth, year: newYear)
        return CalendarDate(year: newYear, month: newMonth, day: min(day, lastDay)) ?? self
    }
}
