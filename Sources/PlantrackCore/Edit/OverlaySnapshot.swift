/// A snapshot with some files replaced or added: the workspace as it would be after an
/// edit, so the edit is validated before anything is written.
public struct OverlaySnapshot<Base: Snapshot>: Snapshot {
    /// The snapshot underneath.
    public let base: Base
    /// New contents by workspace-relative path (replacing or adding files).
    public var files: [String: [UInt8]]

    /// Creates an overlay of `files` on `base`.
    public init(_ base: Base, files: [String: [UInt8]]) {
        self.base = base
        self.files = files
    }

    public var label: String { "\(base.label) with the edit applied" }

    public func entries(under directory: String) throws -> [SnapshotEntry] {
        let prefix = directory + "/"
        var entries = try base.entries(under: directory).filter { files[$0.path] == nil }
        for (path, bytes) in files where path.hasPrefix(prefix) {
            entries.append(SnapshotEntry(path: path, kind: .file, size: bytes.count))
        }
        return entries.sorted { $0.path.precedesInByteOrder($1.path) }
    }

    public func contents(of entry: SnapshotEntry) throws -> [UInt8] {
        if let bytes = files[entry.path] { return bytes }
        return try base.contents(of: entry)
    }
}

/// Checks an edit before it is written: the errors the edited workspace has that the
/// workspace before the edit did not.
public struct EditCheck {
    /// The validator (schemas of the workspace, the day overdue rules judge against).
    public var validator: WorkspaceValidator
    /// The validator of the edited workspace when the edit changes its schemas; nil: the
    /// same as ``validator``.
    public var afterValidator: WorkspaceValidator?

    /// Creates a check with the workspace's schemas (and, for an edit of `Schemas/`, the
    /// edited workspace's).
    public init(validator: WorkspaceValidator, afterValidator: WorkspaceValidator? = nil) {
        self.validator = validator
        self.afterValidator = afterValidator
    }

    /// The error findings of `after` that `before` does not have (compared by file, rule,
    /// place in the document and message, not by line, since an edit moves lines). A
    /// corrupted object is thrown (see ``Workspace``).
    public func newErrors(before: some Snapshot, after: some Snapshot) throws -> [Finding] {
        let errors = { (workspace: Workspace, validator: WorkspaceValidator) in
            validator.validate(workspace).findings.filter { $0.severity == .error }
        }
        let found = errors(try Workspace.read(from: after), afterValidator ?? validator)
        // The usual case, a clean result, needs no second validation.
        guard !found.isEmpty else { return [] }
        let old = Set(errors(try Workspace.read(from: before), validator).map(FindingKey.init))
        return found.filter { !old.contains(FindingKey($0)) }
    }
}

/// A finding without its line and column.
private struct FindingKey: Hashable {
    var path: String, rule: String, pointer: String?, message: String

    init(_ finding: Finding) {
        path = finding.path
        rule = finding.rule
        pointer = finding.pointer
        message = finding.message
    }
}
