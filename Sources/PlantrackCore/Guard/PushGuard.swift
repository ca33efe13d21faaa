/// One reference a push proposes to change: what git's `pre-receive` hook reads as
/// `old new ref` on each line of its standard input.
public struct RefUpdate: Hashable, Sendable {
    /// The full reference name: `refs/heads/main`, `refs/tags/stockholm/2026/v1`.
    public var name: String
    /// The object the reference names now; nil when the push creates it.
    public var old: String?
    /// The object it is to name; nil when the push deletes it.
    public var new: String?

    /// Creates an update; git's all-zero id means "none" and is read as nil.
    public init(name: String, old: String?, new: String?) {
        self.name = name
        self.old = old.flatMap { Self.isZero($0) ? nil : $0 }
        self.new = new.flatMap { Self.isZero($0) ? nil : $0 }
    }

    /// Reads one line of a `pre-receive` hook's input, `OLD NEW REF`; nil when it is not
    /// two object ids (40 or 64 hex digits) and a reference name.
    public init?(hookLine: String) {
        let fields = hookLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 3, Self.isObjectID(fields[0]), Self.isObjectID(fields[1]), fields[2].hasPrefix("refs/")
        else { return nil }
        self.init(name: fields[2], old: fields[0], new: fields[1])
    }

    private static func isObjectID(_ text: String) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy(\.isHexDigit)
    }

    private static func isZero(_ id: String) -> Bool {
        id.isEmpty || id.allSatisfy { $0 == "0" }
    }
}

/// Why a push is refused: one rule broken by one file, tag or branch.
public struct PushRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The reference whose update is refused.
    public var reference: String
    /// The rule (docs/shared-repository.md): `access.file`, `access.tag`, `branch.validate`,
    /// `branch.rewrite`, `branch.delete`, `tag.move`, `tag.delete`, `tag.not-adopted`,
    /// `access.unreadable`.
    public var rule: String
    /// What the refusal is about: a file's path, a tag's name or the branch.
    public var subject: String
    /// What is wrong and who may do it, completing a sentence that starts with the subject.
    public var message: String
    /// The validation findings of a new tip that does not validate.
    public var findings: [Finding]

    /// Creates a refusal.
    public init(reference: String, rule: String, subject: String, message: String, findings: [Finding] = []) {
        self.reference = reference
        self.rule = rule
        self.subject = subject
        self.message = message
        self.findings = findings
    }

    /// `refused: SUBJECT MESSAGE [rule, ref]`, then the findings, indented.
    public var description: String {
        var text = "refused: \(subject) \(message) [\(rule), \(reference)]"
        for finding in findings { text += "\n  \(finding)" }
        return text
    }
}

/// Judges proposed reference updates of a shared repository against the rules of
/// docs/shared-repository.md, on the ``History`` seam alone, so it runs on a bare git
/// repository inside a `pre-receive` hook (`plantrack guard`) and on ``MemoryHistory``.
///
/// - The new tip of a protected branch (the repository's default branch, ``History/headBranch()``,
///   and `access.protected_branches`) must validate without errors; a protected branch is
///   never rewritten (non-fast-forward) or deleted.
/// - Every file changed between the old tip and the new one (for a new branch: between
///   the default branch's tip and the new one) must be one the identity may change
///   (``AccessRules``). The rules are read from the branch's tip *before* the push (for a
///   new branch, from the default branch's tip), so a push cannot grant itself rights. With
///   no `access:` there (or no commit at all yet: the first push makes the repository),
///   every identity may change every file.
/// - An approval tag (`county/year/vN`) is never moved or deleted; it is created only by
///   that county's identities or an admin, and only on a commit where the plan is adopted
///   as version N.
public struct PushGuard {
    /// The repository as it stands before the push (with the pushed objects readable).
    public let history: any History
    /// Who pushes; nil when the server named no one.
    public let identity: String?
    /// The day validation judges dates against.
    public let asOf: CalendarDate

    /// Creates a guard for a push by `identity`.
    public init(history: any History, identity: String?, asOf: CalendarDate) {
        self.history = history
        self.identity = identity?.isEmpty == true ? nil : identity
        self.asOf = asOf
    }

