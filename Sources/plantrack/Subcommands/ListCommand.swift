import ArgumentParser
import JSONSchema
import PlantrackCore

/// `plantrack list`: the documents of a workspace, filtered.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the counties, plans, goals and activities of the workspace.",
        discussion: "Problems met while reading (unreadable or malformed files) go to stderr and make the exit status 1."
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var source: SourceOptions

    @Option(help: ArgumentHelp("Only documents of this kind: county, plan, goal, activity, followup.", valueName: "kind"))
    var kind: DocumentKind?

    @Option(help: ArgumentHelp("Only this county (its id, e.g. stockholm).", valueName: "county"))
    var county: String?

    @Option(help: ArgumentHelp("Only this plan year.", valueName: "year"))
    var year: Int?

    @Option(help: "Output format.")
    var format: ListFormat = .text

    func run() throws {
        try reportingErrors {
            let access = try WorkspaceAccess(workspace)
            let contents = try access.read(source.source)
            let selected = DocumentSelection(kind: kind, county: county, year: year).apply(to: contents.documents)
            switch format {
            case .text:
                Terminal.standardOutput.write(Self.table(selected, label: contents.label))
                FindingPrinter().print(contents.findings)
            case .json:
                let output: JSONValue = [
                    "source": .string(contents.label),
                    "documents": .array(selected.map(\.listJSON)),
                    "findings": .array(contents.findings.map(\.json)),
                ]
                Terminal.standardOutput.write(output.prettyText + "\n")
            }
            if contents.findings.contains(where: { $0.severity == .error }) { throw ExitStatus.findings }
        }
    }

    static func table(_ documents: [Document], label: String) -> String {
        let out = Terminal.standardOutput
        let style = Style(for: out)
        var table = TextTable(header: ["KIND", "ITEM", "TITLE", "STATUS"], flexibleColumn: 2)
        for document in documents {
            table.add([document.kind.rawValue, document.itemName, document.title ?? "", document.statusText])
        }
        return table.render(maxWidth: out.width, headerStyle: style.bold)
            + style.dim("\(EnglishWords.count(documents.count, "document")) (\(label))") + "\n"
    }
}

/// Which documents `list` shows.
struct DocumentSelection {
    var kind: DocumentKind?
    var county: String?
    var year: Int?

    func apply(to documents: [Document]) -> [Document] {
        documents.filter { d in
            if let kind, d.kind != kind { return false }
            if let county, d.reference?.county != county { return false }
            if let year, d.reference?.year != year { return false }
            return true
        }
        .sorted { a, b in
            let ra = a.reference ?? ItemReference(county: "")
            let rb = b.reference ?? ItemReference(county: "")
            if ra.county != rb.county { return ra.county < rb.county }
            if (ra.year ?? 0) != (rb.year ?? 0) { return (ra.year ?? 0) < (rb.year ?? 0) }
            if a.kind != b.kind { return a.kind < b.kind }
            return (ra.id ?? "") < (rb.id ?? "")
        }
    }
}

extension Document {
    /// How the document is named on the command line: its item reference, or the path for
    /// workspace.yaml.
    var itemName: String { reference?.description ?? path }

    /// The one word that says where the document stands.
    var statusText: String {
        switch kind {
        case .plan, .activity: return frontMatter["status"]?.string ?? ""
        case .goal:
            let term = frontMatter["term"]?.string.map { "\($0)-term" } ?? ""
            let assessment = frontMatter["assessment"]?.string ?? "not-assessed"
            return term.isEmpty ? assessment : "\(term), \(assessment)"
        case .county: return frontMatter["code"]?.string ?? ""
        case .workspace, .followup: return ""
        }
    }

    /// The document as `list --format json` shows it.
    var listJSON: JSONValue {
        var object = JSONObject()
        object["kind"] = .string(kind.rawValue)
        object["item"] = reference.map { .string($0.description) } ?? .null
        object["path"] = .string(path)
        object["blob"] = contentID.map { .string($0) } ?? .null
        object["front_matter"] = frontMatter.json
        return .object(object)
    }
}
