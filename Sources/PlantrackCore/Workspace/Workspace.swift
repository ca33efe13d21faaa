/// The documents of a workspace at one moment (working tree, index or commit), with the
/// findings met while reading them.
///
/// Reading never stops at a bad file: each unreadable or unparsable file becomes a finding
/// and the others are read. A corrupted object of a commit or the index is no bad file but a
/// damaged repository: reading throws it (``HistoryError/corrupted(object:path:detail:)``).
public struct Workspace: Sendable {
    /// Where the documents were read from (`working tree`, `index`, `HEAD (1a2b3c4)`).
    public var label: String
    /// The documents that were read and parsed, sorted by path.
    public var documents: [Document]
    /// Problems met while listing, reading and parsing files.
    public var findings: [Finding]

    /// Creates a workspace from parts (tests build them this way).
    public init(label: String, documents: [Document], findings: [Finding] = []) {
        self.label = label
        self.documents = documents
        self.findings = findings
    }

    /// Reads every document below `Plans/` of a snapshot.
    ///
    /// Listing errors become a finding on the folder; each file's read or parse error
    /// becomes a finding on that file. Parsing runs on all cores. Throws only for a
    /// corrupted object (``HistoryError/corrupted(object:path:detail:)``).
    public static func read(from snapshot: some Snapshot, reader: DocumentReader = DocumentReader()) throws -> Workspace {
        let read = try Self.read(from: snapshot, reader: reader) { $0 }
        return Workspace(label: read.label, documents: read.kept, findings: read.findings)
    }

    /// The front matter of `Plans/workspace.yaml` in a snapshot, read alone (a roll-up that
    /// reads figures from a memo still needs the language); nil when the file is missing or
    /// cannot be read (`validate` reports why).
    public static func settings(of snapshot: some Snapshot, reader: DocumentReader = DocumentReader()) -> YAMLMapping? {
        let path = DocumentLayout.settingsPath
        guard let bytes = try? snapshot.contents(of: SnapshotEntry(path: path, kind: .file)),
            case .success(let document) = reader.read(bytes, path: path, kind: .workspace, reference: nil)
        else { return nil }
        return document.frontMatter
    }

    /// Reads every document below `Plans/` of a snapshot and keeps what `keep` makes of
    /// each, in path order, with the findings met reading (sorted in file order).
    ///
    /// `keep` runs on the thread that parsed the document, right after parsing: a command
    /// that needs only a little of each document (``WorkspaceValidator``) never holds the
    /// whole workspace's trees, and works on each while it is still in the cache. Throws
    /// only for a corrupted object (``HistoryError/corrupted(object:path:detail:)``).
    public static func read<Kept: Sendable>(
        from snapshot: some Snapshot, reader: DocumentReader = DocumentReader(),
        keeping keep: @Sendable (Document) -> Kept
    ) throws -> (label: String, kept: [Kept], findings: [Finding]) {
        var findings: [Finding] = []
        let entries: [SnapshotEntry]
        do {
            entries = try snapshot.entries(under: DocumentLayout.plansFolder)
        } catch {
            if let corrupted = HistoryError.corruption(in: error) { throw corrupted }
            findings.append(Self.finding(for: error, path: DocumentLayout.plansFolder))
            return (snapshot.label, [], findings)
        }

        // Read the bytes in order (snapshots need not be thread-safe), then parse in
        // parallel; a snapshot with a concurrent reader (the working tree, a commit) is read
        // in the parallel part too, where its reads overlap.
        let concurrent = snapshot.concurrentReader
        var pending: [(entry: SnapshotEntry, kind: DocumentKind, reference: ItemReference?, bytes: [UInt8]?)] = []
        pending.reserveCapacity(entries.count)
        // Where each entry belongs is worked out on all cores (a national workspace has tens
        // of thousands of paths); what is read is then collected in order.
        let maxSize = reader.maxSize
        let placements = ParallelMap.map(entries) { Self.placement(of: $0, maxSize: maxSize) }
        for (entry, placement) in zip(entries, placements) {
            switch placement {
            case .ignored:
                continue
            case .finding(let finding):
                findings.append(finding)
            case .document(let kind, let reference):
                if concurrent != nil {
                    pending.append((entry, kind, reference, nil))
                    continue
                }
                do {
                    let bytes = try snapshot.contents(of: entry)
                    pending.append((entry, kind, reference, bytes))
                } catch {
                    if let corrupted = HistoryError.corruption(in: error) { throw corrupted }
                    findings.append(Self.finding(for: error, path: entry.path))
                }
            }
        }

        // The outer failure is a corrupted object, which ends the reading.
        let results = ParallelMap.map(pending) { item -> Result<Result<Kept, ReadingFailure>, HistoryError> in
            var bytes = item.bytes ?? []
            if item.bytes == nil, let concurrent {
                do {
                    bytes = try concurrent.contents(of: item.entry)
                } catch {
                    if let corrupted = HistoryError.corruption(in: error) { return .failure(corrupted) }
                    return .success(.failure(ReadingFailure(findings: [Self.finding(for: error, path: item.entry.path)])))
                }
            }
            return .success(
                reader.read(
                    bytes, path: item.entry.path, kind: item.kind, reference: item.reference,
                    contentID: item.entry.contentID
                )
                .map(keep)
                .mapError { finding in
                    // A file with conflict markers: one finding at each marker line.
                    guard finding.rule == ConflictMarkers.rule else { return ReadingFailure(findings: [finding]) }
                    return ReadingFailure(findings: ConflictMarkers.findings(in: bytes[...], path: item.entry.path))
                })
        }
        var kept: [Kept] = []
        kept.reserveCapacity(results.count)
        for result in results {
            switch try result.get() {
            case .success(let value): kept.append(value)
            case .failure(let failure): findings += failure.findings
            }
        }
        findings.sort(by: Finding.fileOrder)
        return (snapshot.label, kept, findings)
    }

