/// How a county, a plan or an item is named inside a workspace.
///
/// `stockholm` is a county, `stockholm/2021` a plan, `stockholm/2021/bu-p1` a goal or an
/// activity of that plan.
public struct ItemReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The county's id (its folder name).
    public var county: String
    /// The plan year, for plans and items.
    public var year: Int?
    /// The goal's or activity's id, for items.
    public var id: String?

    /// Creates a reference.
    public init(county: String, year: Int? = nil, id: String? = nil) {
        self.county = county
        self.year = year
        self.id = id
    }

    /// Parses `county`, `county/year` or `county/year/id`; nil when the text is not of that form.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), Identifier.isValid(parts[0]) else { return nil }
        county = parts[0]
        if parts.count >= 2 {
            guard parts[1].count == 4, let y = Int(parts[1]) else { return nil }
            year = y
        }
        if parts.count == 3 {
            guard Identifier.isValid(parts[2]) else { return nil }
            id = parts[2]
        }
    }

    /// The plan this reference belongs to (itself for a plan); nil for a county.
    public var plan: ItemReference? {
        guard let year else { return nil }
        return ItemReference(county: county, year: year)
    }

    public var description: String {
        var text = county
        if let year { text += "/\(year)" }
        if let id { text += "/\(id)" }
        return text
    }

    public static func < (a: ItemReference, b: ItemReference) -> Bool {
        (a.county, a.year ?? 0, a.id ?? "") < (b.county, b.year ?? 0, b.id ?? "")
    }
}

/// The rules for ids: lowercase slugs `[a-z0-9][a-z0-9-]*`, at most 64 characters.
public enum Identifier {
    /// The longest id allowed.
    public static let maxLength = 64

    /// Whether `text` is a valid id.
    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, bytes.count <= maxLength, isLowerAlnum(first) else { return false }
        return bytes.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isLowerAlnum(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 48 && b <= 57)
    }
}
