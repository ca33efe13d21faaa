import ArgumentParser
import JSONSchema
import PlantrackCore

/// `plantrack show ITEM`: one document, its fields and its body.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one county, plan, goal or activity.",
        discussion: """
            ITEM is a county (stockholm), a plan (stockholm/2021), its follow-up (stockholm/2021/followup) \
            or an item (stockholm/2021/bu-p1).
            """
    )

    /// The name after a plan's `county/year` that means its follow-up document.
    static let followUpName = "followup"

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var source: SourceOptions

    @OptionGroup var query: ItemQuery<ShowCommand>

    func run() throws {
        try reportingErrors {
            let reference = try query.reference()
            let access = try WorkspaceAccess(workspace)
            let contents = try access.read(source.source)
            let matches = contents.documents.filter { document in
                // A follow-up stands in its plan's folder and shares its reference: the plan
                // is `stockholm/2021`, its follow-up `stockholm/2021/followup`.
                document.kind == .followup
                    ? reference.id == Self.followUpName && document.reference == reference.plan
                    : document.reference == reference
            }
            guard !matches.isEmpty else {
                // A document that failed to read is reported as such, not as missing.
                let problems = contents.findings.filter { finding in
                    guard case .document(_, let ref) = DocumentLayout.place(of: finding.path) else { return false }
                    return ref == reference
                }
                if !problems.isEmpty {
                    FindingPrinter().print(problems)
                    throw ExitStatus.findings
                }
                throw CLIError.notFound(
                    query.item, in: contents.label,
                    among: contents.documents.compactMap(\.reference))
            }
            switch query.format {
            case .json:
                let values = matches.map { document -> JSONValue in
                    guard case .object(var object) = document.listJSON else { return document.listJSON }
                    object["body"] = .string(document.body)
                    return .object(object)
                }
                Terminal.standardOutput.write((values.count == 1 ? values[0] : .array(values)).prettyText + "\n")
            case .text:
                let style = Style(for: .standardOutput)
                for document in matches {
                    Terminal.standardOutput.write(Self.text(document, label: contents.label, style: style))
                }
            }
        }
    }

    static func text(_ document: Document, label: String, style: Style) -> String {
        var out = style.bold("\(document.kind.rawValue) \(document.itemName)")
        if let title = document.title { out += " — \(title)" }
        out += "\n" + style.dim("\(document.path) (\(label))") + "\n\n"
        out += FrontMatterText.render(document.frontMatter, keyStyle: style.cyan)
        let body = document.body.drop(while: \.isNewline)
        if !body.isEmpty { out += "\n" + body }
        if !out.hasSuffix("\n") { out += "\n" }
        return out
    }
}

/// Renders front matter as indented `key: value` lines for reading.
enum FrontMatterText {
    static func render(_ mapping: YAMLMapping, keyStyle: (String) -> String, indent: Int = 0) -> String {
        var out = ""
        let pad = String(repeating: "  ", count: indent)
        for entry in mapping.entries {
            out += pad + keyStyle(entry.key) + ":"
            out += value(entry.value, keyStyle: keyStyle, indent: indent)
        }
        return out
    }

    private static func value(_ node: YAMLNode, keyStyle: (String) -> String, indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent)
        switch node.content {
        case .mapping(let m):
            return m.entries.isEmpty ? " {}\n" : "\n" + render(m, keyStyle: keyStyle, indent: indent + 1)
        case .sequence(let items):
            if items.isEmpty { return " []\n" }
            var out = "\n"
            for item in items {
                if case .mapping(let m) = item.content, !m.entries.isEmpty {
                    let inner = render(m, keyStyle: keyStyle, indent: indent + 2)
                    // The first key goes on the dash line, like YAML.
                    let trimmed = inner.dropFirst((indent + 2) * 2)
                    out += pad + "  - " + trimmed
                } else {
                    out += pad + "  -" + value(item, keyStyle: keyStyle, indent: indent + 1)
                }
            }
            return out
        case .null: return " ~\n"
        case .bool(let b): return " \(b)\n"
        case .integer(let i): return " \(i)\n"
        case .float(let d): return " \(d)\n"
        case .string(let s): return " \(s)\n"
        }
    }
}

extension ShowCommand: ItemArgumentHelp {
    static let text = "The county, plan or item to show."
}
