import Foundation
import PlantrackCore
import PlantrackGit
import Testing

/// The Stockholm coordinator's year, through the binary (issue #18's end-to-end test): the
/// bundled 2021 plan revised into 2022, three updates, adopted, and reported on. What is
/// expected of the revision is computed from the 2021 files, the figures from what the 2022
/// updates recorded, and the traffic lights by hand from docs/rollup.md's rule — so the test
/// says the rule, not a list copied from today's output.
@Suite("Stockholm 2021 → 2022 cycle")
struct StockholmCycleTests {
    /// One 2021 activity as its file says it.
    struct OldActivity {
        let id: String
        let priority: String
        let status: String
        let completed: String?
        let text: String

        /// `revise`'s default: ongoing unless cancelled, and anything still open.
        var isCarried: Bool {
            (priority == "ongoing" && status != "cancelled") || (status != "done" && status != "cancelled")
        }
        /// The reason `revise` gives.
        var expectedLine: String {
            if isCarried {
                return "  \(id) carried (\(priority == "ongoing" ? "ongoing" : "open, \(status)"))\n"
            }
            return "  \(id) left (\(status == "done" ? "done \(completed ?? "")" : status))\n"
        }
    }

    // MARK: The coordinator's spring, shared by the tests below

    /// One `update` of the spring of 2022, as a coordinator types it.
    struct SpringUpdate {
        /// The command line.
        let arguments: [String]
        /// The activity it records on (nil for a goal).
        let activity: String?
        /// The money it records (`--spent`), 0 when none.
        let spent: Int
        /// The follow-up it adds (`--note` on `--date`), if any.
        let note: String?
        let date: String?
    }

    /// Three realistic updates of the 2022 plan before it is adopted: two activities report
    /// progress, money and a follow-up (one gains a partner), one goal gets a 2022 target, a
    /// 2022 measurement and an assessment.
    static let spring: [SpringUpdate] = [
        SpringUpdate(
            arguments: [
                "update", "stockholm/2022/bu-p2", "--progress", "25", "--spent", "45000",
                "--note", "Två utbildningsdagar för elevhälsan genomförda", "--date", "2022-03-28",
                "--add-partner", "Elevhälsan i Järfälla",
            ],
            activity: "bu-p2", spent: 45_000, note: "Två utbildningsdagar för elevhälsan genomförda",
            date: "2022-03-28"),
        // A planned activity with progress and money recorded starts (in-progress).
        SpringUpdate(
            arguments: [
                "update", "stockholm/2022/kk-l2", "--progress", "20", "--spent", "120000",
                "--note", "Första nätverksträffen hållen, 40 deltagare", "--date", "2022-04-08",
            ],
            activity: "kk-l2", spent: 120_000, note: "Första nätverksträffen hållen, 40 deltagare",
            date: "2022-04-08"),
        // The newsletter goal: the 2021 target (1800, met with 1870 on 2021-12-01) is replaced by
        // a 2022 one, and the first 2022 count is recorded.
        SpringUpdate(
            arguments: [
                "update", "stockholm/2022/kk-st-2", "--indicator", "nyhetsbrev",
                "--target", "2100@2022-12-31", "--measure", "nyhetsbrev=1985@2022-04-05",
                "--assessment", "on-track",
            ],
            activity: nil, spent: 0, note: nil, date: nil),
    ]

    /// `revise stockholm --to 2022` on the bundled plans.
    static func revise(_ ws: CycleWorkspace) throws -> CLIResult {
        try ws.run(["revise", "stockholm", "--to", "2022"])
    }

    /// The three spring updates, each validated and committed by plantrack, then `approve`.
    static func followUpAndApprove(_ ws: CycleWorkspace) throws {
        for update in spring {
            let before = try ws.head()
            let result = try ws.run(update.arguments)
            #expect(result.status == 0, "\(update.arguments): \(result.stdout)\(result.stderr)")
            #expect(try ws.head() != before, "\(update.arguments) committed nothing")
        }
        let approve = try ws.run(["approve", "stockholm/2022", "--date", "2022-04-20", "--by", "Styrgruppen"])
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(approve.stdout.contains("tagged stockholm/2022/v5"))
    }

