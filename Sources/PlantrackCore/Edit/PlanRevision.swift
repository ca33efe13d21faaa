/// Next year's plan made from the latest one (`plantrack revise`).
///
/// - The plan is copied with `year` and the period moved to the new year, `version` + 1,
///   `status: draft`, no `adopted`, and `revises` naming the previous plan; the old year in
///   the title becomes the new one.
/// - Goals are copied as they are (long-term and short-term; the same id is the same goal).
/// - Activities neither done nor cancelled are carried over with `carried_from` naming the
///   old item, and their dates moved into the new year: a `start` before the new period
///   becomes the period's first day; a `due` before the new period moves to the same day
///   and month of the new year (29 February becomes 28 February), or to the period's last
///   day if that would come before `start`. Done and cancelled activities stay behind.
///
/// Every other byte of every copied file is kept.
public struct PlanRevision: Sendable {
    /// The plan revised and the plan made.
    public var from: ItemReference
    public var to: ItemReference
    /// The new plan's version.
    public var version: Int
    /// The new files by path.
    public var files: [String: [UInt8]]
    /// Goal ids copied.
    public var goals: [String]
    /// Activity ids carried over, with what happened to their dates (`due 2021-06-30 → 2022-06-30`).
    public var carried: [(id: String, dates: [String])]
    /// Activities left behind, with their status.
    public var leftBehind: [(id: String, status: String)]

    /// Makes the revision of `from` (a plan of `workspace`, whose bytes `snapshot` gives)
    /// for `year`.
    public static func make(
        from plan: ItemReference, to year: Int, workspace: Workspace, snapshot: some Snapshot
    ) throws -> PlanRevision {
        guard let oldYear = plan.year else { throw FrontMatterEditError("\(plan) is not a plan") }
        guard year > oldYear else {
            throw FrontMatterEditError("the new year \(year) must come after the plan's year \(oldYear)")
        }
        let target = ItemReference(county: plan.county, year: year)
        guard let planDocument = workspace.documents.first(where: { $0.kind == .plan && $0.reference == plan }) else {
            throw FrontMatterEditError("no plan \(plan) in the \(workspace.label)")
        }
        func bytes(_ path: String) throws -> [UInt8] {
            do {
                return try snapshot.contents(of: SnapshotEntry(path: path, kind: .file))
            } catch {
                throw FrontMatterEditError("\(path): \(error)")
            }
        }
        func withPath(_ path: String, _ body: () throws(FrontMatterEditError) -> Void) throws {
            do {
                try body()
            } catch {
                throw FrontMatterEditError("\(path): \(error.message)", at: error.location)
            }
        }
        let shift = year - oldYear
        var files: [String: [UInt8]] = [:]

        // The plan.
        var editor = try FrontMatterEditor(try bytes(planDocument.path))
        let version = (planDocument.frontMatter["version"]?.integer ?? 0) + 1
        let order = FieldOrder.topLevel(.plan)
        try withPath(planDocument.path) { () throws(FrontMatterEditError) in
            try editor.set(["year"], to: .integer(year), order: order)
            if let title = planDocument.frontMatter["title"]?.string, title.contains(String(oldYear)) {
                try editor.set(["title"], to: .string(title.replacingYear(oldYear, with: year)), order: order)
            }
            try editor.set(["version"], to: .integer(version), order: order)
            try editor.set(["status"], to: .string("draft"), order: order)
            try editor.remove(["adopted"])
            let period = planDocument.frontMatter["period"]?.mapping
            let start = period?["start"]?.string.flatMap(CalendarDate.init)?.movedBy(years: shift)
                ?? CalendarDate(year: year, month: 1, day: 1)
            let end = period?["end"]?.string.flatMap(CalendarDate.init)?.movedBy(years: shift)
                ?? CalendarDate(year: year, month: 12, day: 31)
            if let start { try editor.set(["period", "start"], to: .string(start.description), order: order) }
            if let end { try editor.set(["period", "end"], to: .string(end.description), order: order) }
            try editor.set(["revises"], to: .string(plan.description), order: order)
        }
        files[DocumentLayout.path(of: .plan, target)] = editor.bytes
        let periodStart = CalendarDate(year: year, month: 1, day: 1)
        let newPeriod = (editor.frontMatter["period"]?.mapping?["start"]?.string).flatMap(CalendarDate.init) ?? periodStart
        let newPeriodEnd = (editor.frontMatter["period"]?.mapping?["end"]?.string).flatMap(CalendarDate.init)
            ?? CalendarDate(year: year, month: 12, day: 31)

        var goals: [String] = []
        var carried: [(String, [String])] = []
        var leftBehind: [(String, String)] = []
        let items = workspace.documents.filter { $0.reference?.plan == plan && ($0.kind == .goal || $0.kind == .activity) }
        for document in items.sorted(by: { $0.path.precedesInByteOrder($1.path) }) {
            guard let id = document.reference?.id else { continue }
            let newPath = DocumentLayout.path(of: document.kind, ItemReference(county: plan.county, year: year, id: id))
            if document.kind == .goal {
                files[newPath] = try bytes(document.path)
                goals.append(id)
                continue
            }
            let status = document.frontMatter["status"]?.string ?? "planned"
            if status == "done" || status == "cancelled" {
                leftBehind.append((id, status))
                continue
            }
            var activity = try FrontMatterEditor(try bytes(document.path))
            var dates: [String] = []
            let activityOrder = FieldOrder.topLevel(.activity)
            try withPath(document.path) { () throws(FrontMatterEditError) in
                var start = document.frontMatter["start"]?.string.flatMap(CalendarDate.init)
                if let old = start, let newPeriod, old < newPeriod {
                    start = newPeriod
                    try activity.set(["start"], to: .string(newPeriod.description), order: activityOrder)
                    dates.append("start \(old) → \(newPeriod)")
                }
                if let old = document.frontMatter["due"]?.string.flatMap(CalendarDate.init), let newPeriod, old < newPeriod {
                    var due = CalendarDate.clamped(year: year, month: old.month, day: old.day)
                    if let start, due < start, let newPeriodEnd { due = newPeriodEnd }
                    try activity.set(["due"], to: .string(due.description), order: activityOrder)
                    dates.append("due \(old) → \(due)")
                }
                try activity.set(["carried_from"], to: .string("\(plan.county)/\(oldYear)/\(id)"), order: activityOrder)
            }
            files[newPath] = activity.bytes
            carried.append((id, dates))
        }
        return PlanRevision(from: plan, to: target, version: version, files: files, goals: goals,
                            carried: carried, leftBehind: leftBehind)
    }
}

extension CalendarDate {
    /// The same day and month `years` later (29 February becomes 28 February).
    func movedBy(years: Int) -> CalendarDate? {
        CalendarDate.clamped(year: year + years, month: month, day: day)
    }

    /// The day in `year`, with a day past the month's end moved back to its last day.
    static func clamped(year: Int, month: Int, day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: min(day, days(inMonth: month, year: year)))
            ?? CalendarDate(daysSinceEpoch: 0)
    }
}

extension String {
    fileprivate func replacingYear(_ old: Int, with new: Int) -> String {
        split(separator: Substring(String(old)), omittingEmptySubsequences: false).joined(separator: String(new))
    }
}
