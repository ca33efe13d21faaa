/// A workspace kept up to date from one snapshot to the next by applying the files that
/// changed, re-parsing only documents whose blob was not parsed before.
///
/// Parsed documents are cached by blob id (and kind) while a path holds them, so a file
/// that is copied or moves is not parsed again; a blob no path holds any more is let go, so
/// memory follows the size of the workspace, not of its history. The result of
/// ``workspace(label:)`` has the same documents and reading findings as
/// ``Workspace/read(from:reader:)`` on the same snapshot.
public struct IncrementalWorkspace {
    private var entries: [String: SnapshotEntry] = [:]
    private var parsed: [String: Result<Document, Finding>] = [:]
    private var current: [String: Result<Document, Finding>] = [:]
    private var layoutFindings: [String: Finding] = [:]
    /// The cache key of each current path's blob, and how many paths hold each key.
    private var currentKeys: [String: String] = [:]
    private var holders: [String: Int] = [:]
    private var seeded: Set<String> = []
    private var released: [String] = []
    private let reader: DocumentReader
    /// How many documents were parsed (cache misses), for tests and progress.
    public private(set) var parseCount = 0

    /// Adds parsed documents (from a persistent cache) by ``DocumentCacheCoding/key(kind:blob:)``.
    public mutating func seed(_ documents: [String: Document]) {
        for (key, document) in documents where parsed[key] == nil {
            parsed[key] = .success(document)
            seeded.insert(key)
        }
    }

    /// The current documents the seeded cache did not have, by
    /// ``DocumentCacheCoding/key(kind:blob:)``: what a persistent cache should add.
    public var newlyParsed: [String: Document] {
        var documents: [String: Document] = [:]
        for (path, key) in currentKeys where !seeded.contains(key) {
            if case .success(let document) = current[path] { documents[key] = document }
        }
        return documents
    }

    /// Records that `path` holds `key` now (nil: nothing cached); a blob no path holds is
    /// let go at the end of ``apply(_:from:)`` (so a file that moves is not parsed again).
    private mutating func hold(_ key: String?, at path: String) {
        if let old = currentKeys.removeValue(forKey: path) {
            holders[old, default: 1] -= 1
            if holders[old] == 0 {
                holders[old] = nil
                released.append(old)
            }
        }
        if let key {
            currentKeys[path] = key
            holders[key, default: 0] += 1
        }
    }

    /// Creates an empty workspace.
    public init(reader: DocumentReader = DocumentReader()) {
        self.reader = reader
    }

    /// Applies the changes from the previous snapshot to `snapshot` (all of `Plans/` as
    /// added for the first one), reading changed documents from `snapshot`.
    ///
    /// Bytes are read in order (snapshots need not be thread-safe); documents not parsed
    /// before are then parsed on all cores.
    public mutating func apply(_ changes: [SnapshotChange], from snapshot: some Snapshot) {
        var pending: [Pending] = []
        for change in changes {
            entries[change.path] = nil
            current[change.path] = nil
            layoutFindings[change.path] = nil
            hold(nil, at: change.path)
            guard let entry = change.new else { continue }
            entries[change.path] = entry
            if let item = load(entry, from: snapshot) { pending.append(item) }
        }
        let reader = self.reader
        let results = ParallelMap.map(pending) { item in
            reader.read(item.bytes, path: item.path, kind: item.kind, reference: item.reference, contentID: item.blob)
        }
        parseCount += results.count
        for (item, result) in zip(pending, results) {
            if let key = item.key {
                parsed[key] = result
                hold(key, at: item.path)
            }
            current[item.path] = result
        }
        for key in released where holders[key] == nil {
            parsed[key] = nil
            seeded.remove(key)
        }
        released = []
    }

    /// The paths of `Plans/` as they stand, each with its document or the reason it could
    /// not be read; files the layout ignores are not here.
    var results: [String: Result<Document, Finding>] { current }

    /// Findings on files that were not read: links, unreadable entries, misplaced files.
    var fileFindings: [String: Finding] { layoutFindings }

    /// Every document below `Plans/` of `snapshot`, as changes from nothing.
    public static func allAdded(in snapshot: some Snapshot) throws -> [SnapshotChange] {
        try snapshot.entries(under: DocumentLayout.plansFolder).map {
            SnapshotChange(path: $0.path, kind: .added, old: nil, new: $0)
        }
    }

    /// A document whose bytes were read and wait to be parsed.
    private struct Pending: Sendable {
        var path: String
        var kind: DocumentKind
        var reference: ItemReference?
        var blob: String?
        var key: String?
        var bytes: [UInt8]
    }

    /// Records what is known of `entry` without parsing: a finding, a cached document, or
    /// the bytes to parse (returned).
    private mutating func load(_ entry: SnapshotEntry, from snapshot: some Snapshot) -> Pending? {
        if case .unreadable(let reason) = entry.kind {
            layoutFindings[entry.path] = Finding(.error, rule: "file.unreadable", path: entry.path, message: reason)
            return nil
        }
        switch DocumentLayout.place(of: entry.path) {
        case .ignored:
            return nil
        case .misplaced:
            layoutFindings[entry.path] = Finding(
                .warning, rule: "layout.misplaced", path: entry.path,
                message: "this Markdown file is not where any document belongs (Plans/<county>/county.md, "
                    + "Plans/<county>/<year>/plan.md, .../goals/<id>.md, .../activities/<id>.md); it is not read")
            return nil
        case .document(let kind, let reference):
            switch entry.kind {
            case .symlink(let target):
                layoutFindings[entry.path] = Finding(
                    .error, rule: "file.symlink", path: entry.path,
                    message: "is a symbolic link (to \(target)); plantrack never follows links: put the document itself here")
                return nil
            case .other, .unreadable:
                layoutFindings[entry.path] = Finding(.error, rule: "file.unreadable", path: entry.path,
                                                     message: "is not a regular file")
                return nil
            case .file:
                break
            }
            let key = entry.contentID.map { DocumentCacheCoding.key(kind: kind, blob: $0) }
            if let key, let cached = parsed[key] {
                current[entry.path] = Self.restamp(cached, path: entry.path, reference: reference)
                hold(key, at: entry.path)
                return nil
            }
            do {
                let bytes = try snapshot.contents(of: entry)
                return Pending(path: entry.path, kind: kind, reference: reference, blob: entry.contentID, key: key, bytes: bytes)
            } catch let error as SnapshotError {
                current[entry.path] = .failure(Finding(.error, rule: "file.unreadable", path: error.path, message: error.message))
            } catch {
                current[entry.path] = .failure(Finding(.error, rule: "file.unreadable", path: entry.path, message: "\(error)"))
            }
            return nil
        }
    }

    private static func restamp(
        _ result: Result<Document, Finding>, path: String, reference: ItemReference?
    ) -> Result<Document, Finding> {
        switch result {
        case .success(var document):
            document.path = path
            document.reference = reference
            return .success(document)
        case .failure(var finding):
            finding.path = path
            return .failure(finding)
        }
    }

    /// The workspace as it stands, labelled `label`.
    public func workspace(label: String) -> Workspace {
        var documents: [Document] = []
        var findings = Array(layoutFindings.values)
        for path in current.keys.sorted(by: { $0.precedesInByteOrder($1) }) {
            switch current[path] {
            case .success(let document): documents.append(document)
            case .failure(let finding): findings.append(finding)
            case nil: break
            }
        }
        findings.sort(by: Finding.fileOrder)
        return Workspace(label: label, documents: documents, findings: findings)
    }
}
