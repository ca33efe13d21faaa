/// One place where the two sides of a merge changed the same thing differently.
public struct MergeConflict: Hashable, Sendable, CustomStringConvertible {
    /// What the conflict is about.
    public enum Place: Hashable, Sendable {
        /// A front-matter field, by its key path as `plantrack diff` names it
        /// (`status`, `tasks[Ta fram stödmaterial].done`, `indicators[bu-i1].target`).
        case field(String)
        /// Lines of the Markdown body.
        case body
        /// The whole file: deleted on one side and changed on the other, or merged line by
        /// line because a side could not be parsed.
        case file
    }

    /// What the conflict is about.
    public var place: Place
    /// The base's value (JSON text for a field, lines for the body); nil when absent.
    public var base: String?
    /// Our value; nil when our side deleted it.
    public var ours: String?
    /// Their value; nil when their side deleted it.
    public var theirs: String?
    /// The line of the `<<<<<<< ours` marker in the merged text; nil when no markers were
    /// written (a file deleted on one side keeps the changed side's text whole).
    public var line: Int?

    /// Creates a conflict.
    public init(place: Place, base: String?, ours: String?, theirs: String?, line: Int?) {
        self.place = place
        self.base = base
        self.ours = ours
        self.theirs = theirs
        self.line = line
    }

    /// The place as text: the key path, `body` or `file`.
    public var name: String {
        switch place {
        case .field(let path): return path
        case .body: return "body"
        case .file: return "file"
        }
    }

    /// `status: base "planned", ours "done", theirs "delayed"`.
    public var description: String {
        func show(_ value: String?) -> String { value.map { $0.isEmpty ? "(empty)" : $0 } ?? "(absent)" }
        return "\(name): base \(show(base)), ours \(show(ours)), theirs \(show(theirs))"
    }
}

/// What merging one file's three versions gave.
public struct MergeResult: Hashable, Sendable {
    /// The merged bytes, with conflict markers where ``conflicts`` are; nil when the file is
    /// deleted (deleted on one side and unchanged on the other, or on both).
    public var bytes: [UInt8]?
    /// The conflicts left, in file order.
    public var conflicts: [MergeConflict]
    /// Why the file was merged line by line as a whole rather than field by field (a side
    /// could not be parsed), or nil.
    public var fallback: String?

    /// Whether the merge left no conflict.
    public var isClean: Bool { conflicts.isEmpty }

    /// Creates a result.
    public init(bytes: [UInt8]?, conflicts: [MergeConflict] = [], fallback: String? = nil) {
        self.bytes = bytes
        self.conflicts = conflicts
        self.fallback = fallback
    }
}

/// The three-way merge of one workspace file, field by field: what `plantrack merge-driver`
/// runs for git, and what a sync runs for every file both sides changed.
///
/// - A plan document (`Plans/**/*.md`) merges its front matter by key path (lists of records
///   by the keys `plantrack diff` uses, ``FieldDiff/recordKeys``; lists of plain values as
///   sets) and its body line by line (``LineMerge``).
/// - `Plans/workspace.yaml` merges as front matter without a body.
/// - Any other file, or a document a side of which cannot be parsed, merges line by line as a
///   whole (``MergeResult/fallback`` says why).
///
/// Their changes are applied onto our text with ``FrontMatterEditor``, the in-place editor
/// `update` uses, so every line neither side touched keeps its bytes. A field both sides
/// changed to different values keeps our lines and theirs between conflict markers; nothing
/// else is wrapped. See docs/merge.md.
public enum DocumentMerge {
    /// The merge of a file as a whole, without looking inside: the one side's version when
    /// only that side changed it, either when both made the same change; otherwise (both
    /// changed it differently, or one deleted what the other changed) a conflict on the whole
    /// file that keeps our version, or theirs when ours is deleted.
    public static func mergeWhole(base: [UInt8]?, ours: [UInt8]?, theirs: [UInt8]?) -> MergeResult {
        if ours == theirs { return MergeResult(bytes: ours) }
        if ours == base { return MergeResult(bytes: theirs) }
        if theirs == base { return MergeResult(bytes: ours) }
        return MergeResult(
            bytes: ours ?? theirs,
            conflicts: [
                MergeConflict(
                    place: .file, base: base == nil ? nil : "the file", ours: ours == nil ? nil : "changed",
                    theirs: theirs == nil ? nil : "changed", line: nil)
            ])
    }

    /// Merges the versions of the file at `path` (workspace-relative). A nil version is a
    /// file that does not exist on that side: no base means added on both sides.
    public static func merge(path: String, base: [UInt8]?, ours: [UInt8]?, theirs: [UInt8]?) -> MergeResult {
        guard let ours, let theirs, ours != theirs, ours != base, theirs != base else {
            return mergeWhole(base: base, ours: ours, theirs: theirs)
        }
        let bareYAML: Bool
        switch DocumentLayout.place(of: path) {
        case .document(.workspace, _): bareYAML = true
        case .document: bareYAML = false
        case .misplaced, .ignored: return lineMerge(base: base, ours: ours, theirs: theirs, fallback: nil)
        }
        do {
            return try FieldMerge.merge(base: base, ours: ours, theirs: theirs, bareYAML: bareYAML)
        } catch {
            return lineMerge(base: base, ours: ours, theirs: theirs, fallback: error.description)
        }
    }

    /// The whole files merged line by line.
    static func lineMerge(base: [UInt8]?, ours: [UInt8], theirs: [UInt8], fallback: String?) -> MergeResult {
        guard let o = String(validating: ours, as: UTF8.self), let t = String(validating: theirs, as: UTF8.self),
            let b = base.map({ String(validating: $0, as: UTF8.self) }) ?? ""
        else {
            return MergeResult(
                bytes: ours,
                conflicts: [MergeConflict(place: .file, base: nil, ours: "not UTF-8 text", theirs: "not UTF-8 text", line: nil)],
                fallback: fallback ?? "a side is not UTF-8 text")
        }
        let regions = LineMerge.merge(base: LineMerge.lines(b[...]), ours: LineMerge.lines(o[...]), theirs: LineMerge.lines(t[...]))
        let (text, markers) = LineMerge.render(regions, newline: LineMerge.newline(of: o[...]))
        var conflicts: [MergeConflict] = []
        for case .conflict(let ours, let base, let theirs) in regions {
            conflicts.append(
                MergeConflict(
                    place: .file, base: base.joined(), ours: ours.joined(), theirs: theirs.joined(),
                    line: markers[conflicts.count]))
        }
        return MergeResult(bytes: Array(text.utf8), conflicts: conflicts, fallback: fallback)
    }
}
