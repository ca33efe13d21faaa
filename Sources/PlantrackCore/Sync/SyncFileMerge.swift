/// How `plantrack sync` merges one file that both sides changed while it replays a local
/// commit on the remote's tip (docs/sync.md).
///
/// - Documents below `Plans/` (`.md`, and `.yaml` such as `Plans/workspace.yaml`) merge
///   field by field with ``DocumentMerge``.
/// - Any other file (a schema, a README) merges only when both sides made the same change;
///   otherwise it is a conflict on the whole file and our (the local) version is kept in
///   the working tree for the user to settle. A line merge of JSON schemas could give text
///   that is valid line by line but not a schema, so sync does not try.
public enum SyncFileMerge {
    /// Whether `path` is merged field by field.
    public static func mergesByField(_ path: String) -> Bool {
        path.hasPrefix(DocumentLayout.plansFolder + "/") && (path.hasSuffix(".md") || path.hasSuffix(".yaml"))
    }

    /// Merges the versions of the file at `path`; a nil version is a file absent on that side.
    public static func merge(path: String, base: [UInt8]?, ours: [UInt8]?, theirs: [UInt8]?) -> MergeResult {
        if mergesByField(path) { return DocumentMerge.merge(path: path, base: base, ours: ours, theirs: theirs) }
        return DocumentMerge.mergeWhole(base: base, ours: ours, theirs: theirs)
    }

    /// The conflict markers left in `bytes`, as `path:line` places; empty when none remain.
    public static func remainingMarkers(in bytes: [UInt8], path: String) -> [String] {
        ConflictMarkers.find(in: bytes[...]).map { "\(path):\($0.location.line)" }
    }
}
