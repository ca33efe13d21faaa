import ArgumentParser
import PlantrackCore
import PlantrackGit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `plantrack guard`: a shared repository's `pre-receive` hook, or the same judgement of a
/// range in a CI job (docs/shared-repository.md).
struct GuardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guard",
        abstract: "Refuse pushes that break the shared repository's rules (a pre-receive hook, or a CI check).",
        discussion: """
            As a pre-receive hook (plantrack hooks install --server) it reads git's 'OLD NEW REF' lines \
            on standard input and judges every update: files outside what the identity may change \
            (access: in Plans/workspace.yaml, read from the branch before the push), a protected branch \
            (the default branch and access.protected_branches) rewritten, deleted or left with \
            validation errors, approval tags moved, deleted, created by someone else or on a plan \
            not adopted as that version. With --range A..B it judges the change from A to B of --ref \
            (a branch, or an approval tag refs/tags/COUNTY/YEAR/vN; an empty or all-zero side means \
            the ref is created or deleted) in the current repository, for a CI job. The identity is --identity, else REMOTE_USER, \
            GL_USER or GL_USERNAME. Exit status: 0 accepted, 1 refused (the reasons on standard \
            error), 2 usage or environment errors.
            """
    )

    @Option(
        help: ArgumentHelp(
            "Who pushes (default: REMOTE_USER, else GL_USER, else GL_USERNAME from the environment).",
            valueName: "name"))
    var identity: String?

    @Option(
        help: ArgumentHelp(
            "Judge the change from commit A to commit B instead of reading standard input (a CI job).",
            valueName: "A..B"))
    var range: String?

    @Option(
        name: .customLong("ref"),
        help: ArgumentHelp(
            "With --range: the branch or tag the range updates (default: the branch HEAD names, else refs/heads/main).",
            valueName: "ref"))
    var reference: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Judge dates in validation against this day (YYYY-MM-DD; default: today).", valueName: "date"))
    var asOf: CalendarDate?

    func validate() throws {
        if reference != nil && range == nil {
            throw ValidationError("--ref goes with --range A..B")
        }
    }

    func run() throws {
        var refused = false
        try reportingErrors {
            let history = try openHistory()
            let updates = try self.updates(in: history)
            let guardian = PushGuard(history: history, identity: pushIdentity(), asOf: asOf ?? .today())
            let refusals: [PushRefusal]
            do {
                refusals = try guardian.judge(updates)
            } catch {
                throw CLIError("cannot judge the push: \(error)")
            }
            for refusal in refusals {
                Terminal.standardError.write("plantrack guard: \(refusal)\n")
            }
            if !refusals.isEmpty {
                Terminal.standardError.write(
                    "plantrack guard: the push is refused (\(EnglishWords.count(refusals.count, "reason"))); "
                        + "nothing was changed on the server\n")
                refused = true
            }
        }
        if refused { throw ExitStatus.findings }
    }

    /// The identity from the option or the server's environment.
    private func pushIdentity() -> String? {
        if let identity { return identity }
        for name in ["REMOTE_USER", "GL_USER", "GL_USERNAME"] {
            if let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty { return value }
        }
        return nil
    }

    /// The repository git's environment names (a hook: `GIT_DIR` and the quarantine's
    /// object folders), else the one the current folder lies in; bare or not.
    private func openHistory() throws -> GitHistory {
        let repository: Repository
        do {
            repository =
                getenv("GIT_DIR") != nil
                ? try Repository.openFromEnvironment()
                : try Repository.discover(from: FileSystem.currentDirectory())
        } catch {
            throw CLIError("cannot open the repository to guard: \(error)")
        }
        let root = repository.workdir ?? repository.path
        return GitHistory(repository: repository, root: root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root)
    }

    /// The updates to judge: the range's, or the hook's standard input.
    private func updates(in history: GitHistory) throws -> [RefUpdate] {
        if let range {
            let ends = Self.rangeEnds(range)
            guard let ends else {
                throw CLIError("--range '\(range)': write two commits as A..B (for example origin/main..HEAD)")
            }
            // Git's all-zero id (what a hosted service's push event gives for a created or
            // deleted ref) or an empty side means "none": `..B` creates, `A..0000…` deletes.
            let old: String?
            let new: String?
            do {
                old = try Self.isNone(ends[0]) ? nil : history.commit(named: ends[0]).id
                new = try Self.isNone(ends[1]) ? nil : history.commit(named: ends[1]).id
            } catch {
                throw CLIError("--range '\(range)': \(error)")
            }
            let branch: String
            if let reference {
                branch = AccessRules.branchReference(reference)
            } else {
                branch = (try? history.headBranch()) ?? nil ?? "refs/heads/main"
            }
            return [RefUpdate(name: branch, old: old, new: new)]
        }
        var updates: [RefUpdate] = []
        var number = 0
        while let line = readLine() {
            number += 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            guard let update = RefUpdate(hookLine: line) else {
                throw CLIError(
                    "standard input, line \(number): '\(line)' is not 'OLD NEW REF' as git gives a pre-receive hook "
                        + "(to judge a range, use --range A..B)")
            }
            updates.append(update)
        }
        return updates
    }

    /// `A` and `B` of `A..B`; nil for anything else (`A...B` included).
    static func rangeEnds(_ range: String) -> [String]? {
        guard let dots = range.firstRange(of: "..") else { return nil }
        let old = String(range[..<dots.lowerBound])
        let new = String(range[dots.upperBound...])
        guard !new.hasPrefix("."), !new.contains(".."), !(isNone(old) && isNone(new)) else { return nil }
        return [old, new]
    }

    /// Whether a side of a range means "no commit": empty, or git's all-zero id.
    static func isNone(_ side: String) -> Bool {
        side.allSatisfy { $0 == "0" }
    }
}
