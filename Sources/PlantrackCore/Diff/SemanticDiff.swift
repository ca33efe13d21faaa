/// One version of one file, as the differ is given it.
public struct DiffFile: Hashable, Sendable {
    /// The workspace-relative path.
    public var path: String
    /// The file's bytes.
    public var bytes: [UInt8]

    /// Creates a file version.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Which changes to keep: `--county`, `--kind`, `--item`.
public struct DiffFilter: Hashable, Sendable {
    public var county: String?
    public var kind: DocumentKind?
    /// An item reference (`stockholm/2021/bu-p1`) or a bare id (`bu-p1`).
    public var item: String?

    /// Creates a filter; nil keeps everything.
    public init(county: String? = nil, kind: DocumentKind? = nil, item: String? = nil) {
        self.county = county
        self.kind = kind
        self.item = item
    }

    /// Whether the change passes the filter.
    public func keeps(_ change: ItemChange) -> Bool {
        if let kind, change.kind != kind { return false }
        let names = [change.item] + (change.oldItem.map { [$0] } ?? [])
        let references = names.compactMap(ItemReference.init)
        if let county, !references.contains(where: { $0.county == county }) { return false }
        if let item {
            let matches = names.contains(item) || references.contains { $0.id == item }
            if !matches { return false }
        }
        return true
    }
}

/// The result of a comparison: what changed, item by item, and a summary per plan.
public struct DiffResult: Hashable, Sendable {
    /// The old side's label (`HEAD (1a2b3c4)`, `stockholm/2020 at HEAD`).
    public var from: String
    /// The new side's label.
    public var to: String
    /// The changed items, sorted by plan, kind and item.
    public var changes: [ItemChange]
    /// Problems met while listing or reading (not parsing: those are on the changes).
    public var findings: [Finding]
    /// Whether two plan years were compared (a removed item is then "not carried").
    public var comparesPlanYears = false

    /// Creates a result.
    public init(from: String, to: String, changes: [ItemChange], findings: [Finding] = []) {
        self.from = from
        self.to = to
        self.changes = changes
        self.findings = findings
    }

    /// The per-plan summary of ``changes``.
    public var summary: DiffSummary { DiffSummary(changes) }
}

/// The semantic comparison of plan documents: items matched by identity rather than path,
/// front matter compared field by field, bodies line by line and word by word.
public enum SemanticDiff {
    /// How sides are matched.
    public enum Mode: Hashable, Sendable {
        /// Two versions of a workspace: items match by `county/year/id`, then by
        /// `carried_from`, then by id alone (a file moved to another year).
        case revisions
        /// Two plan years: items match by id, then by `carried_from`.
        case planYears
    }

    /// Compares two versions of the documents below `Plans/`. Only files whose content
    /// differs are read and parsed (`Snapshot.changes(to:under:)`, which git snapshots
    /// answer by skipping equal subtrees); with `linkingItems`, also the plans of the goals
    /// that changed, on the new side, to count what links to them (``ItemChange/affects``).
    public static func compare(
        from old: some Snapshot, to new: some Snapshot, filter: DiffFilter = DiffFilter(),
        reader: DocumentReader = DocumentReader(), linkingItems: Bool = true
    ) throws -> DiffResult {
        let changes = try old.changes(to: new, under: DocumentLayout.plansFolder)
        var oldFiles: [DiffFile] = []
        var newFiles: [DiffFile] = []
        var findings: [Finding] = []
        for change in changes {
            guard case .document = DocumentLayout.place(of: change.path) else { continue }
            if let entry = change.old {
                if let bytes = try read(entry, from: old, findings: &findings) { oldFiles.append(DiffFile(path: entry.path, bytes: bytes)) }
            }
            if let entry = change.new {
                if let bytes = try read(entry, from: new, findings: &findings) { newFiles.append(DiffFile(path: entry.path, bytes: bytes)) }
            }
        }
        var result = compare(old: oldFiles, new: newFiles, mode: .revisions, filter: filter, reader: reader)
        result.from = old.label
        result.to = new.label
        result.findings = findings
        if linkingItems { try result.countLinkingItems(in: new, reader: reader) }
        return result
    }

