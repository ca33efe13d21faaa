/// The documents of a workspace at one moment (working tree, index or commit), with the
/// findings met while reading them.
///
/// Reading never stops at a bad file: each unreadable or unparsable file becomes a finding
/// and the others are read.
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
    /// becomes a finding on that file. Parsing runs on all cores.
    public static func read(from snapshot: some Snapshot, reader: DocumentReader = DocumentReader()) -> Workspace {
        var findings: [Finding] = []
        let entries: [SnapshotEntry]
        do {
            entries = try snapshot.entries(under: DocumentLayout.plansFolder)
        } catch {
            findings.append(Self.finding(for: error, path: DocumentLayout.plansFolder))
            return Workspace(label: snapshot.label, documents: [], findings: findings)
        }

        // Classify and read the bytes in order (snapshots need not be thread-safe), then
        // parse in parallel; a snapshot that may be read from several threads (the working
        // tree) is read in the parallel part too, where its system calls overlap.
        let concurrent = snapshot as? any ConcurrentlyReadableSnapshot
        var pending: [(entry: SnapshotEntry, kind: DocumentKind, reference: ItemReference?, bytes: [UInt8]?)] = []
        for entry in entries {
            if case .unreadable(let reason) = entry.kind {
                findings.append(Finding(.error, rule: "file.unreadable", path: entry.path, message: reason))
                continue
            }
            switch DocumentLayout.place(of: entry.path) {
            case .ignored:
                continue
            case .misplaced:
                findings.append(Finding(
                    .warning, rule: "layout.misplaced", path: entry.path,
                    message: "this Markdown file is not where any document belongs (Plans/<county>/county.md, "
                        + "Plans/<county>/<year>/plan.md, .../goals/<id>.md, .../activities/<id>.md); it is not read"))
                continue
            case .document(let kind, let reference):
                switch entry.kind {
                case .symlink(let target):
                    findings.append(Finding(
                        .error, rule: "file.symlink", path: entry.path,
                        message: "is a symbolic link (to \(target)); plantrack never follows links: put the document itself here"))
                    continue
                case .other, .unreadable:
                    findings.append(Finding(.error, rule: "file.unreadable", path: entry.path,
                                            message: "is not a regular file"))
                    continue
                case .file:
                    break
                }
                if let size = entry.size, size > reader.maxSize {
                    findings.append(Finding(
                        .error, rule: "file.too-large", path: entry.path,
                        message: "the file is \(size) bytes; documents may be at most \(reader.maxSize) bytes (1 MiB)"))
                    continue
                }
                if concurrent != nil {
                    pending.append((entry, kind, reference, nil))
                    continue
                }
                do {
                    let bytes = try snapshot.contents(of: entry)
                    pending.append((entry, kind, reference, bytes))
                } catch {
                    findings.append(Self.finding(for: error, path: entry.path))
                }
            }
        }

        let results = ParallelMap.map(pending) { item -> Result<Document, Finding> in
            var bytes = item.bytes ?? []
            if item.bytes == nil, let concurrent {
                do {
                    bytes = try concurrent.contents(of: item.entry)
                } catch {
                    return .failure(Self.finding(for: error, path: item.entry.path))
                }
            }
            return reader.read(bytes, path: item.entry.path, kind: item.kind, reference: item.reference,
                               contentID: item.entry.contentID)
        }
        var documents: [Document] = []
        documents.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(let document): documents.append(document)
            case .failure(let finding): findings.append(finding)
            }
        }
        findings.sort(by: Finding.fileOrder)
        return Workspace(label: snapshot.label, documents: documents, findings: findings)
    }

    private static func finding(for error: any Error, path: String) -> Finding {
        if let error = error as? SnapshotError {
            return Finding(.error, rule: "file.unreadable", path: error.path, message: error.message)
        }
        return Finding(.error, rule: "file.unreadable", path: path, message: "\(error)")
    }
}
