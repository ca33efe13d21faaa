// Rules that fields required by a status are there, and only then.

/// `status.completed-missing`: a done activity has no `completed` date.
struct CompletedMissingRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "status.completed-missing", severity: .error,
        summary: "a done activity says when it was completed")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            for activity in group.judgedActivities where activity.status?.value == .done && activity.completedKey == nil {
                out.reportMissing(
                    activity.document, field: "completed",
                    "the activity is done but has no completed date; add completed: YYYY-MM-DD")
            }
        }
    }
}

/// `status.completed-not-done`: an activity that is not done has a `completed` date.
struct CompletedNotDoneRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "status.completed-not-done", severity: .error,
        summary: "only a done activity has a completed date")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            for activity in group.judgedActivities {
                guard let status = activity.status?.value, status != .done, let key = activity.completedKey else { continue }
                out.report(
                    activity.document, at: key,
                    "the activity is \(status.rawValue), not done, but has a completed date; "
                        + "remove completed, or set status: done")
            }
        }
    }
}

/// `status.cancelled-reason-missing`: a cancelled activity does not say why.
struct CancelledReasonMissingRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "status.cancelled-reason-missing", severity: .error,
        summary: "a cancelled activity says why in cancelled_reason")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            for activity in group.judgedActivities
            where activity.status?.value == .cancelled && !activity.hasCancelledReason {
                out.reportMissing(
                    activity.document, field: "cancelled_reason",
                    "the activity is cancelled but does not say why; add cancelled_reason: <why>")
            }
        }
    }
}

/// `plan.adopted-missing`: an adopted or closed plan does not say when and by whom it was adopted.
struct AdoptedMissingRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "plan.adopted-missing", severity: .error,
        summary: "an adopted or closed plan says when and by whom it was adopted")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            guard let plan = group.judgedPlan, let status = plan.status?.value, status != .draft, !plan.hasAdopted else {
                continue
            }
            out.reportMissing(
                plan.document, field: "adopted",
                "the plan is \(status.rawValue) but does not say when it was adopted; "
                    + "add adopted: {date: YYYY-MM-DD, by: <who>}, or set status: draft")
        }
    }
}

/// `status.done-progress`: a done activity's progress is below 100.
struct DoneProgressRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "status.done-progress", severity: .error,
        summary: "a done activity's progress is 100")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            for activity in group.judgedActivities where activity.status?.value == .done {
                // A progress outside 0–100 is the schema's finding.
                guard let progress = activity.progress, progress.value >= 0, progress.value < 100 else { continue }
                out.report(
                    activity.document, at: progress.place,
                    "the activity is done but its progress is \(percent(progress.value)); set progress: 100, "
                        + "or a status that says it is not finished (in-progress, delayed)")
            }
        }
    }
}

/// A progress as written: 30, not 30.0; 0.5 as it is.
private func percent(_ value: Double) -> String {
    Int(exactly: value).map(String.init) ?? String(value)
}

/// `status.planned-with-progress`: a planned activity has progress or money spent.
///
/// Planned means not started; work done or money spent says it has.
struct PlannedWithProgressRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "status.planned-with-progress", severity: .error,
        summary: "a planned activity has no progress and nothing spent")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            for activity in group.judgedActivities where activity.status?.value == .planned {
                if let progress = activity.progress, progress.value > 0 {
                    out.report(
                        activity.document, at: progress.place,
                        "the activity is planned (not started) but its progress is \(percent(progress.value)); "
                            + "set status: in-progress, or progress: 0")
                }
                if let spent = activity.spentSEK, spent.value > 0 {
                    out.report(
                        activity.document, at: spent.place,
                        "the activity is planned (not started) but \(RuleText.kronor(spent.value)) is spent; "
                            + "set status: in-progress, or spent_sek: 0")
                }
            }
        }
    }
}
