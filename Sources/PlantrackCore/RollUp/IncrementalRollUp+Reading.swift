// Reading documents and judging what each says on its own.

extension IncrementalRollUp {
    /// What a document's current content says, independent of the other documents.
    final class Verdict: Sendable {
        /// Rule ids of the errors met reading the file and validating it against its schema.
        let errorRules: [String]
        /// Plans this document refers to (`revises`, `carried_from`).
        let references: [ItemReference]
        /// The typed model, for plans, goals and activities that were read.
        let item: RollUp.Item?
        /// What the rules read from the document, when it was read.
        let facts: KindFacts?

        init(errorRules: [String], references: [ItemReference] = [], item: RollUp.Item? = nil, facts: KindFacts? = nil) {
            self.errorRules = errorRules
            self.references = references
            self.item = item
            self.facts = facts
        }
    }

    /// Reads and judges the documents of `paths` that have no verdict yet, on all cores: the
    /// bytes with them when the snapshot has a ``Snapshot/concurrentReader``, else in order
    /// on this thread (snapshots need not be thread-safe) while the last batch is parsed.
    ///
    /// A corrupted object gets no verdict: it becomes ``damage`` (the first one met), and
    /// nothing of it can reach the memo.
    mutating func readVerdicts(of paths: [String], schemas: DocumentSchemas) {
        guard damage == nil else { return }
        let wanted = Self.unread(paths, verdicts: verdicts, entries: entries)
        guard !wanted.isEmpty, let snapshot else { return }
        struct Work: Sendable {
            var entry: SnapshotEntry
            var kind: DocumentKind
            var reference: ItemReference?
            var bytes: Result<[UInt8], ReadFailure>?
        }
        let concurrent = snapshot.concurrentReader
        let reader = self.reader
        // In batches, so the bytes of a whole workspace are never held at once; the next
        // batch is read while the last one is parsed.
        var start = 0
        ParallelMap.pipeline(
            next: { () -> [Work]? in
                guard start < wanted.count else { return nil }
                var work: [Work] = []
                for placed in wanted[start..<min(start + 1024, wanted.count)] {
                    work.append(
                        Work(
                            entry: placed.entry, kind: placed.kind, reference: placed.reference,
                            bytes: concurrent == nil ? Self.load(placed.entry, with: snapshot.contents(of:)) : nil))
                }
                start += 1024
                return work
            },
            transform: { item -> Result<(Verdict, Document?), HistoryError> in
                let loaded =
                    item.bytes ?? concurrent.map { Self.load(item.entry, with: $0.contents(of:)) }
                    ?? .failure(
                        .finding(Finding(.error, rule: "file.unreadable", path: item.entry.path, message: "could not be read")))
                let bytes: Result<[UInt8], Finding>
                switch loaded {
                case .success(let read): bytes = .success(read)
                case .failure(.finding(let finding)): bytes = .failure(finding)
                case .failure(.corrupted(let error)): return .failure(error)
                }
                let result = bytes.flatMap { bytes in
                    reader.read(
                        bytes, path: item.entry.path, kind: item.kind, reference: item.reference,
                        contentID: item.entry.contentID)
                }
                let verdict = Self.verdict(of: result, schemas: schemas)
                // Only the settings document is kept: the rule options read it.
                return .success((verdict, item.kind == .workspace ? try? result.get() : nil))
            },
            consume: { work, results in
                parseCount += work.count
                for (item, outcome) in zip(work, results) {
                    switch outcome {
                    case .success(let (verdict, document)):
                        verdicts[item.entry.path] = verdict
                        if item.kind == .workspace { settings = document }
                    case .failure(let error):
                        if damage == nil { damage = error }
                    }
                }
            })
    }

    /// The files among `paths` that are read as documents and have no verdict yet, looked
    /// up on all cores (the tables are only read there).
    static func unread(_ paths: [String], verdicts: [String: Verdict], entries: [String: Placed]) -> [Placed] {
        ParallelMap.map(paths) { path -> Placed? in
            guard verdicts[path] == nil, let placed = entries[path], case .file = placed.entry.kind else { return nil }
            return placed
        }.compactMap { $0 }
    }

    /// Why a file's bytes were not read.
    enum ReadFailure: Error {
        /// The file cannot be read (a finding, as ``Workspace`` reports it).
        case finding(Finding)
        /// Its object is corrupted: no finding, the roll-up fails.
        case corrupted(HistoryError)
    }

    static func load(_ entry: SnapshotEntry, with read: (SnapshotEntry) throws -> [UInt8]) -> Result<[UInt8], ReadFailure> {
        do {
            return .success(try read(entry))
        } catch {
            if let corrupted = HistoryError.corruption(in: error) { return .failure(.corrupted(corrupted)) }
            return .failure(.finding(Workspace.finding(for: error, path: entry.path)))
        }
    }

    static func verdict(of result: Result<Document, Finding>, schemas: DocumentSchemas) -> Verdict {
        switch result {
        case .failure(let finding):
            return Verdict(errorRules: finding.severity == .error ? [finding.rule] : [])
        case .success(let document):
            let check = DocumentCheck(document, schemas: schemas)
            var references: [ItemReference] = []
            for key in ["revises", "carried_from"] {
                if let text = document.frontMatter[key]?.string, let plan = ItemReference(text)?.plan {
                    references.append(plan)
                }
            }
            return Verdict(
                errorRules: check.schemaRules, references: references,
                item: RollUp.Item(document: document)?.forFigures, facts: check.facts)
        }
    }
}
