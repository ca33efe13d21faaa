import ArgumentParser
import JSONSchema
import PlantrackCore
import PlantrackGit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `plantrack sync`: fetch, replay local commits on the remote's tip, validate, push
/// (docs/sync.md). The work is ``WorkspaceSync``'s; this parses and renders.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Bring the branch and its remote together: fetch, replay local commits, validate, push.",
        discussion: """
            Through libgit2, under the same write lock as the other writing commands. Refused while files \
            are not committed (they are named). Local commits the remote lacks are replayed on its tip, \
            keeping author and message; files both sides changed merge field by field. Approval tags of \
            replayed commits are re-pointed; the same tag at another commit on the remote is refused. The \
            result is validated and pushed with new approval tags; when someone pushed meanwhile it fetches \
            and integrates again. A field both sides changed to different values stops the sync with \
            markers in the working tree: settle them and run --continue, or --abort. Exit status: 0 synced \
            or up to date; 1 conflict or refusal (uncommitted files, validation errors, the remote's hook, a \
            tag clash, retries used up); 2 usage or environment errors (no remote, unreachable remote).
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(
        help: ArgumentHelp(
            "The remote to sync with (default: the branch's upstream remote, else origin).", valueName: "name"))
    var remote: String?

    @Option(
        name: .customLong("ca-file"),
        help: ArgumentHelp("Also trust the certificate authorities in this PEM file for HTTPS.", valueName: "path"))
    var caFile: String?

    @Option(help: "Output format: text or json (docs/json.md).")
    var format: ListFormat = .text

    @Flag(name: .customLong("dry-run"), help: "Fetch into private references only and say what a sync would do.")
    var dryRun = false

    @Flag(name: .customLong("continue"), help: "Finish a sync stopped at a conflict, once its markers are gone.")
    var continueStopped = false

    @Flag(help: "Return the branch, index and working tree to where they were before the stopped sync.")
    var abort = false

    @Option(
        help: ArgumentHelp(
            "Seconds to wait for another plantrack command writing to the same repository.", valueName: "seconds"))
    var wait: Double = 10

    func validate() throws {
        if [dryRun, continueStopped, abort].filter({ $0 }).count > 1 {
            throw ValidationError("--dry-run, --continue and --abort go alone")
        }
    }

    func run() throws {
        var failed = false
        try reportingErrors {
            let access = try WorkspaceAccess(workspace)
            if let caFile, !FileSystem.exists(caFile) {
                throw CLIError("--ca-file \(caFile): no such file")
            }
            let sync = WorkspaceSync(
                repository: access.repository, root: access.root,
                options: WorkspaceSync.Options(
                    remote: remote,
                    settings: TransferSettings(
                        certificateAuthorityFile: caFile, environment: TransferEnvironment.current()),
                    waitSeconds: wait, today: .today(), memo: RollUpMemoStore(gitFolder: access.repository.path),
                    onProgress: Terminal.standardError.isTerminal ? SyncProgress().report : nil))
            do {
                if dryRun {
                    render(try sync.preview())
                } else if abort {
                    render(try sync.abort())
                } else {
                    let outcome = continueStopped ? try sync.continueStopped() : try sync.run()
                    if Terminal.standardError.isTerminal { Terminal.standardError.write("\r\u{1B}[K") }
                    render(outcome)
                    switch outcome.result {
                    case .upToDate, .synced: break
                    case .conflict, .refused: failed = true
                    }
                }
            } catch let error as SyncError {
                throw CLIError(error.description, status: error.isRefusal ? ExitStatus.findings : ExitStatus.usage)
            } catch let error as GitError {
                throw CLIError("sync failed: \(error)")
            }
        }
        if failed { throw ExitStatus.findings }
    }

    // MARK: Text and JSON

    private func render(_ outcome: SyncOutcome) {
        let out = Terminal.standardOutput
        if format == .json {
            out.write(SyncJSON.outcome(outcome).prettyText + "\n")
            return
        }
        var lines = ["sync \(outcome.branch) with \(outcome.remote) (\(outcome.url))"]
        for attempt in outcome.attempts {
            var words = "attempt \(attempt.number): remote at \(attempt.remoteTip?.abbreviated ?? "(no branch)")"
            if attempt.fastForward { words += ", fast-forward" }
            if attempt.replayed > 0 { words += ", replayed \(EnglishWords.count(attempt.replayed, "local commit"))" }
            if attempt.pushed { words += ", pushed" }
            if let refusal = attempt.refusal {
                words += ", push refused (\(refusal))" + (attempt.retried ? "; fetching and integrating again" : "")
            }
            lines.append(words)
        }
        if !outcome.incoming.isEmpty {
            lines.append("came in:")
            lines += SyncText.stat(outcome.incoming)
        }
        for tag in outcome.retagged {
            lines.append("re-pointed approval tag \(tag.name): \(tag.old.abbreviated) -> \(tag.new.abbreviated)")
        }
        if !outcome.receivedTags.isEmpty { lines.append("received tags: \(outcome.receivedTags.joined(separator: ", "))") }
        if !outcome.pushed.isEmpty { lines.append("pushed: \(outcome.pushed.joined(separator: ", "))") }
        let error = Terminal.standardError
        switch outcome.result {
        case .upToDate:
            lines.append("up to date: \(outcome.branch) and \(outcome.remote) agree")
        case .synced:
            lines.append("synced: \(outcome.branch) and \(outcome.remote) are at \(outcome.localTip?.abbreviated ?? "-")")
        case .conflict:
            lines.append("conflict replaying \(outcome.stoppedAt ?? "a local commit"); nothing was pushed:")
            for conflict in outcome.conflicts {
                lines.append("  " + MergeDriverCommand.describe(conflict.conflict, in: conflict.path))
            }
            out.write(lines.joined(separator: "\n") + "\n")
            error.write(
                "plantrack: the sync stopped: the working tree holds the merge with only the conflicting fields marked; "
                    + "keep one value of each, then run 'plantrack sync --continue' (or 'plantrack sync --abort')\n")
            return
        case .refused(let refusal):
            out.write(lines.joined(separator: "\n") + "\n")
            switch refusal {
            case .validation(let findings):
                FindingPrinter(to: out).print(findings)
                error.write(
                    "plantrack: the sync is refused: the integrated workspace does not validate "
                        + "(\(EnglishWords.count(findings.count, "error")) above); nothing was pushed. Your branch holds "
                        + "the integrated history: fix the errors, commit, and sync again\n")
            case .remote(let reason, let messages):
                for message in messages { out.write("remote: \(message)\n") }
                error.write("plantrack: the remote refused the push (\(reason)); nothing was pushed\n")
            case .tagClash(let clashes):
                for clash in clashes {
                    out.write(
                        "tag \(clash.name): the remote's names \(clash.remote.hex), ours names \(clash.local.hex)\n")
                }
                error.write(
                    "plantrack: the sync is refused: an approval tag names another commit on the remote; nothing was "
                        + "pushed. One of the two approvals must be withdrawn (a tag is never moved on the remote)\n")
            case .retriesExhausted(let count):
                error.write(
                    "plantrack: the sync is refused: others pushed before each of \(count) attempts; nothing was pushed. "
                        + "Sync again\n")
            }
            return
        }
        out.write(lines.joined(separator: "\n") + "\n")
    }

    private func render(_ preview: SyncPreview) {
        let out = Terminal.standardOutput
        if format == .json {
            var object = JSONObject()
            object["branch"] = .string(preview.branch)
            object["remote"] = .string(preview.remote)
            object["url"] = .string(preview.url)
            object["ahead"] = .number(.integer(Int64(preview.ahead)))
            object["behind"] = .number(.integer(Int64(preview.behind)))
            object["remote_tip"] = preview.remoteTip.map { .string($0.hex) } ?? .null
            object["incoming"] = SyncJSON.stat(preview.incoming)
            out.write(JSONValue.object(object).prettyText + "\n")
            return
        }
        var lines = [
            "dry run: \(preview.branch) with \(preview.remote) (\(preview.url))",
            "\(preview.branch) is \(EnglishWords.count(preview.ahead, "commit")) ahead and "
                + "\(EnglishWords.count(preview.behind, "commit")) behind \(preview.remote)",
        ]
        if !preview.incoming.isEmpty {
            lines.append("would come in:")
            lines += SyncText.stat(preview.incoming)
        }
        lines.append("nothing was changed (the remote was fetched into refs/plantrack/ only)")
        out.write(lines.joined(separator: "\n") + "\n")
    }

    private func render(_ aborted: SyncAbortOutcome) {
        let out = Terminal.standardOutput
        if format == .json {
            var object = JSONObject()
            object["branch"] = .string(aborted.branch)
            object["tip"] = .string(aborted.tip.hex)
            object["restored"] = .array(aborted.restored.map { .string($0) })
            out.write(JSONValue.object(object).prettyText + "\n")
            return
        }
        out.write(
            "sync aborted: \(aborted.branch) is at \(aborted.tip.abbreviated) as before; "
                + "\(EnglishWords.count(aborted.restored.count, "file")) restored\n")
    }
}

/// `diff --stat` lines.
enum SyncText {
    static func stat(_ files: [FileStat]) -> [String] {
        let width = files.map { $0.path.count }.max() ?? 0
        var lines = files.map { file -> String in
            let padded = file.path + String(repeating: " ", count: width - file.path.count)
            if file.isBinary { return " \(padded) | Bin" }
            let total = file.added + file.removed
            return " \(padded) | \(total) " + String(repeating: "+", count: min(file.added, 40))
                + String(repeating: "-", count: min(file.removed, 40))
        }
        let added = files.reduce(0) { $0 + $1.added }
        let removed = files.reduce(0) { $0 + $1.removed }
        lines.append(
            " \(EnglishWords.count(files.count, "file")) changed, \(EnglishWords.count(added, "insertion"))(+), "
                + "\(EnglishWords.count(removed, "deletion"))(-)")
        return lines
    }
}

/// The JSON of a sync (docs/json.md).
enum SyncJSON {
    static func outcome(_ outcome: SyncOutcome) -> JSONValue {
        var object = JSONObject()
        let result: String
        switch outcome.result {
        case .upToDate: result = "up-to-date"
        case .synced: result = "synced"
        case .conflict: result = "conflict"
        case .refused: result = "refused"
        }
        object["result"] = .string(result)
        object["branch"] = .string(outcome.branch)
        object["remote"] = .string(outcome.remote)
        object["url"] = .string(outcome.url)
        object["attempts"] = .array(
            outcome.attempts.map { attempt in
                var item = JSONObject()
                item["number"] = int(attempt.number)
                item["remote_tip"] = attempt.remoteTip.map { .string($0.hex) } ?? .null
                item["fast_forward"] = .bool(attempt.fastForward)
                item["replayed"] = int(attempt.replayed)
                item["pushed"] = .bool(attempt.pushed)
                item["refused"] = .bool(attempt.refusal != nil)
                item["refusal"] = attempt.refusal.map { .string($0) } ?? .null
                item["retried"] = .bool(attempt.retried)
                return .object(item)
            })
        object["incoming"] = stat(outcome.incoming)
        object["pushed"] = .array(outcome.pushed.map { .string($0) })
        object["retagged"] = .array(
            outcome.retagged.map { tag in
                var item = JSONObject()
                item["name"] = .string(tag.name)
                item["old"] = .string(tag.old.hex)
                item["new"] = .string(tag.new.hex)
                return .object(item)
            })
        object["received_tags"] = .array(outcome.receivedTags.map { .string($0) })
        object["conflicts"] = .array(
            outcome.conflicts.map { conflict in
                var item = JSONObject()
                item["path"] = .string(conflict.path)
                item["field"] = .string(conflict.conflict.name)
                item["base"] = conflict.conflict.base.map { .string($0) } ?? .null
                item["ours"] = conflict.conflict.ours.map { .string($0) } ?? .null
                item["theirs"] = conflict.conflict.theirs.map { .string($0) } ?? .null
                item["line"] = conflict.conflict.line.map { int($0) } ?? .null
                return .object(item)
            })
        object["stopped_at"] = outcome.stoppedAt.map { .string($0) } ?? .null
        object["refusal"] = refusal(outcome.result)
        object["local_tip"] = outcome.localTip.map { .string($0.hex) } ?? .null
        var seconds = JSONObject()
        for (phase, value) in [
            ("transfer", outcome.timings.transfer), ("integrate", outcome.timings.integrate),
            ("validate", outcome.timings.validate),
        ] {
            seconds[phase] = .number(.double((value * 1_000_000).rounded() / 1_000_000))
        }
        object["seconds"] = .object(seconds)
        return .object(object)
    }

    static func refusal(_ result: SyncOutcome.Result) -> JSONValue {
        guard case .refused(let refusal) = result else { return .null }
        var object = JSONObject()
        switch refusal {
        case .validation(let findings):
            object["kind"] = .string("validation")
            object["findings"] = .array(findings.map(\.json))
        case .remote(let reason, let messages):
            object["kind"] = .string("remote")
            object["reason"] = .string(reason)
            object["messages"] = .array(messages.map { .string($0) })
        case .tagClash(let clashes):
            object["kind"] = .string("tag-clash")
            object["tags"] = .array(
                clashes.map { clash in
                    var item = JSONObject()
                    item["name"] = .string(clash.name)
                    item["remote"] = .string(clash.remote.hex)
                    item["local"] = .string(clash.local.hex)
                    return .object(item)
                })
        case .retriesExhausted(let count):
            object["kind"] = .string("retries-exhausted")
            object["attempts"] = int(count)
        }
        return .object(object)
    }

    static func stat(_ files: [FileStat]) -> JSONValue {
        var object = JSONObject()
        object["files"] = .array(
            files.map { file in
                var item = JSONObject()
                item["path"] = .string(file.path)
                item["added"] = int(file.added)
                item["removed"] = int(file.removed)
                item["binary"] = .bool(file.isBinary)
                return .object(item)
            })
        object["added"] = int(files.reduce(0) { $0 + $1.added })
        object["removed"] = int(files.reduce(0) { $0 + $1.removed })
        return .object(object)
    }

    static func int(_ value: Int) -> JSONValue { .number(.integer(Int64(value))) }
}

/// Redraws one progress line on standard error (only used when it is a terminal).
final class SyncProgress {
    func report(_ progress: TransferProgress) {
        let total = progress.totalObjects > 0 ? "/\(progress.totalObjects)" : ""
        let kib = progress.bytes / 1024
        Terminal.standardError.write(
            "\r\u{1B}[K\(progress.direction == .fetch ? "receiving" : "sending") objects: \(progress.objects)\(total), \(kib) KiB")
    }
}

/// The process's environment (`environ`), for the transfer settings.
enum TransferEnvironment {
    static func current() -> [String: String] {
        var values: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                values[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            cursor += 1
        }
        return values
    }
}