    @Test("stockholm 2021 → 2022 cycle: revise, three updates, approve, report")
    func stockholm2021To2022() throws {
        let ws = try CycleWorkspace(bundled: true)
        let old = try ws.files(under: "Plans/stockholm/2021/activities").map { path in
            let text = try ws.text(path)
            return OldActivity(
                id: Self.fileID(path), priority: Self.field("priority", text) ?? "",
                status: Self.field("status", text) ?? "", completed: Self.field("completed", text),
                text: text)
        }
        let oldBytes = try ws.files(under: "Plans/stockholm/2021").map { try ws.bytes($0) }
        let carried = old.filter(\.isCarried).map(\.id)
        // The bundled plan has ten ongoing activities, all done in 2021, and one open one;
        // carrying only open activities (as before) would carry one.
        #expect(old.filter { $0.priority == "ongoing" && $0.status == "done" }.count >= 2)
        #expect(carried.count > old.filter { $0.status != "done" && $0.status != "cancelled" }.count)

        // revise
        let revise = try Self.revise(ws)
        #expect(revise.status == 0, "\(revise.stderr)")
        for activity in old {
            #expect(revise.stdout.contains(activity.expectedLine), "\(activity.expectedLine)\(revise.stdout)")
        }
        #expect(revise.stdout.contains("activities carried (\(carried.count)):\n"))
        #expect(revise.stdout.contains("activities left (\(old.count - carried.count)):\n"))
        #expect(try ws.files(under: "Plans/stockholm/2022/activities").map(Self.fileID) == carried)

        // The commit says the same: a short subject, the details in the body.
        let repository = try Repository.open(at: ws.path)
        let message = try repository.commit(repository.head().id).message
        let subject = message.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        #expect(subject == "revise stockholm/2021 → stockholm/2022: version 5, draft")
        #expect(subject.count <= 72)
        for activity in old { #expect(message.contains(activity.expectedLine)) }

        // Nothing achieved yet: every carried activity starts afresh, keeping what describes it.
        for activity in old where activity.isCarried {
            let text = try ws.text("Plans/stockholm/2022/activities/\(activity.id).md")
            #expect(
                Self.field("status", text) == (["in-progress", "delayed"].contains(activity.status) ? "in-progress" : "planned"),
                "\(activity.id)")
            #expect(Self.field("progress", text) == (Self.field("progress", activity.text) == nil ? nil : "0"), "\(activity.id)")
            #expect(Self.field("spent_sek", text) == (Self.field("spent_sek", activity.text) == nil ? nil : "0"), "\(activity.id)")
            for gone in ["followups", "completed", "cancelled_reason"] {
                #expect(Self.field(gone, text) == nil, "\(activity.id): \(gone)")
            }
            #expect(!text.contains("done: true"), "\(activity.id)")
            #expect(Self.field("carried_from", text) == "stockholm/2021/\(activity.id)")
            for kept in ["priority", "owner", "budget_sek", "funding_stream"] {
                #expect(Self.field(kept, text) == Self.field(kept, activity.text), "\(activity.id): \(kept)")
            }
            for kept in ["partners", "goals"] {
                #expect(Self.list(kept, text) == Self.list(kept, activity.text), "\(activity.id): \(kept)")
            }
            #expect(Self.taskTitles(text) == Self.taskTitles(activity.text), "\(activity.id)")
            #expect(Self.body(text) == Self.body(activity.text), "\(activity.id)")
        }
        // Every goal is copied, not assessed.
        let goals = try ws.files(under: "Plans/stockholm/2022/goals")
        #expect(goals.count == (try ws.files(under: "Plans/stockholm/2021/goals")).count)
        for path in goals {
            #expect(Self.field("assessment", try ws.text(path)) == "not-assessed", "\(path)")
        }
        // Last year is untouched.
        #expect(try ws.files(under: "Plans/stockholm/2021").map { try ws.bytes($0) } == oldBytes)

        // validate: nothing copied lies outside 2022; the copied 2021 targets are findings
        // at the target's date.
        let validate = try ws.run(["validate", "--as-of", "2022-01-15"])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(!validate.stdout.contains("dates.outside-period"), "\(validate.stdout)")
        let goal = "Plans/stockholm/2022/goals/bu-ft-lt-1.md"
        let target = try #require(Self.targetDatePosition(try ws.text(goal)))
        #expect(
            validate.stdout.contains(
                "\(goal):\(target.line):\(target.column): warning: [dates.target-before-period] "
                    + "the target of indicator familjecentraler is dated \(target.date)"),
            "\(validate.stdout)")

