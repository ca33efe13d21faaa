import ArgumentParser
import JSONSchema
import PlantrackCore

/// `plantrack validate`: schemas and rules over every document.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every document against the schemas and the rules across documents.",
        discussion: """
            Exit status: 0 when clean, 1 when findings fail the run (errors, or warnings with \
            --strict), 2 for usage or environment errors. Rules are listed in docs/rules.md; \
            Plans/workspace.yaml may set a rule to error, warning or off.
            """
    )

    /// Output formats of validate.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, github
    }

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var source: SourceOptions

    @Argument(
        help: ArgumentHelp(
            "Only report findings in these files or folders (the whole workspace is still read).",
            valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Judge overdue activities and future measurements against this day (YYYY-MM-DD; default: today).",
            valueName: "date"))
    var asOf: CalendarDate?

    @Option(help: "Output format: text, json, sarif (SARIF 2.1.0) or github (workflow annotations).")
    var format: Format = .text

    func run() throws {
        try reportingErrors {
            let access = try WorkspaceAccess(workspace)
            let snapshot = try access.snapshot(source.source)
            let (schemas, schemaProblems) = try DocumentSchemas.load(from: snapshot)
            guard let schemas else {
                FindingPrinter().print(schemaProblems)
                throw CLIError("the schemas cannot be used; fix Schemas/ in the workspace")
            }
            let validator = WorkspaceValidator(schemas: schemas, asOf: asOf ?? .today())
            var report = try validator.validate(snapshot)
            keepUntilExit(report)
            // "0 documents, 0 errors" would read as a clean bill of health for nothing.
            if report.documentCount == 0 && report.findings.isEmpty {
                let hasFiles = (try? snapshot.entries(under: DocumentLayout.plansFolder).isEmpty == false) ?? false
                throw CLIError(
                    hasFiles
                        ? "\(DocumentLayout.plansFolder)/ in \(snapshot.label) of \(access.root) holds no documents: nothing to validate"
                        : "no \(DocumentLayout.plansFolder)/ folder (or an empty one) in \(snapshot.label) of \(access.root): "
                            + "nothing to validate; run 'plantrack init' to make this a workspace, or use --workspace DIR "
                            + "to name one")
            }
            report.findings = schemaProblems + explainingSuspectLinks(report.findings, in: snapshot, access: access)
            let scope = try PathScope(paths, root: access.root)
            report.findings = report.findings.filter { scope.contains($0.path) }
            if !scope.isEverything {
                // A named file whose YAML cannot be read was still checked: count it.
                report.documentCount =
                    report.documentPaths.filter { scope.contains($0) }.count
                    + report.unreadablePaths.subtracting(report.documentPaths).count
            }
            if strict {
                report.findings = report.findings.map { finding in
                    var copy = finding
                    copy.severity = .error
                    return copy
                }
            }
            render(report, label: snapshot.label)
            if report.count(.error) > 0 { throw ExitStatus.findings }
        }
    }

    /// Adds to each `links.suspect` finding what changed in the goal since the link was
    /// reviewed, from the history behind the version validated (HEAD for the working tree
    /// and the index): only the linking documents and their goals are read again.
    private func explainingSuspectLinks(_ findings: [Finding], in snapshot: any Snapshot, access: WorkspaceAccess) -> [Finding] {
        guard findings.contains(where: { $0.rule == SuspectLinks.ruleID }) else { return findings }
        var links = SuspectLinks.find(naming: findings, in: snapshot)
        var start: String?
        if case .revision(let spec) = source.source { start = try? access.history.commit(named: spec).id }
        // Without the history (a repository with no commits) the findings say what they can.
        try? links.explain(from: start, in: access.history, current: snapshot)
        var notes: [String: String] = [:]
        for goal in links.goals {
            guard let summary = SuspectLinks.summary(of: goal) else { continue }
            for link in goal.links { notes["\(link.path):\(link.location)"] = summary }
        }
        return findings.map { finding in
            guard finding.rule == SuspectLinks.ruleID, let location = finding.location,
                let note = notes["\(finding.path):\(location)"]
            else { return finding }
            var explained = finding
            explained.message += " (\(note))"
            return explained
        }
    }

    private func render(_ report: ValidationReport, label: String) {
        let out = Terminal.standardOutput
        switch format {
        case .text:
            let printer = FindingPrinter(to: out)
            printer.print(report.findings)
            let style = Style(for: out)
            let errors = report.count(.error)
            let warnings = report.count(.warning)
            var summary =
                "\(EnglishWords.count(report.documentCount, "document")) checked (\(label)): "
                + "\(EnglishWords.count(errors, "error")), \(EnglishWords.count(warnings, "warning"))"
            summary = errors > 0 ? style.red(summary) : (warnings > 0 ? style.yellow(summary) : style.green(summary))
            out.write(summary + "\n")
        case .json:
            let value: JSONValue = [
                "documents": .number(.integer(Int64(report.documentCount))),
                "errors": .number(.integer(Int64(report.count(.error)))),
                "warnings": .number(.integer(Int64(report.count(.warning)))),
                "findings": .array(report.findings.map(\.json)),
            ]
            out.write(value.prettyText + "\n")
        case .sarif:
            out.write(SARIF.log(for: report.findings).prettyText + "\n")
        case .github:
            out.write(report.findings.map(GitHubAnnotation.line).joined())
        }
    }
}

/// Which findings a `validate PATHS…` run reports: those in the given files or folders.
struct PathScope {
    private let prefixes: [String]

    init(_ paths: [String], root: String) throws {
        prefixes = try paths.map { path in
            let absolute = path.hasPrefix("/") ? path : FileSystem.currentDirectory() + "/" + path
            let normalized = FileSystem.normalize(absolute)
            let rootPrefix = FileSystem.normalize(root)
            guard normalized == rootPrefix || normalized.hasPrefix(rootPrefix + "/") else {
                throw CLIError("\(path): is outside the workspace \(root)")
            }
            return String(normalized.dropFirst(rootPrefix.count + 1))
        }
    }

    var isEverything: Bool { prefixes.isEmpty || prefixes.contains("") }

    func contains(_ path: String) -> Bool {
        isEverything || prefixes.contains { path == $0 || path.hasPrefix($0 + "/") }
    }
}
