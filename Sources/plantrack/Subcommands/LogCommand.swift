import ArgumentParser
import JSONSchema
import PlantrackCore
import PlantrackGit

/// `plantrack log ITEM`: an item's history across commits and, through `carried_from`,
/// across plan years.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show an item's history: every commit that changed it, with the fields it changed.",
        discussion: """
            Commits are read from HEAD back (first-parent comparison), newest first. When the item says \
            carried_from, the history of the item it was carried from follows, and so on back through the \
            years. A version of the item that is part of an approved plan version is marked with that \
            version's tag, e.g. (tag: stockholm/2021/v4). JSON output is described in docs/json.md.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup var query: ItemQuery<LogCommand>

    func run() throws {
        try reportingErrors {
            let start = try query.reference()
            let access = try WorkspaceAccess(workspace)
            let log: ItemLog
            do {
                log = try ItemLog.read(start, in: GitHistory(repository: access.repository, root: access.root))
            } catch ItemLog.Failure.notFound(let reference, let existing) {
                throw CLIError.notFound(reference.description, in: "working tree, HEAD or its history", among: existing)
            } catch let failure as ItemLog.Failure {
                throw CLIError(failure.description)
            }
            switch query.format {
            case .json:
                Terminal.standardOutput.write(Self.json(log).prettyText + "\n")
            case .text:
                Terminal.standardOutput.write(Self.text(log, style: Style(for: .standardOutput)))
            }
        }
    }

    /// `2026-11-23T12:02:51+01:00`.
    static func timestamp(_ author: Author) -> String {
        let local = author.time + Int64(author.offsetMinutes) * 60
        let day = CalendarDate(secondsSinceEpoch: local)
        let seconds = Int(((local % 86_400) + 86_400) % 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let offset = author.offsetMinutes
        let sign = offset < 0 ? "-" : "+"
        return "\(day)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
            + "\(sign)\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
    }

    static func text(_ log: ItemLog, style: Style) -> String {
        let start = log.item
        let entries = log.entries
        guard !entries.isEmpty else { return "\(start): no commits change it yet\n" }
        var out = ""
        var current: ItemReference?
        for entry in entries {
            if entry.item != current {
                current = entry.item
                let note = entry.item == start ? "" : " (earlier year of \(start))"
                out += style.bold("\(entry.item)") + note + " — " + style.dim(entry.path) + "\n"
            }
            let summary = entry.commit.message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            let tags = entry.tags.isEmpty ? "" : " " + style.green("(" + entry.tags.map { "tag: \($0)" }.joined(separator: ", ") + ")")
            out +=
                "  " + style.yellow(String(entry.commit.id.prefix(7))) + tags + " "
                + String(timestamp(entry.commit.author).prefix(16)).replacingT() + " "
                + entry.commit.author.name + ": " + summary + "\n"
            if entry.change != .modified { out += "      \(entry.change.rawValue)\n" }
            if entry.change == .modified {
                for line in CommitMessage.changeLines(entry.fields) { out += "      \(line)\n" }
                if entry.fields.isEmpty { out += "      (body only)\n" }
            }
        }
        return out
    }

    static func json(_ log: ItemLog) -> JSONValue {
        var root = JSONObject()
        root["item"] = .string(log.item.description)
        root["history"] = .array(
            log.entries.map { entry in
                var object = JSONObject()
                object["item"] = .string(entry.item.description)
                object["path"] = .string(entry.path)
                object["commit"] = .string(entry.commit.id)
                object["date"] = .string(timestamp(entry.commit.author))
                var author = JSONObject()
                author["name"] = .string(entry.commit.author.name)
                author["email"] = .string(entry.commit.author.email)
                object["author"] = .object(author)
                object["message"] = .string(entry.commit.message)
                object["change"] = .string(entry.change.rawValue)
                object["fields"] = .array(entry.fields.map(DiffJSON.field))
                object["tags"] = .array(entry.tags.map { .string($0) })
                return .object(object)
            })
        return .object(root)
    }
}

extension String {
    fileprivate func replacingT() -> String {
        split(separator: "T", maxSplits: 1).joined(separator: " ")
    }
}

extension LogCommand: ItemArgumentHelp {
    static let text = "The item: county/year/id, county/year (a plan) or county."
}
