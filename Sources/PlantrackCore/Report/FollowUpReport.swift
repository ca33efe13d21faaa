/// The yearly follow-up (redovisning) the agreements ask for by 31 January: how the year's
/// funds were used per funding stream and per area, and the results each plan reached —
/// goals with their assessments and indicators, activities done and not done with their
/// follow-up notes.
///
/// Language-neutral: ``ReportHTML``, ``ReportMarkdown`` and ``FollowUpCSV`` write it out.
public struct FollowUpReport: Sendable {
    /// Money of one area of a plan: what its activities budgeted and spent.
    public struct AreaMoney: Hashable, Sendable {
        public var id: String
        /// The area's title in the plan; its id when the plan does not name it.
        public var title: String
        public var budgetSEK: Int
        public var spentSEK: Int
    }

    /// One plan's part of the follow-up.
    public struct PlanSection: Sendable {
        public var reference: ItemReference
        public var countyName: String
        public var title: String
        public var status: PlanStatus
        /// Granted, budgeted and spent per funding stream, sorted by name.
        public var streams: [StatusFigures.Stream]
        /// Budgeted and spent per area, in the plan's area order (areas without money left out).
        public var areas: [AreaMoney]
        public var goals: [Goal]
        /// Done activities, by id.
        public var done: [Activity]
        /// The others (planned, in progress, delayed, cancelled), by id.
        public var notDone: [Activity]
        /// What §6 of the agreement asks for (FollowUpReport+Agreement.swift).
        public var agreement: AgreementPart
        /// What of the plan is made up for illustration (`x-illustrative`).
        public var illustrative: Illustrative? = nil
    }

    public var workspaceName: String?
    public var year: Int
    public var asOf: CalendarDate
    public var source: String
    /// Every plan of the year, summed.
    public var total: StatusFigures
    public var plans: [PlanSection]
    /// The year's documents left out of the figures: the report is incomplete when there
    /// are any, and says so first.
    public var skipped: [RollUp.Skipped]
    /// The words for statuses and assessments (the workspace's `status_labels`); nil: the
    /// language's standard words.
    public var statusWords: StatusWords?

    /// Builds the follow-up of `year` from a roll-up (only `year`'s plans are followed up;
    /// earlier plans give §6.1's results of earlier years) and the plans' follow-up documents.
    public init(
        rollUp: RollUp, year: Int, counties: [County], workspaceName: String?, source: String, followUps: [FollowUp] = []
    ) {
        self.year = year
        self.asOf = rollUp.asOf
        self.workspaceName = workspaceName
        self.source = source
        // Only the report year's documents make its figures incomplete.
        self.skipped = rollUp.skipped.filter { $0.plan?.year == year }
        var names: [String: String] = [:]
        var codes: [String: String] = [:]
        for county in counties {
            names[county.id] = county.name
            codes[county.id] = county.code
        }
        let entries = rollUp.entries.filter { $0.plan.year == year }
        var total = StatusFigures()
        for entry in entries { total.add(entry.status.figures) }
        self.total = total
        plans = entries.map { entry in
            var areaMoney: [String: (budget: Int, spent: Int)] = [:]
            for activity in entry.activities {
                let budget = activity.status == .cancelled ? 0 : (activity.budgetSEK ?? 0)
                var money = areaMoney[activity.area, default: (0, 0)]
                money.budget = money.budget.addingSaturated(budget)
                money.spent = money.spent.addingSaturated(activity.spentSEK ?? 0)
                areaMoney[activity.area] = money
            }
            // The plan's own order first, then areas activities name that the plan does not.
            let order = entry.plan.areas.map(\.id) + areaMoney.keys.sorted().filter { entry.plan.area($0) == nil }
            let areas = order.compactMap { id -> AreaMoney? in
                guard let money = areaMoney[id], money.budget != 0 || money.spent != 0 else { return nil }
                return AreaMoney(
                    id: id, title: entry.plan.area(id)?.title ?? id, budgetSEK: money.budget,
                    spentSEK: money.spent)
            }
            // Indicators as the plan year sees them (docs/rollup.md): its baseline, its measurements.
            let goals = entry.goals.map { goal in
                var copy = goal
                copy.indicators = goal.indicators.map { $0.inPeriod(entry.plan.period) }
                return copy
            }
            return PlanSection(
                reference: entry.plan.reference, countyName: names[entry.plan.county] ?? entry.plan.county,
                title: entry.plan.title, status: entry.status, streams: entry.status.figures.streams, areas: areas,
                goals: goals, done: entry.activities.filter { $0.status == .done },
                notDone: entry.activities.filter { $0.status != .done },
                agreement: Self.agreementPart(
                    of: entry, goals: goals, rollUp: rollUp,
                    followUp: followUps.first { $0.reference == entry.plan.reference },
                    countyCode: codes[entry.plan.county]),
                illustrative: entry.plan.illustrative)
        }
    }
}