    /// Compares two plan years (`stockholm/2020` and `stockholm/2021`), each read from its
    /// snapshot: every document in the two plan folders is read.
    public static func comparePlans(
        _ oldPlan: ItemReference, in old: some Snapshot, _ newPlan: ItemReference, in new: some Snapshot,
        filter: DiffFilter = DiffFilter(), reader: DocumentReader = DocumentReader()
    ) throws -> DiffResult {
        var findings: [Finding] = []
        func files(_ plan: ItemReference, _ snapshot: some Snapshot) throws -> [DiffFile] {
            let folder = "\(DocumentLayout.plansFolder)/\(plan.county)/\(plan.year.map(String.init) ?? "")"
            return try snapshot.entries(under: folder).compactMap { entry in
                guard case .document = DocumentLayout.place(of: entry.path) else { return nil }
                return try read(entry, from: snapshot, findings: &findings).map { DiffFile(path: entry.path, bytes: $0) }
            }
        }
        let oldFiles = try files(oldPlan, old)
        let newFiles = try files(newPlan, new)
        var result = compare(old: oldFiles, new: newFiles, mode: .planYears, filter: filter, reader: reader)
        // Between plan years everything is summarised under the new plan.
        for index in result.changes.indices where result.changes[index].plan != nil {
            result.changes[index].plan = newPlan.description
        }
        result.changes.sort { a, b in
            (a.kind, ItemReference(a.item)?.id ?? a.item) < (b.kind, ItemReference(b.item)?.id ?? b.item)
        }
        result.from = "\(oldPlan) (\(old.label))"
        result.to = "\(newPlan) (\(new.label))"
        result.findings = findings
        result.comparesPlanYears = true
        try result.countLinkingItems(in: new, reader: reader)
        return result
    }

    /// The bytes of one side's file, or nil with a finding when it cannot be read. A
    /// corrupted object throws instead: the damage is no difference between versions.
    private static func read(_ entry: SnapshotEntry, from snapshot: some Snapshot, findings: inout [Finding]) throws -> [UInt8]? {
        guard case .file = entry.kind else {
            findings.append(Finding(.warning, rule: "file.unreadable", path: entry.path, message: "is not a regular file; not compared"))
            return nil
        }
        do {
            return try snapshot.contents(of: entry)
        } catch {
            if case HistoryError.corrupted(let object, _, let detail) = error {
                throw SnapshotError(path: entry.path, message: "object \(object) is corrupted: \(detail)")
            }
            findings.append(Finding(.error, rule: "file.unreadable", path: entry.path, message: "\(error)"))
            return nil
        }
    }

    /// Compares one file's two versions (nil: the file does not exist on that side), as
    /// git's external diff driver is given them.
    public static func compareFile(path: String, old: [UInt8]?, new: [UInt8]?, reader: DocumentReader = DocumentReader()) -> DiffResult {
        let result = compare(
            old: old.map { [DiffFile(path: path, bytes: $0)] } ?? [],
            new: new.map { [DiffFile(path: path, bytes: $0)] } ?? [], mode: .revisions, reader: reader)
        return DiffResult(from: "a/\(path)", to: "b/\(path)", changes: result.changes)
    }

    /// Matches the documents of two sides and compares each pair.
    public static func compare(
        old: [DiffFile], new: [DiffFile], mode: Mode, filter: DiffFilter = DiffFilter(),
        reader: DocumentReader = DocumentReader()
    ) -> DiffResult {
        // Parsing and comparing are per document: both run on all cores.
        let before = ParallelMap.map(old) { Side($0, reader: reader) }
        let after = ParallelMap.map(new) { Side($0, reader: reader) }
        var oldUsed = Array(repeating: false, count: before.count)
        var newUsed = Array(repeating: false, count: after.count)
        var pairs: [(old: Int, new: Int, match: ItemChange.Match)] = []

        func pair(_ key: (Side) -> String?, _ match: ItemChange.Match, newKey: ((Side) -> String?)? = nil) {
            var index: [String: Int] = [:]
            for (i, side) in before.enumerated() where !oldUsed[i] {
                if let k = key(side), index[k] == nil { index[k] = i }
            }
            for (j, side) in after.enumerated() where !newUsed[j] {
                guard let k = newKey.map({ $0(side) }) ?? key(side), let i = index[k], !oldUsed[i] else { continue }
                oldUsed[i] = true
                newUsed[j] = true
                pairs.append((i, j, match))
            }
        }
        switch mode {
        case .revisions:
            pair({ $0.name }, .identity)
            pair({ $0.reference?.description }, .carriedFrom, newKey: { $0.carriedFrom })
            pair({ $0.movableKey }, .id)
        case .planYears:
            pair({ $0.yearKey }, .identity)
            pair({ $0.reference?.description }, .carriedFrom, newKey: { $0.carriedFrom })
        }

        var changes = ParallelMap.map(pairs.map { Pairing(old: before[$0.old], new: after[$0.new], match: $0.match) }) {
            compare($0.old, $0.new, match: $0.match, mode: mode)
        }.compactMap { $0 }
        changes += ParallelMap.map(before.indices.filter { !oldUsed[$0] }.map { before[$0] }) {
            single($0, change: .removed, mode: mode)
        }
        changes += ParallelMap.map(after.indices.filter { !newUsed[$0] }.map { after[$0] }) {
            single($0, change: .added, mode: mode)
        }
        changes = changes.filter(filter.keeps)
        changes.sort { a, b in
            (a.plan ?? "", a.kind, a.item, a.oldItem ?? "") < (b.plan ?? "", b.kind, b.item, b.oldItem ?? "")
        }
        return DiffResult(from: "old", to: "new", changes: changes)
    }

    /// Two sides found to be the same item.
    private struct Pairing: Sendable {
        var old: Side
        var new: Side
        var match: ItemChange.Match
    }