    /// Where an entry of the listing belongs.
    private enum Placement: Sendable {
        /// Not a document (a file the layout does not look at).
        case ignored
        /// Not read: why.
        case finding(Finding)
        /// A document file to read.
        case document(DocumentKind, ItemReference?)
    }

    private static func placement(of entry: SnapshotEntry, maxSize: Int) -> Placement {
        let place = DocumentLayout.place(of: entry.path)
        if let finding = layoutFinding(for: entry, at: place) { return .finding(finding) }
        guard case .document(let kind, let reference) = place else { return .ignored }
        if let size = entry.size, size > maxSize {
            return .finding(
                Finding(
                    .error, rule: "file.too-large", path: entry.path,
                    message: "the file is \(size) bytes; documents may be at most \(maxSize) bytes (1 MiB)"))
        }
        return .document(kind, reference)
    }

    /// What is wrong with a listed entry before anything is read: a folder that could not
    /// be listed, a Markdown file where no document belongs, a link or a special file where
    /// a document belongs. nil for a regular document file and for what the layout ignores.
    /// (``IncrementalRollUp`` takes in entries the same way.)
    static func layoutFinding(for entry: SnapshotEntry, at place: DocumentLayout.Place) -> Finding? {
        if case .unreadable(let reason) = entry.kind {
            return Finding(.error, rule: "file.unreadable", path: entry.path, message: reason)
        }
        switch place {
        case .ignored:
            return nil
        case .misplaced:
            return Finding(
                .warning, rule: "layout.misplaced", path: entry.path,
                message: "this Markdown file is not where any document belongs (Plans/<county>/county.md, "
                    + "Plans/<county>/<year>/plan.md, .../followup.md, .../goals/<id>.md, .../activities/<id>.md); "
                    + "it is not read")
        case .document:
            switch entry.kind {
            case .symlink(let target):
                return Finding(
                    .error, rule: "file.symlink", path: entry.path,
                    message: "is a symbolic link (to \(target)); plantrack never follows links: put the document itself here")
            case .other, .unreadable:
                return Finding(.error, rule: "file.unreadable", path: entry.path, message: "is not a regular file")
            case .file:
                return nil
            }
        }
    }

    /// The finding for a file or folder that could not be read (``IncrementalRollUp`` reads
    /// the same way): at the path a ``SnapshotError`` names, else at `path`.
    static func finding(for error: any Error, path: String) -> Finding {
        if let error = error as? SnapshotError {
            return Finding(.error, rule: "file.unreadable", path: error.path, message: error.message)
        }
        return Finding(.error, rule: "file.unreadable", path: path, message: "\(error)")
    }
}

/// The findings of a document that could not be read (several for conflict markers).
private struct ReadingFailure: Error {
    var findings: [Finding]
}