extension FollowUpReport {
    /// The marks of example data on what the report shows (plans, goals, activities, the
    /// follow-up documents, earlier plans and their items), for the legend: nil where
    /// nothing is marked.
    public var marksShown: [Illustrative?] {
        var marks: [Illustrative?] = []
        for plan in plans {
            marks += [plan.illustrative, plan.agreement.followUp?.illustrative]
            marks += plan.goals.map(\.illustrative)
            marks += (plan.done + plan.notDone).map(\.illustrative)
            for earlier in plan.agreement.earlierPlans {
                marks.append(earlier.illustrative)
                marks += earlier.goals.map(\.illustrative)
                marks += earlier.activities.map(\.illustrative)
            }
        }
        return marks
    }

    /// The CSV columns of ``csvRows``; documented in docs/report.md.
    public static let csvHeader = [
        "county", "year", "section", "id", "title", "status", "funding_sek", "budget_sek",
        "spent_sek", "date", "note",
    ]

    /// The follow-up as rows of one table, language-neutral (ids and raw values): per plan
    /// one row per funding stream, area, goal, indicator, activity and follow-up note.
    ///
    /// - `stream`: id and title the stream's name; money columns filled.
    /// - `area`: id the area's id, title its title; budget and spent.
    /// - `goal`: status the assessment.
    /// - `indicator`: id `goal-id/indicator-id`; status the progress 0–100 (empty when
    ///   unknown); note `baseline → latest → target`; date the latest measurement's date.
    /// - `activity`: status its status; date `completed` when done, else `due`; note the
    ///   cancellation reason.
    /// - `followup`: id the activity's id; date and note the follow-up's (`by` in status).
    ///
    /// Then §6 of the agreement (``AgreementPart``), raw values:
    /// - `due`: id the recipient (`skr`, `agencies`, `financial`); date the due date; status
    ///   `submitted` with the date in note, else empty.
    /// - `kind_money`: id the §6.1 kind (empty: none stated), title the principal (empty: not
    ///   stated); money columns filled.
    /// - `allocation`: id the kind (`total` for the sum, `unassigned` for funding with no
    ///   kind); funding the county's allocation, budget what the plan budgets; note the
    ///   agreement year.
    /// - `earlier_goal`, `earlier_activity`: id `county/year/id` of an earlier plan's item,
    ///   status its assessment or status, note `carried_on` when the next plan carries it on.
    /// - `participation`: id the principal, title the text, note what the funds paid for.
    /// - `availability`: id `goal-id/indicator-id`, title the indicator's title, status the
    ///   latest value, date its date; `availability_analysis`: title the analysis.
    /// - `youth_clinics`: id the field (`use_of_funds`, `result`, `continued_plan`,
    ///   `responsibility`), title its text.
    /// - `missing`: id the missing field, status the section (`6.1`…), note the document
    ///   (`plan` or `followup`).
    public func csvRows() -> [[String]] {
        var rows: [[String]] = []
        func number(_ value: Double?) -> String {
            guard let value else { return "" }
            return value == value.rounded() && ReportFormat.fitsInt(value) ? String(Int(value)) : String(value)
        }
        for plan in plans {
            let county = plan.reference.county
            let year = String(plan.reference.year ?? self.year)
            func row(
                _ section: String, _ id: String, _ title: String, status: String = "", funding: Int? = nil,
                budget: Int? = nil, spent: Int? = nil, date: CalendarDate? = nil, note: String = ""
            ) {
                rows.append([
                    county, year, section, id, title, status, funding.map(String.init) ?? "",
                    budget.map(String.init) ?? "", spent.map(String.init) ?? "", date?.description ?? "", note,
                ])
            }
            for s in plan.streams {
                row("stream", s.stream, s.stream, funding: s.fundingSEK, budget: s.budgetSEK, spent: s.spentSEK)
            }
            for a in plan.areas { row("area", a.id, a.title, budget: a.budgetSEK, spent: a.spentSEK) }
            for goal in plan.goals {
                row("goal", goal.id, goal.title, status: goal.assessment.rawValue)
                for i in goal.indicators {
                    row(
                        "indicator", "\(goal.id)/\(i.id)", i.title, status: number(i.progress), date: i.latest?.date,
                        note: "\(number(i.baseline?.value)) → \(number(i.latest?.value)) → \(number(i.target?.value))")
                }
            }
            for activity in plan.done + plan.notDone {
                row(
                    "activity", activity.id, activity.title, status: activity.status.rawValue,
                    budget: activity.budgetSEK, spent: activity.spentSEK,
                    date: activity.completed ?? activity.due, note: activity.cancelledReason ?? "")
                for note in activity.followups.sorted(by: { $0.date < $1.date }) {
                    row("followup", activity.id, activity.title, status: note.by ?? "", date: note.date, note: note.note)
                }
            }
            let part = plan.agreement
            for d in part.deadlines {
                row(
                    "due", d.recipient.rawValue, "", status: d.submitted == nil ? "" : "submitted", date: d.date,
                    note: d.submitted?.description ?? "")
            }
            for m in part.money {
                row(
                    "kind_money", m.kind?.rawValue ?? "", m.principal?.description ?? "", funding: m.fundingSEK,
                    budget: m.budgetSEK, spent: m.spentSEK)
            }
            if let coverage = part.coverage {
                let agreementYear = part.agreementYear.map(String.init) ?? ""
                for r in coverage.rows {
                    row("allocation", r.kind.rawValue, "", funding: r.allocatedSEK, budget: r.budgetedSEK, note: agreementYear)
                }
                if coverage.unassignedSEK > 0 { row("allocation", "unassigned", "", budget: coverage.unassignedSEK, note: agreementYear) }
                row("allocation", "total", "", funding: coverage.allocatedSEK, budget: coverage.budgetedSEK, note: agreementYear)
            }
            for earlier in part.earlierPlans {
                func carried(_ id: String) -> String { earlier.carriedOn.contains(id) ? "carried_on" : "" }
                for goal in earlier.goals {
                    row(
                        "earlier_goal", "\(earlier.reference)/\(goal.id)", goal.title, status: goal.assessment.rawValue,
                        note: carried(goal.id))
                }
                for activity in earlier.activities {
                    row(
                        "earlier_activity", "\(earlier.reference)/\(activity.id)", activity.title,
                        status: activity.status.rawValue, note: carried(activity.id))
                }
            }
            for entry in part.followUp?.userParticipation ?? [] {
                row("participation", entry.principal?.description ?? "", entry.text ?? "", note: entry.fundsUsedFor ?? "")
            }
            for item in part.availability {
                row(
                    "availability", item.reference, item.indicator?.title ?? "",
                    status: number(item.indicator?.latest?.value), date: item.indicator?.latest?.date)
            }
            if let analysis = part.followUp?.availability?.analysis { row("availability_analysis", "", analysis) }
            if let clinics = part.followUp?.youthClinics {
                let fields = [
                    ("use_of_funds", clinics.useOfFunds), ("result", clinics.result), ("continued_plan", clinics.continuedPlan),
                    ("responsibility", clinics.responsibility),
                ]
                for (name, text) in fields { if let text { row("youth_clinics", name, text) } }
            }
            for missing in part.completeness.missing {
                row("missing", missing.field, "", status: missing.section.rawValue, note: missing.document.rawValue)
            }
        }
        return rows
    }
}