    /// The refusals of every update, in the order given; empty: the push may land.
    public func judge(_ updates: [RefUpdate]) throws -> [PushRefusal] {
        try updates.flatMap { try judge($0) }
    }

    /// The refusals of one update; empty: it may land.
    public func judge(_ update: RefUpdate) throws -> [PushRefusal] {
        if update.name.hasPrefix("refs/heads/") { return try judgeBranch(update) }
        if update.name.hasPrefix("refs/tags/") { return try judgeTag(update) }
        return []
    }

    // MARK: Branches

    private func judgeBranch(_ update: RefUpdate) throws -> [PushRefusal] {
        let defaultBranch = try history.headBranch()
        let defaultTip = try history.head()?.id
        let oldTip = try update.old.map { try history.commit(named: $0) }
        // The rules in force: the branch's own tip before the push, else the default branch's.
        let rules: AccessRules?
        switch rulesReading(at: oldTip?.id ?? defaultTip, for: update) {
        case .success(let read): rules = read
        case .failure(let refusal): return [refusal]
        }
        let isProtected =
            update.name == defaultBranch || rules?.protectedBranches.contains(update.name) == true
        let branch = Self.shortName(update.name)
        guard let newID = update.new else {
            guard isProtected else { return [] }
            return [
                PushRefusal(
                    reference: update.name, rule: "branch.delete", subject: "branch \(branch)",
                    message: "is protected and is never deleted")
            ]
        }
        let newTip = try history.commit(named: newID)
        var refusals: [PushRefusal] = []
        if isProtected, let oldTip, try !history.isAncestor(oldTip.id, of: newTip.id) {
            refusals.append(
                PushRefusal(
                    reference: update.name, rule: "branch.rewrite", subject: "branch \(branch)",
                    message:
                        "is protected and is never rewritten: \(newTip.shortID) does not build on \(oldTip.shortID); "
                        + "fetch, integrate the new commits (plantrack sync or git pull --rebase) and push again"))
        }
        if let rules {
            let base = oldTip?.id ?? defaultTip
            for change in try history.changes(from: base, to: newTip.id, under: "")
            where !rules.mayChange(path: change.path, as: identity) {
                refusals.append(
                    PushRefusal(
                        reference: update.name, rule: "access.file", subject: change.path,
                        message: "may be changed by \(rules.owners(of: change.path)); you are \(rules.describe(identity))"))
            }
        }
        if isProtected {
            let findings = try validationErrors(at: newTip)
            if !findings.isEmpty {
                refusals.append(
                    PushRefusal(
                        reference: update.name, rule: "branch.validate", subject: "branch \(branch)",
                        message:
                            "is protected and its new tip \(newTip.shortID) does not validate "
                            + "(\(EnglishWords.count(findings.count, "error"))); fix them and push again",
                        findings: findings))
            }
        }
        return refusals
    }

    /// The errors `validate --rev` reports for `commit`; the schemas' own problems when
    /// they cannot be used.
    private func validationErrors(at commit: HistoryCommit) throws -> [Finding] {
        let snapshot = try history.snapshot(at: commit.id, label: commit.shortID)
        let (schemas, problems) = try DocumentSchemas.load(from: snapshot)
        guard let schemas else { return problems.filter { $0.severity == .error } }
        let report = try WorkspaceValidator(schemas: schemas, asOf: asOf).validate(snapshot)
        return (problems + report.findings).filter { $0.severity == .error }
    }

    // MARK: Tags

