/// The follow-up's §6 part of one plan (``FollowUpReport/AgreementPart``) as blocks of text,
/// worked out once and written as HTML or Markdown, so both formats show the same figures.
enum AgreementReport {
    /// A list item: an optional label, the text, and the mark of example data when the item
    /// is made up (an earlier plan's goal or activity with `x-illustrative`).
    struct Item {
        var label: String?
        var text: String
        var mark: Illustrative? = nil
    }

    /// A piece of the part.
    enum Block {
        /// A heading: `level` 4 for the part, 5 for its sections (the plan's is 3); `mark`
        /// when what follows is example data (the follow-up's `x-illustrative`).
        case heading(String, level: Int, mark: Illustrative? = nil)
        /// A paragraph; `mark` when it introduces example data (an earlier plan with `x-illustrative`).
        case paragraph(String, mark: Illustrative? = nil)
        /// A table: the first column heads its row; columns in `numeric` are figures.
        case table(header: [String], rows: [[String]], numeric: Set<Int>)
        /// A list; an item's label is shown bold before its text.
        case list([Item])

    }

    /// The blocks of one plan's §6 part, in the report's language.
    static func blocks(_ plan: FollowUpReport.PlanSection, asOf: CalendarDate, _ w: ReportWords, language: ReportLanguage) -> [Block] {
        let a = FollowUpWords(language: language)
        let f = language.format
        let part = plan.agreement
        var blocks: [Block] = [.heading(a.heading, level: 4, mark: part.followUp?.illustrative)]
        if part.followUp == nil { blocks.append(.paragraph(a.noFollowUp)) }
        func missing(_ section: FollowUpCompleteness.Section) {
            let fields = part.completeness.missing(in: section).map(\.field)
            if !fields.isEmpty { blocks.append(.paragraph(a.missing(fields))) }
        }

        blocks.append(.heading(a.deadlinesHeading, level: 5))
        blocks.append(
            .table(
                header: [a.recipient, a.dueBy, a.state],
                rows: part.deadlines.map { [a.recipient($0.recipient), f.date($0.date), a.deadlineState($0, asOf: asOf, f)] },
                numeric: []))

        blocks.append(.heading(a.moneyHeading, level: 5))
        if !part.money.isEmpty {
            blocks.append(
                .table(
                    header: [a.kind, a.principal, w.funding, w.budget, w.spent],
                    rows: part.money.map {
                        [a.kind($0.kind), a.principal($0.principal), f.money($0.fundingSEK), f.money($0.budgetSEK), f.money($0.spentSEK)]
                    }, numeric: [2, 3, 4]))
        }
        missing(.money)

        blocks.append(.heading(a.allocationHeading, level: 5))
        if let coverage = part.coverage, let year = part.agreementYear {
            blocks.append(.paragraph(a.coverage(coverage, agreementYear: year, f)))
            var rows = coverage.rows.map { [a.kind($0.kind), f.money($0.allocatedSEK), f.money($0.budgetedSEK)] }
            if coverage.unassignedSEK > 0 { rows.append([a.unassigned, "–", f.money(coverage.unassignedSEK)]) }
            rows.append([w.total, f.money(coverage.allocatedSEK), f.money(coverage.budgetedSEK)])
            blocks.append(.table(header: [a.kind, a.allocated, a.inPlan], rows: rows, numeric: [1, 2]))
        } else {
            blocks.append(.paragraph(a.noAllocation))
        }

        blocks.append(.heading(a.earlierHeading, level: 5))
        if part.earlierPlans.isEmpty { blocks.append(.paragraph(a.noEarlierPlan)) }
        for earlier in part.earlierPlans {
            let all = earlier.goals.count + earlier.activities.count
            blocks.append(
                .paragraph(
                    "\(earlier.title) (\(earlier.reference)): \(a.carriedCount(earlier.carriedOn.count, of: all))",
                    mark: earlier.illustrative))
            func carried(_ id: String) -> String { earlier.carriedOn.contains(id) ? " · \(a.carriedOn)" : "" }
            blocks.append(
                .list(
                    earlier.goals.map { goal -> Item in
                        Item(
                            label: "\(a.goal) \(goal.id)",
                            text: "\(goal.title) — \(w.assessment(goal.assessment))\(carried(goal.id))", mark: goal.illustrative)
                    }
                        + earlier.activities.map { activity -> Item in
                            Item(
                                label: "\(a.activity) \(activity.id)",
                                text: "\(activity.title) — \(w.activityStatus(activity.status))\(carried(activity.id))",
                                mark: activity.illustrative)
                        }))
        }

        blocks.append(.heading(a.participationHeading, level: 5))
        let participation = part.followUp?.userParticipation ?? []
        if !participation.isEmpty {
            blocks.append(
                .list(
                    participation.map { entry -> Item in
                        Item(
                            label: a.principal(entry.principal),
                            text: (entry.text ?? "–") + (entry.fundsUsedFor.map { " \(a.fundsUsedFor): \($0)" } ?? "")
                        )
                    }))
        }
        missing(.userParticipation)

        blocks.append(.heading(a.availabilityHeading, level: 5))
        if !part.availability.isEmpty {
            let words = IndicatorWords(language: language)
            blocks.append(
                .table(
                    header: [a.indicator, a.source, a.latest, a.target],
                    rows: part.availability.map { item in
                        guard let indicator = item.indicator else { return [item.reference, "–", "–", "–"] }
                        let source = indicator.kolada.map { words.kolada($0) } ?? indicator.sourceRef ?? indicator.latest?.source ?? "–"
                        let latest =
                            indicator.latest.map { "\(f.measure($0.value, unit: indicator.unit)) (\(f.date($0.date)))" } ?? "–"
                        let target = indicator.target.map { f.measure($0.value, unit: indicator.unit) } ?? "–"
                        return ["\(indicator.title) (\(item.reference))", source, latest, target]
                    }, numeric: []))
        }
        if let analysis = part.followUp?.availability?.analysis {
            blocks.append(.list([Item(label: a.analysis, text: analysis)]))
        }
        missing(.availability)

        blocks.append(.heading(a.youthClinicsHeading, level: 5))
        if let clinics = part.followUp?.youthClinics {
            let texts = [clinics.useOfFunds, clinics.result, clinics.continuedPlan, clinics.responsibility]
            let items = zip(a.youthClinicsLabels, texts).compactMap { label, text -> Item? in text.map { Item(label: label, text: $0) } }
            if !items.isEmpty { blocks.append(.list(items)) }
        }
        missing(.youthClinics)

        blocks.append(.heading(a.completenessHeading, level: 5))
        blocks.append(
            .list(
                FollowUpCompleteness.Section.allCases.map { section -> Item in
                    let fields = part.completeness.missing(in: section).map(\.field)
                    return Item(label: a.section(section), text: fields.isEmpty ? a.complete : a.missing(fields))
                }))
        return blocks
    }

