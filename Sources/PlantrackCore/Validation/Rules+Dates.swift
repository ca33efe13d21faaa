// Rules about dates: order, the plan's period, and the as-of day.

/// `dates.start-after-due`: an activity starts after it is due.
struct StartAfterDueRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "dates.start-after-due", severity: .error,
        summary: "an activity's start is on or before its due date")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            for activity in group.judgedActivities {
                guard let start = activity.start, let due = activity.due, start.value > due.value else { continue }
                out.report(
                    activity.document, at: due.place,
                    "the activity is due \(due.value), before it starts (\(start.value)); correct start or due")
            }
        }
    }
}

/// `dates.period-reversed`: a plan's period ends before it starts.
struct PeriodReversedRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "dates.period-reversed", severity: .error,
        summary: "a plan's period starts on or before its end")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            guard let plan = group.judgedPlan, let start = plan.periodStart, let end = plan.periodEnd,
                start.value > end.value
            else { continue }
            out.report(
                plan.document, at: end.place,
                "the period ends \(end.value), before it starts (\(start.value)); correct period.start or period.end")
        }
    }
}

/// `dates.overdue`: an activity is past its due date and neither done nor cancelled.
///
/// Not raised for the activities of a closed plan: a closed plan has been followed up, and
/// what it left unfinished is reported in that follow-up (and carried into the next plan),
/// not chased again.
struct OverdueRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "dates.overdue", severity: .warning,
        summary: "an activity past its due date is done or cancelled (not checked in closed plans)",
        dependsOnDate: true)

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans where group.status != .closed {
            for activity in group.judgedActivities {
                guard let status = activity.status, !status.value.isClosed,
                    let due = activity.due, due.value < index.asOf
                else { continue }
                let days = index.asOf.daysSinceEpoch - due.value.daysSinceEpoch
                out.report(
                    activity.document, at: due.place,
                    "the activity was due \(due.value) (\(EnglishWords.count(days, "day")) before \(index.asOf)) "
                        + "and is \(status.value.rawValue); set status: done with completed, "
                        + "or cancelled with cancelled_reason, or move due")
            }
        }
    }
}

/// `dates.outside-period`: an activity's start, due or completed date, or a follow-up's
/// date, lies outside its plan's period.
struct OutsidePeriodRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "dates.outside-period", severity: .warning,
        summary: "an activity's start, due, completed and follow-up dates lie within the plan's period")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            guard let period = group.period else { continue }
            for activity in group.judgedActivities {
                var dates: [(name: String, date: Located<CalendarDate>)] = []
                if let start = activity.start { dates.append(("start", start)) }
                if let due = activity.due { dates.append(("due", due)) }
                if let completed = activity.completed { dates.append(("completed", completed)) }
                dates += activity.followupDates.map { ("the follow-up", $0) }
                for (name, date) in dates where !period.contains(date.value) {
                    out.report(
                        activity.document, at: date.place,
                        "\(name) \(date.value) is outside the plan's period \(period.start) – \(period.end)")
                }
            }
        }
    }
}

/// `dates.measurement-in-future`: an indicator measurement is dated after the as-of day.
struct MeasurementInFutureRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "dates.measurement-in-future", severity: .warning,
        summary: "no indicator measurement is dated after today (or --as-of)",
        dependsOnDate: true)

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            for goal in group.judgedGoals {
                for date in goal.measurementDates where date.value > index.asOf {
                    out.report(
                        goal.document, at: date.place,
                        "this measurement is dated \(date.value), after \(index.asOf); "
                            + "a measurement records a value already measured, so correct the date")
                }
            }
        }
    }
}

/// `dates.target-before-period`: an indicator's target is dated before its plan's period
/// starts. Typically a target copied into a new year by `plantrack revise`: the series goes
/// on, but last year's target cannot be this year's, and only the coordinator can say what
/// the new one is.
struct TargetBeforePeriodRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "dates.target-before-period", severity: .warning,
        summary: "no indicator target is dated before the plan's period starts")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            guard let period = group.period else { continue }
            for goal in group.judgedGoals {
                for (indicator, date) in goal.targetDates where date.value < period.start {
                    let name = indicator.map { "indicator \($0)" } ?? "this indicator"
                    out.report(
                        goal.document, at: date.place,
                        "the target of \(name) is dated \(date.value), before the plan's period "
                            + "\(period.start) – \(period.end); set a new target for the year "
                            + "(target.value and a target.date within the period), or remove the target")
                }
            }
        }
    }
}
