/// Who may change what in a shared repository: the `access:` mapping of
/// `Plans/workspace.yaml`, as `Schemas/workspace.schema.json` defines it.
///
/// ```yaml
/// access:
///   admins: [nationell]          # may change everything
///   counties:
///     stockholm: [anna, bo]      # may change Plans/stockholm/
///   protected_branches: [release]
/// ```
///
/// A county's identities may change the files below `Plans/<county>/`; admins may change
/// every file. Everything else (`Schemas/`, `Plans/workspace.yaml`, files outside a county
/// folder) is for admins only. A workspace without `access:` has no ``AccessRules`` and
/// allows every identity (``PushGuard``).
public struct AccessRules: Hashable, Sendable {
    /// The identities that may change every file.
    public var admins: [String]
    /// Per county id (its folder below `Plans/`), the identities that may change its files.
    public var counties: [String: [String]]
    /// Branches protected besides the repository's default one, in full
    /// (`refs/heads/release`).
    public var protectedBranches: [String]

    /// Creates rules.
    public init(admins: [String] = [], counties: [String: [String]] = [:], protectedBranches: [String] = []) {
        self.admins = admins
        self.counties = counties
        self.protectedBranches = protectedBranches.map(Self.branchReference)
    }

    /// The rules of a workspace settings document; nil when it has no `access:` key.
    ///
    /// Read leniently, the way the model reads: a value of the wrong type reads as absent
    /// (the schema reports it), which only ever takes rights away. An `access:` that is not
    /// a mapping, or a list entry that is not text, grants nothing.
    public init?(settings: Document) {
        guard let node = settings.frontMatter["access"] else { return nil }
        let mapping = node.mapping ?? YAMLMapping()
        func identities(_ node: YAMLNode?) -> [String] {
            (node?.sequence ?? []).compactMap(\.string).filter { !$0.isEmpty }
        }
        var counties: [String: [String]] = [:]
        for entry in mapping["counties"]?.mapping?.entries ?? [] {
            counties[entry.key] = identities(entry.value)
        }
        self.init(
            admins: identities(mapping["admins"]), counties: counties,
            protectedBranches: identities(mapping["protected_branches"]))
    }

    /// `refs/heads/NAME` for a branch written `NAME`; a full reference name stays as it is.
    public static func branchReference(_ name: String) -> String {
        name.hasPrefix("refs/") ? name : "refs/heads/" + name
    }

    /// The county whose folder `path` lies in (`Plans/<county>/…`, not the settings file);
    /// nil for every other path.
    public static func county(owning path: String) -> String? {
        guard path != DocumentLayout.settingsPath else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0] == DocumentLayout.plansFolder, !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }

    /// Whether `identity` is an admin.
    public func isAdmin(_ identity: String?) -> Bool {
        guard let identity else { return false }
        return admins.contains(identity)
    }

    /// Whether `identity` may change files of `county`: the county's identities and admins.
    public func mayChange(county: String, as identity: String?) -> Bool {
        guard let identity else { return false }
        return isAdmin(identity) || counties[county]?.contains(identity) == true
    }

    /// Whether `identity` (nil: the push has none) may change the file at `path`.
    public func mayChange(path: String, as identity: String?) -> Bool {
        if let county = Self.county(owning: path) { return mayChange(county: county, as: identity) }
        return isAdmin(identity)
    }

    /// Who may change files of `county`, for messages: `uppsala's identities (eva) and
    /// admins (nationell)`.
    public func owners(ofCounty county: String) -> String {
        let people = counties[county] ?? []
        let countyPart =
            people.isEmpty
            ? "no identity of \(county) (access.counties.\(county) lists none)"
            : "\(county)'s identities (\(people.joined(separator: ", ")))"
        return countyPart + " and " + adminsPhrase
    }

    /// Who may change a file at `path`, for messages.
    public func owners(of path: String) -> String {
        if let county = Self.county(owning: path) { return owners(ofCounty: county) }
        return adminsPhrase + " only"
    }

    /// `admins (nationell)`, or a note that there are none.
    private var adminsPhrase: String {
        admins.isEmpty ? "admins (access.admins lists none)" : "admins (\(admins.joined(separator: ", ")))"
    }

    /// Who `identity` is, for messages: `anna (stockholm)`, `nationell (admin)`, `olle (no
    /// county)`, or `nobody: the push has no identity …`.
    public func describe(_ identity: String?) -> String {
        guard let identity else {
            return "no one: the push carries no identity (the server set none of REMOTE_USER, GL_USER, GL_USERNAME)"
        }
        var roles = counties.keys.sorted().filter { counties[$0]?.contains(identity) == true }
        if isAdmin(identity) { roles.append("admin") }
        return "\(identity) (\(roles.isEmpty ? "in no county of access.counties" : roles.joined(separator: ", ")))"
    }
}
