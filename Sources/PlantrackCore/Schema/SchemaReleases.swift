/// The versions of the built-in schema files that plantrack has shipped, so that a
/// workspace's copy in `Schemas/` can be told apart (docs/cycle.md, "Schemas made by an
/// older plantrack"): the binary's own text, a text an earlier plantrack wrote (outdated:
/// `plantrack schemas update` replaces it) or a text no plantrack wrote (the county edited
/// it: kept, never overwritten unless asked).
public enum SchemaReleases {
    /// What a workspace's schema file is, compared with the binary's.
    public enum Standing: String, Hashable, Sendable {
        /// The text the binary has built in.
        case current
        /// A text an earlier plantrack shipped for this file.
        case outdated
        /// A file of a built-in name whose text no plantrack shipped: the county's edit.
        case edited
        /// A file that is not one of the built-in schemas (the county's own).
        case own
    }

    /// The git blob ids (`git rev-parse REV:Schemas/NAME`) of every version of each built-in
    /// schema file that plantrack has carried on main, oldest first; the last is the text
    /// built into this binary. When a schema in `Schemas/` changes, append its new id here
    /// and keep the old ones: workspaces made with them are then outdated, not "edited".
    /// A test checks the last id of each file is the built-in text's.
    static let shipped: [String: [String]] = [
        "activity.schema.json": [
            "f403958fd9811b29b29049a65c18b6a7b63f1d6e",
            "10539e70244fdc0245d395bd6fbf8312abaea703",  // #22: link_reviews
            "5f3eb44053525eab2a8dfe7df7a48378bf55cfce",  // #23: principal, target_groups
            "2f21397316761c11d14267ee7e3ff1a75ff9d9ef",  // #23: x-illustrative
        ],
        "common.schema.json": ["81635ac3865ab1a54b3d81c42542929085f88aa2"],
        "county.schema.json": [
            "64f24722e12cade8ec33bf358b324cbb85d083a5",
            "5a7edba4945d8e4e148239b5d7e1c4f942a593e0",  // #23: x-illustrative
        ],
        "followup.schema.json": ["ae4a330d2ce73429f934cc9042d76773e5c9f1bd"],  // #23: the follow-up (§6)
        "goal.schema.json": [
            "6939bba2620f2f776d5edd037bc32246631a1293",
            "e3ac9987d9faf6a98a44ec8e46add964112b9fdf",  // #21: indicator source (Kolada), provenance, performance
            "56c7d11b9ea9cd715efa4e12c9f19f241d0f09ec",  // #22: link_reviews
            "c83735afd2abaa0682e22dfede5f13a3ba71b135",  // #23: x-illustrative
        ],
        "plan.schema.json": [
            "d0f496d1d7432ac52024dd33a7f6594718a989d8",
            "a6a32296c7a3838ae33b7172b46e7616c521e7f2",  // #23: analysis; funding kind (§6.1) and principal
            "74400aace2a5e4370b5cb88f4e1ae275c82ef296",  // #23: x-illustrative
        ],
        "workspace.schema.json": [
            "d94dd4a6fad8dfdb24fbd7ef9bf1404fb5c510e1",  // 2130ba6: the first schemas
            "c7656fea3c9029ed07a041c2f37c26181b0d7919",  // 82eab81: a real rule id in the example
            "5a11631e9ec3653f1f97468cdd0abce9f4804bc8",  // #18: traffic_light thresholds
            "44253eeb9c975496e10d5e31281cad3e53def058",  // #20: access (plantrack guard)
            "c03b9ff9969303fe209c07bf9aee2cd12cf5e21a",  // #22: goal_meaning
            "74ebff375f3e8335679e0785596f61f9c5944975",  // #21: indicators.stale_after_months
            "3ae6f20502cc07612f8550a3faeb99ddeafe9abe",  // #21 + #22: goal_meaning and indicators together
        ],
    ]

    /// The built-in texts' blob ids, by file name (computed once).
    private static let builtInIDs: [String: String] = Dictionary(
        uniqueKeysWithValues: EmbeddedSchemas.files.map { ($0.name, GitBlobID.of(Array($0.text.utf8))) })