        // The roll-up of 2022: nothing spent, nothing achieved.
        let rollup = try ws.run(["rollup", "--year", "2022", "--format", "json"])
        #expect(rollup.status == 0, "\(rollup.stderr)")
        let plans =
            (try JSONSerialization.jsonObject(with: Data(rollup.stdout.utf8)) as? [String: Any])?["plans"]
            as? [[String: Any]] ?? []
        let plan2022 = try #require(plans.first { $0["county"] as? String == "stockholm" && $0["year"] as? Int == 2022 })
        #expect(plan2022["spent_sek"] as? Int == 0)
        #expect((plan2022["goals"] as? [String: Any])?["achieved"] as? Int == 0)
        #expect((plan2022["activities"] as? [String: Any])?["done"] as? Int == 0)

        // Three updates, then approve.
        try Self.followUpAndApprove(ws)
        let recordedSpent = Self.spring.reduce(0) { $0 + $1.spent }
        #expect(recordedSpent == 165_000)
        // The partner is added in 2022 only; 2021 keeps every byte.
        let oldPartners = Self.list("partners", try ws.text("Plans/stockholm/2021/activities/bu-p2.md"))
        #expect(
            Self.list("partners", try ws.text("Plans/stockholm/2022/activities/bu-p2.md"))
                == oldPartners + ["Elevhälsan i Järfälla"])
        #expect(try ws.files(under: "Plans/stockholm/2021").map { try ws.bytes($0) } == oldBytes)

        // The roll-up of the working tree: exactly the money recorded in 2022, no goal
        // achieved (one on track), and indicator progress only where 2022 measured.
        let after = try Self.stockholm2022(try ws.run(["rollup", "--year", "2022", "--format", "json"]))
        #expect(after["spent_sek"] as? Int == recordedSpent)
        #expect(
            after["goals"] as? [String: Int] == [
                "not-assessed": 22, "on-track": 1, "at-risk": 0,
                "off-track": 0, "achieved": 0,
            ])
        // Judged today (after 2022-12-31) the working tree's eleven activities are all past
        // due and none is done: 11 overdue ≥ 3, red.
        #expect(after["overdue"] as? Int == carried.count)
        #expect(after["light"] as? String == "red")
        #expect(try Self.statusLight(ws, []) == "🔴")
        // nyhetsbrev: its baseline for 2022 is the latest 2021 measurement, 1870 (2021-12-01),
        // so (1985 − 1870) / (2100 − 1870) = 115 / 230 = 50 %. Counted from the stated 2021
        // baseline, 1450, it would read (1985 − 1450) / (2100 − 1450) = 82 %; with the 2021
        // series alone (1870 against 1800) 100 %.
        let indicators = after["indicators"] as? [[String: Any]] ?? []
        // Eleven indicators carried into 2022: eight typed by hand, three with an illustrative
        // Kolada source (docs/indicators.md, "The bundled example") measured up to 2021 only.
        #expect(indicators.count == 11)
        for indicator in indicators {
            let measured2022 = indicator["goal"] as? String == "stockholm/2022/kk-st-2" && indicator["id"] as? String == "nyhetsbrev"
            #expect(indicator["progress"] as? Int == (measured2022 ? 50 : nil), "\(indicator)")
        }

        // The follow-up (redovisning) of 2022.
        let report = try ws.run(["report", "--kind", "redovisning", "--year", "2022", "--format", "csv"])
        #expect(report.status == 0, "\(report.stderr)")
        // CSV lines end in CRLF (one Character in Swift), for Excel.
        let lines = report.stdout.split(whereSeparator: \.isNewline)
        let rows = lines.dropFirst().map(Self.csvFields)
        let header = Self.csvFields(lines.first ?? "")
        let section = try #require(header.firstIndex(of: "section"))
        let id = try #require(header.firstIndex(of: "id"))
        let status = try #require(header.firstIndex(of: "status"))
        let spent = try #require(header.firstIndex(of: "spent_sek"))
        let date = try #require(header.firstIndex(of: "date"))
        let note = try #require(header.firstIndex(of: "note"))
        #expect(rows.allSatisfy { $0.count == header.count })
        #expect(rows.filter { $0[section] == "activity" }.count == carried.count)
        // No 2021 money: each activity's spent is what 2022 recorded, and the stream and the
        // areas add up to exactly that.
        for row in rows where row[section] == "activity" {
            let recorded = Self.spring.filter { $0.activity == row[id] }.reduce(0) { $0 + $1.spent }
            #expect(row[spent] == String(recorded), "\(row)")
        }
        #expect(rows.filter { $0[section] == "stream" }.map { $0[spent] } == [String(recordedSpent)])
        #expect(rows.filter { $0[section] == "area" }.compactMap { Int($0[spent]) }.reduce(0, +) == recordedSpent)
        // No 2021 follow-ups: exactly the notes added in 2022.
        let followups = rows.filter { $0[section] == "followup" }.map { [$0[id], $0[date], $0[note]] }
        #expect(
            followups
                == Self.spring.compactMap { update in
                    update.note.map { [update.activity ?? "", update.date ?? "", $0] }
                }, "\(report.stdout)")
        for activity in old {
            for note in Self.followupNotes(activity.text) {
                #expect(!report.stdout.contains(note), "\(activity.id): \(note)")
            }
        }
        // No goal achieved that 2022 did not achieve: only the assessment made in 2022.
        for row in rows where row[section] == "goal" {
            #expect(row[status] == (row[id] == "kk-st-2" ? "on-track" : "not-assessed"), "\(row)")
        }
        // Indicators: baseline at the period start → latest 2022 value → target, and the
        // progress (in the status column) only where 2022 measured.
        for row in rows where row[section] == "indicator" {
            if row[id] == "kk-st-2/nyhetsbrev" {
                #expect(row[status] == "50" && row[date] == "2022-04-05" && row[note] == "1870 → 1985 → 2100", "\(row)")
            } else {
                #expect(row[status] == "" && row[date] == "" && row[note].contains(" →  → "), "\(row)")
            }
        }
    }

    // MARK: The traffic light through the year

    /// The light of Stockholm 2022 as the steering group sees it, through the year. The
    /// 2022 plan's eleven activities all start 2022-01-01 (revise moves the dates into the
    /// new year); their due dates, and the days from start to due (both included), are:
    ///
    /// | activities | due | days |
    /// | --- | --- | --- |
    /// | bu-l1 bu-l2 bu-l3 bu-l6 kk-l1 ls-l1 ls-l2 (seven) | 12-15 | 349 |
    /// | bu-l4 | 10-31 | 304 |
    /// | bu-l5 | 11-30 | 334 |
    /// | kk-l2 | 12-17 | 351 |
    /// | bu-p2 | 12-31 | 365 |
    ///
    /// The rule (docs/rollup.md, default thresholds): expected = days passed by the end of
    /// the judgement day / days from start to due; behind when progress < expected − 20;
    /// red when ≥ 50 % of the activities not cancelled are off schedule (or 3 overdue, or a
    /// goal off-track); yellow when any is off schedule (or a goal at risk or behind); else
    /// green. Day numbers of 2022: 30 April = 120, 31 May = 151, 30 June = 181.
    ///
    /// The CLI judges the working tree only on today, and commits with the time of the run;
    /// so the test commits each state of the working tree (written by `update --no-commit`)
    /// with a 2022 date, and reads it back with `--as-of` / `--rev`, which judge on that day.
    @Test("stockholm 2022: the light by schedule, computed by hand")
    func stockholm2022Light() throws {
        let ws = try CycleWorkspace(bundled: true)
        #expect(try Self.revise(ws).status == 0)
        try Self.followUpAndApprove(ws)

        // 30 April: the nine activities without a spring update report 30 %; bu-p2 stands at
        // 25, kk-l2 at 20 (the spring updates).
        let others = ["bu-l1", "bu-l2", "bu-l3", "bu-l4", "bu-l5", "bu-l6", "kk-l1", "ls-l1", "ls-l2"]
        for activity in others {
            try Self.update(ws, activity, ["--progress", "30"])
        }
        let april = try Self.commitAsOf(ws, "2022-04-30", hour: 16, message: "Progress in April\n")

        // (a) Green, judged 30 April (day 120), nothing done:
        // | activity | expected | threshold (−20) | progress | judged |
        // | the seven due 12-15 | 120/349 = 34.4 % | 14.4 | 30 | on schedule |
        // | bu-l4 | 120/304 = 39.5 % | 19.5 | 30 | on schedule |
        // | bu-l5 | 120/334 = 35.9 % | 15.9 | 30 | on schedule |
        // | kk-l2 | 120/351 = 34.2 % | 14.2 | 20 | on schedule |
        // | bu-p2 | 120/365 = 32.9 % | 12.9 | 25 | on schedule |
        // 11 of 11 on schedule, no goal at risk or behind (nyhetsbrev at 50 % of an expected
        // 95/365 = 26 % on 5 April): green, with 0 % done.
        let green = try Self.stockholm2022(try ws.run(["rollup", "--year", "2022", "--as-of", "2022-04-30", "--format", "json"]))
        #expect(green["light"] as? String == "green")
        #expect(green["schedule"] as? [String: Int] == Self.schedule(onSchedule: 11))
        #expect(green["done_share"] as? Double == 0)
        // The indicator is judged as of its measurement (5 April, day 95): expected 95/365 =
        // 26.0 %, progress 50, not behind.
        let aprilNewsletter = try #require(Self.indicator("nyhetsbrev", in: green))
        #expect(
            aprilNewsletter["expected"] as? Int == 26 && aprilNewsletter["progress"] as? Int == 50
                && aprilNewsletter["behind"] as? Bool == false, "\(aprilNewsletter)")
        #expect(try Self.statusLight(ws, ["--as-of", "2022-04-30"]) == "🟢")

        // (b) Yellow, the same version judged 31 May (day 151), nothing recorded in May:
        // | the seven due 12-15 | 151/349 = 43.3 % | 23.3 | 30 | on schedule |
        // | bu-l4 | 151/304 = 49.7 % | 29.7 | 30 | on schedule (just) |
        // | bu-l5 | 151/334 = 45.2 % | 25.2 | 30 | on schedule |
        // | kk-l2 | 151/351 = 43.0 % | 23.0 | 20 | behind |
        // | bu-p2 | 151/365 = 41.4 % | 21.4 | 25 | on schedule |
        // 1 of 11 off schedule = 9.1 % < 50 %: yellow.
        let may = try Self.stockholm2022(try ws.run(["rollup", "--year", "2022", "--as-of", "2022-05-31", "--format", "json"]))
        #expect(may["revision"] as? String == april.hex)
        #expect(may["light"] as? String == "yellow")
        #expect(may["schedule"] as? [String: Int] == Self.schedule(onSchedule: 10, behind: 1))
        #expect(try Self.statusLight(ws, ["--as-of", "2022-05-31"]) == "🟡")

        // 30 June: bu-l1, bu-l2 and bu-l3 reach 50, bu-p2 40, ls-l2 is done (20 June), and the
        // newsletter goal is achieved (2120 subscribers on 28 June, target 2100).
        for activity in ["bu-l1", "bu-l2", "bu-l3"] {
            try Self.update(ws, activity, ["--progress", "50"])
        }
        try Self.update(ws, "bu-p2", ["--progress", "40"])
        try Self.update(ws, "ls-l2", ["--status", "done", "--date", "2022-06-20"])
        try Self.update(ws, "kk-st-2", ["--measure", "nyhetsbrev=2120@2022-06-28", "--assessment", "achieved"])
        let june = try Self.commitAsOf(ws, "2022-06-30", hour: 12, message: "Progress in June\n")

        // (c) Red, judged 30 June (day 181; --rev judges on the commit's date):
        // | activity | expected | threshold | progress | judged |
        // | bu-l1 bu-l2 bu-l3 | 181/349 = 51.9 % | 31.9 | 50 | on schedule |
        // | bu-l6 kk-l1 ls-l1 | 181/349 = 51.9 % | 31.9 | 30 | behind (3) |
        // | ls-l2 | – | – | done | on schedule |
        // | bu-l4 | 181/304 = 59.5 % | 39.5 | 30 | behind |
        // | bu-l5 | 181/334 = 54.2 % | 34.2 | 30 | behind |
        // | kk-l2 | 181/351 = 51.6 % | 31.6 | 20 | behind |
        // | bu-p2 | 181/365 = 49.6 % | 29.6 | 40 | on schedule |
        // 6 of 11 off schedule = 54.5 % ≥ 50 %: red.
        let red = try Self.stockholm2022(try ws.run(["rollup", "--year", "2022", "--rev", june.hex, "--format", "json"]))
        #expect(red["as_of"] as? String == "2022-06-30")
        #expect(red["light"] as? String == "red")
        #expect(red["schedule"] as? [String: Int] == Self.schedule(onSchedule: 5, behind: 6))
        #expect(try Self.statusLight(ws, ["--rev", june.hex]) == "🔴")

        // Later the same day kk-l2 reports 35 (threshold 31.6): on schedule. 5 of 11 off
        // schedule = 45.5 % < 50 %: yellow.
        try Self.update(ws, "kk-l2", ["--progress", "35"])
        let evening = try Self.commitAsOf(ws, "2022-06-30", hour: 17, message: "kk-l2 in June\n")
        let yellow = try Self.stockholm2022(try ws.run(["rollup", "--year", "2022", "--as-of", "2022-06-30", "--format", "json"]))
        #expect(yellow["revision"] as? String == evening.hex)
        #expect(yellow["light"] as? String == "yellow")
        #expect(yellow["schedule"] as? [String: Int] == Self.schedule(onSchedule: 6, behind: 5))
        #expect(try Self.statusLight(ws, ["--as-of", "2022-06-30"]) == "🟡")

        // Through all of it: the money is 2022's alone, and the one goal achieved is the one
        // 2022 achieved; its indicator now reads (2120 − 1870) / (2100 − 1870) = 109 % → 100.
        #expect(yellow["spent_sek"] as? Int == Self.spring.reduce(0) { $0 + $1.spent })
        #expect((yellow["goals"] as? [String: Int])?["achieved"] == 1)
        #expect((yellow["activities"] as? [String: Int])?["done"] == 1)
        // Measured 28 June (day 179): expected 179/365 = 49.0 %.
        let newsletter = try #require(Self.indicator("nyhetsbrev", in: yellow))
        #expect(newsletter["progress"] as? Int == 100 && newsletter["expected"] as? Int == 49, "\(newsletter)")
        let report = try ws.run(["report", "--kind", "redovisning", "--year", "2022", "--as-of", "2022-06-30", "--format", "csv"])
        #expect(report.status == 0, "\(report.stderr)")
        let lines = report.stdout.split(whereSeparator: \.isNewline)
        let header = Self.csvFields(lines.first ?? "")
        let section = try #require(header.firstIndex(of: "section"))
        let id = try #require(header.firstIndex(of: "id"))
        let status = try #require(header.firstIndex(of: "status"))
        let achieved = lines.dropFirst().map(Self.csvFields).filter { $0[section] == "goal" && $0[status] == "achieved" }
        #expect(achieved.map { $0[id] } == ["kk-st-2"])
    }

    /// `update stockholm/2022/ITEM …` without committing (the test commits with a date).
    static func update(_ ws: CycleWorkspace, _ item: String, _ arguments: [String]) throws {
        let result = try ws.run(["update", "stockholm/2022/\(item)", "--no-commit"] + arguments)
        #expect(result.status == 0, "\(item) \(arguments): \(result.stdout)\(result.stderr)")
    }

    /// Commits the working Plans/ as of `date` at `hour`:00 Swedish summer time (UTC+2).
    static func commitAsOf(_ ws: CycleWorkspace, _ date: String, hour: Int, message: String) throws -> ObjectID {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 2 * 3600))
        let parts = date.split(separator: "-").compactMap { Int($0) }
        let day = try #require(calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: hour)))
        let signature = Author(
            name: "Åsa Öberg", email: "asa.oberg@example.se",
            time: Int64(day.timeIntervalSince1970), offsetMinutes: 120)
        return try Repository.open(at: ws.path).commitWorkingFiles(
            try ws.files(under: "Plans"), message: message,
            signature: signature)
    }

    /// The stockholm 2022 plan of `rollup --format json`, with the top-level `revision` and `as_of`.
    static func stockholm2022(_ result: CLIResult) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        let plans = object["plans"] as? [[String: Any]] ?? []
        var plan = try #require(
            plans.first { $0["county"] as? String == "stockholm" && $0["year"] as? Int == 2022 },
            "\(result.stdout)")
        plan["revision"] = object["revision"]
        plan["as_of"] = object["as_of"]
        return plan
    }

    /// One indicator of a plan of `rollup --format json`.
    static func indicator(_ id: String, in plan: [String: Any]) -> [String: Any]? {
        (plan["indicators"] as? [[String: Any]] ?? []).first { $0["id"] as? String == id }
    }

    /// A plan's `schedule` counts.
    static func schedule(onSchedule: Int, behind: Int = 0) -> [String: Int] {
        ["on-schedule": onSchedule, "behind": behind, "overdue": 0, "delayed": 0, "not-judged": 0]
    }

    /// The light of Stockholm 2022 in `report --kind status` (Markdown): the mark in its county row.
    static func statusLight(_ ws: CycleWorkspace, _ version: [String]) throws -> String? {
        let report = try ws.run(["report", "--kind", "status", "--year", "2022", "--format", "markdown"] + version)
        #expect(report.status == 0, "\(report.stderr)")
        let row = report.stdout.split(separator: "\n").first {
            $0.hasPrefix("| Stockholms län | Länsgemensam handlingsplan för psykisk hälsa 2022")
        }
        let marks = ["🟢", "🟡", "🔴"].filter { row?.contains($0) == true }
        #expect(marks.count == 1, "\(report.stdout)")
        return marks.first
    }

    // MARK: Reading the files the way a reader checks them

    static func fileID(_ path: String) -> String {
        String(path.split(separator: "/").last?.dropLast(3) ?? "")
    }

    /// The front matter's lines.
    static func frontMatter(_ text: String) -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return [] }
        return Array(lines[1..<end])
    }

    /// A top-level scalar (`status: done` → `done`); nil when absent.
    static func field(_ key: String, _ text: String) -> String? {
        for line in frontMatter(text) where line.hasPrefix("\(key):") {
            return line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The items of a top-level block list of scalars.
    static func list(_ key: String, _ text: String) -> [String] {
        let lines = frontMatter(text)
        guard let start = lines.firstIndex(of: Substring("\(key):")) else { return [] }
        return lines[(start + 1)...].prefix { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) }
    }

    static func taskTitles(_ text: String) -> [String] {
        frontMatter(text).filter { $0.hasPrefix("  - title: ") }.map { String($0.dropFirst(11)) }
    }

    static func followupNotes(_ text: String) -> [String] {
        frontMatter(text).filter { $0.hasPrefix("    note: ") }.map { String($0.dropFirst(10)) }
    }

    /// Everything after the closing fence.
    static func body(_ text: String) -> String {
        let parts = text.components(separatedBy: "\n---\n")
        return parts.count > 1 ? parts.dropFirst().joined(separator: "\n---\n") : ""
    }

    /// The line and column of the first indicator's `target.date` value.
    static func targetDatePosition(_ text: String) -> (line: Int, column: Int, date: String)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let target = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "target:" }) else { return nil }
        for index in (target + 1)..<lines.count {
            let line = lines[index]
            guard let range = line.range(of: "date: ") else { continue }
            return (index + 1, line.distance(from: line.startIndex, to: range.upperBound) + 1, String(line[range.upperBound...]))
        }
        return nil
    }

    /// The fields of one CSV line (quotes as RFC 4180 writes them).
    static func csvFields(_ line: Substring) -> [String] {
        let characters = Array(line)
        var fields: [String] = []
        var current = ""
        var quoted = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if quoted && character == "\"" {
                if index + 1 < characters.count && characters[index + 1] == "\"" {
                    current.append("\"")
                    index += 1
                } else {
                    quoted = false
                }
            } else if quoted {
                current.append(character)
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
            index += 1
        }
        fields.append(current)
        return fields
    }
}