    private static func single(_ side: Side, change: ItemChange.Change, mode: Mode) -> ItemChange {
        let empty = ""
        let body: BodyDiff
        var text: BodyDiff?
        if side.document == nil {
            text = change == .added ? BodyDiff.lineDiff(empty, side.text) : BodyDiff.lineDiff(side.text, empty)
            body = BodyDiff(lines: [])
        } else {
            body = change == .added ? BodyDiff.lineDiff(empty, side.body) : BodyDiff.lineDiff(side.body, empty)
        }
        var result = ItemChange(
            item: side.name, kind: side.kind, change: change, path: side.file.path, body: body,
            oldStatus: change == .removed ? side.status : nil, newStatus: change == .added ? side.status : nil,
            problems: side.problems, text: text)
        result.title = side.title
        if mode == .planYears, change == .removed, side.kind == .activity || side.kind == .goal {
            let fields = side.document?.frontMatter
            result.notCarried = ItemChange.NotCarried(
                status: side.status, completed: fields?["completed"]?.string,
                reason: fields?["cancelled_reason"]?.string)
        }
        return result
    }

    private static func compare(_ a: Side, _ b: Side, match: ItemChange.Match, mode: Mode) -> ItemChange? {
        let moved: Bool
        switch match {
        case .carriedFrom, .id: moved = true
        case .identity: moved = mode == .revisions ? a.file.path != b.file.path : a.kind != b.kind
        }
        var change = ItemChange(
            item: b.name, oldItem: a.name == b.name ? nil : a.name, kind: b.kind, change: moved ? .moved : .modified,
            match: match, path: b.file.path, oldPath: a.file.path == b.file.path ? nil : a.file.path,
            oldStatus: a.status, newStatus: b.status, problems: a.problems + b.problems)
        change.title = b.title ?? a.title
        if let x = a.document, let y = b.document {
            change.fields = FieldDiff.compare(x.frontMatter, y.frontMatter)
            if b.kind == .goal { change.measurements = MeasurementChange.changes(x.frontMatter, y.frontMatter) }
            change.body = BodyDiff.compare(x.body, y.body)
            if !moved, change.fields.isEmpty, !change.body.isChanged { return nil }
        } else {
            if !moved, a.file.bytes == b.file.bytes { return nil }
            change.text = BodyDiff.lineDiff(a.text, b.text)
        }
        return change
    }
}

/// One side's file, parsed when it can be.
private struct Side {
    let file: DiffFile
    let kind: DocumentKind
    /// The reference the layout gives the file.
    let reference: ItemReference?
    let document: Document?
    let problems: [Finding]

    init(_ file: DiffFile, reader: DocumentReader) {
        self.file = file
        if case .document(let kind, let reference) = DocumentLayout.place(of: file.path) {
            self.kind = kind
            self.reference = reference
        } else {
            self.kind = .workspace
            self.reference = nil
        }
        switch reader.read(file.bytes, path: file.path, kind: kind, reference: reference) {
        case .success(let document):
            self.document = document
            self.problems = []
        case .failure(let finding):
            self.document = nil
            self.problems = [finding]
        }
    }

    /// The reference, or the path for documents without one of their own (a follow-up
    /// shares its plan's reference, and must not be taken for the plan).
    var name: String { kind == .followup ? file.path : reference?.description ?? file.path }
    var text: String { String(decoding: file.bytes, as: UTF8.self) }
    var body: String { document?.body ?? "" }
    var carriedFrom: String? { document?.frontMatter["carried_from"]?.string }
    /// The title, or a county's name.
    var title: String? { document.flatMap { $0.frontMatter["title"]?.string ?? $0.frontMatter["name"]?.string } }

    /// `county goal|activity id`: the same item in another year's folder.
    var movableKey: String? {
        guard kind == .goal || kind == .activity, let reference, let id = reference.id else { return nil }
        return "\(reference.county) \(id)"
    }

    /// The identity between two plan years: the id, or `plan` for the plan document.
    var yearKey: String? {
        switch kind {
        case .plan: return "plan"
        case .followup: return "followup"
        case .goal, .activity: return reference?.id
        case .county, .workspace: return file.path
        }
    }

    /// The activity's status or the goal's assessment.
    var status: String? {
        switch kind {
        case .activity: return document?.frontMatter["status"]?.string
        case .goal: return document.map { $0.frontMatter["assessment"]?.string ?? "not-assessed" }
        case .plan: return document?.frontMatter["status"]?.string
        case .county, .workspace, .followup: return nil
        }
    }
}

extension BodyDiff {
    /// A plain line diff, without word pairing: for whole files that could not be parsed.
    public static func lineDiff(_ old: String, _ new: String) -> BodyDiff {
        var line = 0
        return BodyDiff(
            lines: SequenceDiff.diff(splitLines(old), splitLines(new)).map { operation in
                switch operation {
                case .same(let text):
                    line += 1
                    return .same(text, line: line)
                case .removed(let text): return .removed(text)
                case .added(let text):
                    line += 1
                    return .added(text)
                }
            })
    }
}
