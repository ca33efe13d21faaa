import Foundation
import Testing
import PlantrackGit

/// The Stockholm coordinator's year, through the binary: the bundled 2021 plan revised into
/// 2022, adopted, and followed up. What is expected is computed from the 2021 files, so the
/// test says the rule, not a list copied from today's output.
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

    @Test("stockholm 2021 → 2022 cycle: revise, approve, report")
    func stockholm2021To2022() throws {
        let ws = try CycleWorkspace(bundled: true)
        let old = try ws.files(under: "Plans/stockholm/2021/activities").map { path in
            let text = try ws.text(path)
            return OldActivity(id: Self.fileID(path), priority: Self.field("priority", text) ?? "",
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
        let revise = try ws.run(["revise", "stockholm", "--to", "2022"])
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
            #expect(Self.field("status", text) == (["in-progress", "delayed"].contains(activity.status) ? "in-progress" : "planned"),
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
        #expect(validate.stdout.contains("\(goal):\(target.line):\(target.column): warning: [dates.target-before-period] "
                                         + "the target of indicator familjecentraler is dated \(target.date)"),
                "\(validate.stdout)")

        // The roll-up of 2022: nothing spent, nothing achieved.
        let rollup = try ws.run(["rollup", "--year", "2022", "--format", "json"])
        #expect(rollup.status == 0, "\(rollup.stderr)")
        let plans = (try JSONSerialization.jsonObject(with: Data(rollup.stdout.utf8)) as? [String: Any])?["plans"]
            as? [[String: Any]] ?? []
        let plan2022 = try #require(plans.first { $0["county"] as? String == "stockholm" && $0["year"] as? Int == 2022 })
        #expect(plan2022["spent_sek"] as? Int == 0)
        #expect((plan2022["goals"] as? [String: Any])?["achieved"] as? Int == 0)
        #expect((plan2022["activities"] as? [String: Any])?["done"] as? Int == 0)

        // approve, then the follow-up (redovisning) of 2022.
        let approve = try ws.run(["approve", "stockholm/2022", "--date", "2022-02-10", "--by", "Styrgruppen"])
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(approve.stdout.contains("tagged stockholm/2022/v5"))
        let report = try ws.run(["report", "--kind", "redovisning", "--year", "2022", "--format", "csv"])
        #expect(report.status == 0, "\(report.stderr)")
        // CSV lines end in CRLF (one Character in Swift), for Excel.
        let lines = report.stdout.split(whereSeparator: \.isNewline)
        let rows = lines.dropFirst().map(Self.csvFields)
        let header = Self.csvFields(lines.first ?? "")
        let section = try #require(header.firstIndex(of: "section"))
        let status = try #require(header.firstIndex(of: "status"))
        let spent = try #require(header.firstIndex(of: "spent_sek"))
        #expect(rows.filter { $0[section] == "activity" }.count == carried.count)
        #expect(!rows.contains { $0[section] == "followup" }, "\(report.stdout)")
        for row in rows where ["activity", "stream", "area"].contains(row[section]) {
            #expect(row[spent] == "0", "\(row)")
        }
        #expect(rows.filter { $0[section] == "goal" }.allSatisfy { $0[status] == "not-assessed" })
        // Not one 2021 follow-up note comes along.
        for activity in old {
            for note in Self.followupNotes(activity.text) {
                #expect(!report.stdout.contains(note), "\(activity.id): \(note)")
            }
        }
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
