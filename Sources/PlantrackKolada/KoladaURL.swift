/// An absolute `http` or `https` URL cut into the parts the client compares and joins: the
/// origin (scheme, host, port) and the rest (path and query). Written here because only
/// these few rules are needed (a next page's URL is absolute, or relative to the page that
/// named it) and PlantrackKolada does without Foundation.
struct KoladaURL: Hashable, Sendable {
    /// `http` or `https`, lower case.
    var scheme: String
    /// The host, lower case, with its port when one is written (`127.0.0.1:8080`).
    var authority: String
    /// The path and query, starting with `/` (`/v3/data/kpi/N1/year/2022?page=2`).
    var rest: String

    /// Parses an absolute URL; nil when it is not `http://…` or `https://…` with a host.
    init?(_ text: String) {
        let lower = text.lowercased()
        let scheme: String
        if lower.hasPrefix("https://") {
            scheme = "https"
        } else if lower.hasPrefix("http://") {
            scheme = "http"
        } else {
            return nil
        }
        let afterScheme = text.dropFirst(scheme.count + 3)
        let end = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex
        let authority = afterScheme[..<end].lowercased()
        guard !authority.isEmpty, !authority.contains("@"), !authority.contains(" ") else { return nil }
        var rest = String(afterScheme[end...])
        if let hash = rest.firstIndex(of: "#") { rest = String(rest[..<hash]) }
        if !rest.hasPrefix("/") { rest = "/" + rest }
        self.scheme = scheme
        self.authority = Self.withoutDefaultPort(authority, scheme: scheme)
        self.rest = rest
    }

    /// The URL as text.
    var text: String { scheme + "://" + authority + rest }

    /// Whether both are on the same scheme, host and port.
    func sameOrigin(as other: KoladaURL) -> Bool {
        scheme == other.scheme && authority == other.authority
    }

    /// `reference` (a next page's URL as an answer gives it) resolved against this URL:
    /// absolute, `//host/…`, `/path`, `?query`, or a path relative to this one's folder.
    func resolving(_ reference: String) -> KoladaURL? {
        if let absolute = KoladaURL(reference) { return absolute }
        if reference.hasPrefix("//") { return KoladaURL(scheme + ":" + reference) }
        if reference.contains("://") || reference.contains(" ") { return nil }
        var resolved = self
        if reference.hasPrefix("/") {
            resolved.rest = reference
        } else if reference.hasPrefix("?") {
            resolved.rest = path + reference
        } else {
            let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            resolved.rest = folder + "/" + reference
        }
        return resolved
    }

    /// The path, without the query.
    var path: String {
        guard let question = rest.firstIndex(of: "?") else { return rest }
        return String(rest[..<question])
    }

    private static func withoutDefaultPort(_ authority: String, scheme: String) -> String {
        if scheme == "https", authority.hasSuffix(":443") { return String(authority.dropLast(4)) }
        if scheme == "http", authority.hasSuffix(":80") { return String(authority.dropLast(3)) }
        return authority
    }
}