    private func judgeTag(_ update: RefUpdate) throws -> [PushRefusal] {
        let name = String(update.name.dropFirst("refs/tags/".count))
        guard let approval = Self.approvalTag(name) else { return [] }
        if update.old != nil {
            let deleted = update.new == nil
            return [
                PushRefusal(
                    reference: update.name, rule: deleted ? "tag.delete" : "tag.move", subject: "tag \(name)",
                    message:
                        "is an approval tag, which no one \(deleted ? "deletes" : "moves"): it names the adopted version "
                        + "\(approval.version); to adopt a changed plan, raise its version and approve it again")
            ]
        }
        guard let newID = update.new else { return [] }
        var refusals: [PushRefusal] = []
        let rules: AccessRules?
        switch rulesReading(at: try history.head()?.id, for: update) {
        case .success(let read): rules = read
        case .failure(let refusal): return [refusal]
        }
        if let rules, !rules.mayChange(county: approval.county, as: identity) {
            refusals.append(
                PushRefusal(
                    reference: update.name, rule: "access.tag", subject: "tag \(name)",
                    message:
                        "may be created by \(rules.owners(ofCounty: approval.county)); you are \(rules.describe(identity))"
                ))
        }
        let commit = try history.commit(named: newID)
        let planPath = DocumentLayout.path(of: .plan, ItemReference(county: approval.county, year: approval.year))
        let adoption = try adoptedVersion(of: planPath, at: commit.id)
        if adoption.version != approval.version || adoption.status != "adopted" {
            let found =
                adoption.exists
                ? "its status is \(adoption.status ?? "not set") and its version \(adoption.version.map(String.init) ?? "not set")"
                : "it has no \(planPath)"
            refusals.append(
                PushRefusal(
                    reference: update.name, rule: "tag.not-adopted", subject: "tag \(name)",
                    message:
                        "must name a commit where \(planPath) is adopted as version \(approval.version), "
                        + "but at \(commit.shortID) \(found); tag the commit plantrack approve made"))
        }
        return refusals
    }

    /// The county, year and version of an approval tag name `county/year/vN`; nil for
    /// any other tag.
    public static func approvalTag(_ name: String) -> (county: String, year: Int, version: Int)? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[1].count == 4, let year = Int(parts[1]),
            parts[2].hasPrefix("v"), parts[2].count > 1, parts[2].dropFirst().allSatisfy(\.isASCII),
            let version = Int(parts[2].dropFirst())
        else { return nil }
        return (String(parts[0]), year, version)
    }

    private func adoptedVersion(of path: String, at commitID: String) throws -> (exists: Bool, status: String?, version: Int?) {
        guard let document = try document(at: path, kind: .plan, in: commitID) else { return (false, nil, nil) }
        return (true, document.frontMatter["status"]?.string, document.frontMatter["version"]?.integer)
    }

    // MARK: Reading

    /// The access rules at `commitID` (none without a commit), or the refusal of `update`
    /// when they cannot be read: unknown rights refuse rather than allow.
    private func rulesReading(at commitID: String?, for update: RefUpdate) -> Result<AccessRules?, PushRefusal> {
        guard let commitID else { return .success(nil) }
        do {
            return .success(try accessRules(at: commitID))
        } catch {
            let finding = error as? Finding
            return .failure(
                PushRefusal(
                    reference: update.name, rule: "access.unreadable", subject: finding?.path ?? DocumentLayout.settingsPath,
                    message: "cannot be read, so no one's rights are known; an administrator of the server must fix it"
                        + (finding == nil ? " (\(error))" : ""),
                    findings: finding.map { [$0] } ?? []))
        }
    }

    /// The access rules of `Plans/workspace.yaml` at `commitID`; nil without `access:` or
    /// without the file. A file that cannot be read throws its ``Finding``.
    public func accessRules(at commitID: String) throws -> AccessRules? {
        guard let settings = try document(at: DocumentLayout.settingsPath, kind: .workspace, in: commitID) else {
            return nil
        }
        return AccessRules(settings: settings)
    }

    /// The document at `path` in a commit; nil when there is none; throws the reader's
    /// ``Finding`` when it cannot be read.
    private func document(at path: String, kind: DocumentKind, in commitID: String) throws -> Document? {
        guard let contentID = try history.contentID(of: path, at: commitID) else { return nil }
        let bytes = try history.contents(ofContent: contentID, path: path)
        let reference = kind == .workspace ? nil : DocumentLayout.place(of: path).reference
        switch DocumentReader().read(bytes, path: path, kind: kind, reference: reference, contentID: contentID) {
        case .success(let document): return document
        case .failure(let finding): throw finding
        }
    }

    /// `main` for `refs/heads/main`.
    static func shortName(_ reference: String) -> String {
        reference.hasPrefix("refs/heads/") ? String(reference.dropFirst("refs/heads/".count)) : reference
    }
}

extension DocumentLayout.Place {
    /// The reference a document's place gives it.
    fileprivate var reference: ItemReference? {
        if case .document(_, let reference) = self { return reference }
        return nil
    }
}