    /// The blocks as HTML lines; `marks` says the mark of example data.
    static func html(_ blocks: [Block], marks: IllustrativeMark) -> [String] {
        func e(_ text: String) -> String { ReportEscaping.html(text) }
        var lines: [String] = []
        for block in blocks {
            switch block {
            case .heading(let text, let level, let mark):
                lines.append("<h\(level)>\(e(text))\(marks.html(mark))</h\(level)>")
            case .paragraph(let text, let mark):
                lines.append("<p>\(e(text))\(marks.html(mark))</p>")
            case .table(let header, let rows, let numeric):
                lines.append(
                    "<table><thead><tr>"
                        + header.enumerated().map { i, cell in
                            "<th scope=\"col\"\(numeric.contains(i) ? " class=\"num\"" : "")>\(e(cell))</th>"
                        }.joined() + "</tr></thead><tbody>")
                for row in rows {
                    lines.append(
                        "<tr>"
                            + row.enumerated().map { i, cell in
                                i == 0
                                    ? "<th scope=\"row\">\(e(cell))</th>"
                                    : "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(e(cell))</td>"
                            }.joined() + "</tr>")
                }
                lines.append("</tbody></table>")
            case .list(let items):
                lines.append("<ul>")
                for item in items {
                    lines.append(
                        "<li>\(item.label.map { "<strong>\(e($0))</strong>: " } ?? "")\(e(item.text))\(marks.html(item.mark))</li>")
                }
                lines.append("</ul>")
            }
        }
        return lines
    }

    /// The blocks as Markdown lines; `marks` says the mark of example data.
    static func markdown(_ blocks: [Block], marks: IllustrativeMark) -> [String] {
        func e(_ text: String) -> String { ReportEscaping.markdown(text) }
        var lines: [String] = []
        for block in blocks {
            switch block {
            case .heading(let text, let level, let mark):
                lines += [String(repeating: "#", count: level) + " " + e(text) + marks.markdown(mark), ""]
            case .paragraph(let text, let mark):
                lines += [e(text) + marks.markdown(mark), ""]
            case .table(let header, let rows, let numeric):
                lines.append("| " + header.map(e).joined(separator: " | ") + " |")
                lines.append("|" + header.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined())
                for row in rows { lines.append("| " + row.map(e).joined(separator: " | ") + " |") }
                lines.append("")
            case .list(let items):
                for item in items {
                    lines.append("- " + (item.label.map { "**\(e($0))**: " } ?? "") + e(item.text) + marks.markdown(item.mark))
                }
                lines.append("")
            }
        }
        return lines
    }
}