    /// The built-in text of the schema file `name`, if plantrack has one.
    public static func builtInText(of name: String) -> String? {
        EmbeddedSchemas.files.first { $0.name == name }?.text
    }

    /// What `bytes`, the workspace's copy of `Schemas/<name>`, is.
    public static func standing(of bytes: [UInt8], name: String) -> Standing {
        guard let builtIn = builtInIDs[name] else { return .own }
        let id = GitBlobID.ofText(bytes)
        if id == builtIn { return .current }
        return shipped[name]?.contains(id) == true ? .outdated : .edited
    }

    /// Built-in files whose text is not the last id listed in ``shipped``: a schema was
    /// changed without recording its new version (each with the id to append).
    public static var unrecorded: [(name: String, id: String)] {
        builtInIDs.sorted { $0.key < $1.key }.filter { shipped[$0.key]?.last != $0.value }.map { ($0.key, $0.value) }
    }

    /// The one finding of a workspace whose copies of the built-in schemas in `paths` were
    /// written by an earlier plantrack, or nil when there are none.
    static func outdatedFinding(_ paths: [String]) -> Finding? {
        guard let first = paths.first else { return nil }
        let names = paths.count == 1 ? first : paths.dropLast().joined(separator: ", ") + " and " + (paths.last ?? "")
        let one = paths.count == 1
        return Finding(
            .warning, rule: outdatedRule, path: first, location: SourceLocation(line: 1, column: 1),
            message: "\(names) \(one ? "was" : "were") written by an earlier plantrack: documents are checked "
                + "against \(one ? "this copy" : "these copies"), not this plantrack's newer "
                + "\(one ? "schema" : "schemas"), so fields added since are refused or not checked; run "
                + "'plantrack schemas update' to bring \(one ? "it" : "them") up to date (it shows what "
                + "changes and commits)")
    }

    /// The rule id of ``outdatedFinding(_:)``.
    public static let outdatedRule = "schemas.outdated"
}

/// What `plantrack schemas update` would change in a workspace's `Schemas/`.
public struct SchemaUpdate: Sendable {
    /// One file to replace with the built-in text.
    public struct Replacement: Sendable {
        /// Workspace-relative path, e.g. `Schemas/workspace.schema.json`.
        public var path: String
        /// What the file is now (outdated, or edited when asked to replace edits too).
        public var standing: SchemaReleases.Standing
        /// The file's bytes now.
        public var old: [UInt8]
        /// The built-in text's bytes.
        public var new: [UInt8]
    }

    /// The files to replace, in path order.
    public var replacements: [Replacement] = []
    /// Copies of built-in schemas the county edited, left as they are.
    public var keptEdited: [String] = []
    /// Copies of built-in schemas that are this plantrack's already.
    public var current: [String] = []

    /// Nothing to change.
    public init() {}

    /// What to do to the `Schemas/` of `snapshot`: replace each outdated copy of a built-in
    /// schema (and each edited one when `replacingEdited`) with the built-in text. Files
    /// that are current, the county's own schemas and built-in files the workspace does not
    /// carry are left alone.
    public static func plan(for snapshot: some Snapshot, replacingEdited: Bool) throws -> SchemaUpdate {
        var update = SchemaUpdate()
        for entry in try snapshot.entries(under: DocumentLayout.schemasFolder)
        where entry.kind == .file && entry.path.hasSuffix(".json")
            && !entry.path.dropFirst(DocumentLayout.schemasFolder.count + 1).contains("/")
        {
            let name = String(entry.path.dropFirst(DocumentLayout.schemasFolder.count + 1))
            let bytes = try snapshot.contents(of: entry)
            let standing = SchemaReleases.standing(of: bytes, name: name)
            guard let text = SchemaReleases.builtInText(of: name) else { continue }
            switch standing {
            case .outdated:
                update.replacements.append(Replacement(path: entry.path, standing: standing, old: bytes, new: Array(text.utf8)))
            case .edited where replacingEdited:
                update.replacements.append(Replacement(path: entry.path, standing: standing, old: bytes, new: Array(text.utf8)))
            case .edited:
                update.keptEdited.append(entry.path)
            case .current:
                update.current.append(entry.path)
            case .own:
                break
            }
        }
        return update
    }
}
