/// The kinds of document a workspace holds.
public enum DocumentKind: String, Hashable, Sendable, CaseIterable, Comparable {
    case workspace
    case county
    case plan
    case goal
    case activity
    /// A plan's yearly follow-up (redovisning) of the agreement's §6: `followup.md`.
    case followup

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (a: DocumentKind, b: DocumentKind) -> Bool { a.order < b.order }
}

/// Where documents live in a workspace, and what a path says about the document.
///
/// ```
/// Plans/workspace.yaml
/// Plans/<county>/county.md
/// Plans/<county>/<year>/plan.md
/// Plans/<county>/<year>/followup.md
/// Plans/<county>/<year>/goals/<id>.md
/// Plans/<county>/<year>/activities/<id>.md
/// ```
public enum DocumentLayout {
    /// The folder under the workspace root that holds the plans.
    public static let plansFolder = "Plans"
    /// The optional folder of the workspace's own schemas.
    public static let schemasFolder = "Schemas"
    /// The workspace settings file.
    public static let settingsPath = "Plans/workspace.yaml"

    /// What a path names.
    public enum Place: Hashable, Sendable {
        /// A document of a known kind, with the reference its folders give it.
        case document(DocumentKind, ItemReference?)
        /// A Markdown file that is not where any document belongs.
        case misplaced
        /// Not a document (an image, a README outside the layout's places...).
        case ignored
    }

    /// Classifies a workspace-relative path.
    public static func place(of path: String) -> Place {
        if path == settingsPath { return .document(.workspace, nil) }
        let parts = components(of: path)
        guard parts.count >= 2, parts[0] == plansFolder else { return .ignored }
        let isMarkdown = path.hasSuffix(".md")
        guard isMarkdown else { return .ignored }
        let county = String(parts[1])
        switch parts.count {
        case 3 where parts[2] == "county.md":
            return .document(.county, ItemReference(county: county))
        case 4 where parts[3] == "plan.md":
            guard let year = year(parts[2]) else { return .misplaced }
            return .document(.plan, ItemReference(county: county, year: year))
        case 4 where parts[3] == "followup.md":
            guard let year = year(parts[2]) else { return .misplaced }
            return .document(.followup, ItemReference(county: county, year: year))
        case 5 where parts[3] == "goals" || parts[3] == "activities":
            guard let year = year(parts[2]) else { return .misplaced }
            let id = String(parts[4].dropLast(3))
            let kind: DocumentKind = parts[3] == "goals" ? .goal : .activity
            return .document(kind, ItemReference(county: county, year: year, id: id))
        default:
            // README.md files are notes for people, wherever they stand.
            return parts.last == "README.md" ? .ignored : .misplaced
        }
    }

    /// The `/`-separated parts of a path, found on its bytes: `/` is one byte in UTF-8, and
    /// splitting by characters (with grapheme breaking) cost more than the rest of the
    /// listing on a national workspace, where every path is classified on one core.
    private static func components(of path: String) -> [Substring] {
        var contiguous = path
        let slashes = contiguous.withUTF8 { bytes in bytes.indices.filter { bytes[$0] == UInt8(ascii: "/") } }
        var parts: [Substring] = []
        parts.reserveCapacity(slashes.count + 1)
        var start = path.utf8.startIndex
        for offset in slashes {
            let slash = path.utf8.index(path.utf8.startIndex, offsetBy: offset)
            parts.append(path[start..<slash])
            start = path.utf8.index(after: slash)
        }
        parts.append(path[start...])
        return parts
    }

    private static func year(_ text: Substring) -> Int? {
        guard text.count == 4, text.allSatisfy(\.isASCII) else { return nil }
        return Int(text)
    }

    /// The folder of a plan's documents: `Plans/<county>/<year>`.
    public static func folder(of plan: ItemReference) -> String {
        "\(plansFolder)/\(plan.county)/\(plan.year.map(String.init) ?? "")"
    }

    /// The plan whose folder `path` lies below (`Plans/<county>/<year>/...`, the year as
    /// ``place(of:)`` reads it), whether or not the path is a document.
    public static func plan(containing path: String) -> ItemReference? {
        let parts = components(of: path)
        guard parts.count >= 4, parts[0] == plansFolder, let year = year(parts[2]) else { return nil }
        return ItemReference(county: String(parts[1]), year: year)
    }

    /// The path where a document of `kind` named `reference` belongs.
    public static func path(of kind: DocumentKind, _ reference: ItemReference) -> String {
        let yearFolder = folder(of: reference)
        switch kind {
        case .workspace: return settingsPath
        case .county: return "\(plansFolder)/\(reference.county)/county.md"
        case .plan: return "\(yearFolder)/plan.md"
        case .followup: return "\(yearFolder)/followup.md"
        case .goal: return "\(yearFolder)/goals/\(reference.id ?? "").md"
        case .activity: return "\(yearFolder)/activities/\(reference.id ?? "").md"
        }
    }
}
