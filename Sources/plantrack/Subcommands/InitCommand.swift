import ArgumentParser
import PlantrackCore
import PlantrackGit

/// `plantrack init [DIR]`: a new workspace with one county.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace: a git repository with Plans/, one county, schemas for editors and a first commit.",
        discussion: """
            Writes Plans/workspace.yaml, Plans/COUNTY/county.md, Schemas/*.schema.json (the built-in \
            schemas, for editors), .vscode/settings.json (which schema applies to which files), and a short \
            README.md for coordinators, then commits them with your git identity (--no-commit to skip). \
            Refuses a folder that already has Plans/.
            """
    )

    @Argument(help: ArgumentHelp("The folder (created if missing; default: the current folder).", valueName: "dir"))
    var directory: String?

    @Option(help: ArgumentHelp("The county's id, e.g. stockholm.", valueName: "id"))
    var county: String

    @Option(name: .customLong("county-name"), help: ArgumentHelp("The county's name, e.g. \"Stockholms län\".", valueName: "name"))
    var countyName: String

    @Option(help: ArgumentHelp("The two-digit county code, e.g. 01.", valueName: "nn"))
    var code: String

    @Option(help: ArgumentHelp("The region's name, e.g. \"Region Stockholm\".", valueName: "name"))
    var region: String?

    @Option(help: ArgumentHelp("The workspace's name (workspace.yaml).", valueName: "name"))
    var name: String?

    @OptionGroup var writing: WriteOptions

    func validate() throws {
        guard Identifier.isValid(county) else {
            throw ValidationError("--county '\(county)' is not an id: lowercase letters, digits and -, e.g. vastra-gotaland")
        }
        guard code.count == 2, code.allSatisfy(\.isNumber) else {
            throw ValidationError("--code must be the two-digit county code, e.g. 01 (got '\(code)')")
        }
    }

    func run() throws {
        try reportingErrors {
            let cwd = FileSystem.currentDirectory()
            let target = directory.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd
            let root = FileSystem.normalize(target)
            if FileSystem.exists(root + "/" + DocumentLayout.plansFolder) {
                throw CLIError("\(root) already has Plans/: it is a workspace already. Nothing was written.")
            }
            do {
                _ = try Repository.initialize(at: root)
            } catch {
                throw CLIError("cannot create a git repository at \(root): \(error)")
            }
            var options = WorkspaceOptions()
            options.workspace = root
            let access = try WorkspaceAccess(options, requiringPlans: false)
            let files = try Self.files(
                county: county, countyName: countyName, code: code, region: region,
                workspaceName: name ?? "Handlingsplaner för psykisk hälsa — \(countyName)")
            let outcome = try WorkspaceWrite(access: access, options: writing).perform { _ in
                WorkspaceChange(files: files, message: "init: workspace with \(county) (\(countyName))\n")
            }
            var out = "created workspace \(access.root)\n"
            for path in outcome.paths { out += "  \(path)\n" }
            out += CommitMessage.outcome(outcome)
            out += "next: plantrack new plan \(county)/YEAR --title \"…\" --area ID=TITLE\n"
            Terminal.standardOutput.write(out)
        }
    }

    static func files(
        county: String, countyName: String, code: String, region: String?, workspaceName: String
    ) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let workspaceYAML = """
            # yaml-language-server: $schema=../Schemas/workspace.schema.json
            name: \(EditValue.string(workspaceName).yamlText)
            language: sv

            """
        files[DocumentLayout.settingsPath] = Array(workspaceYAML.utf8)
        var fields = [EditField("id", .string(county)), EditField("name", .string(countyName)), EditField("code", .string(code))]
        if let region { fields.append(EditField("region", .string(region))) }
        do {
            files[DocumentLayout.path(of: .county, ItemReference(county: county))] =
                try Scaffold.document(.county, fields: fields, body: Scaffold.body(for: .county))
        } catch {
            throw CLIError("cannot write the county: \(error)")
        }
        for (name, text) in DocumentSchemas.builtInFiles {
            files["\(DocumentLayout.schemasFolder)/\(name)"] = Array(text.utf8)
        }
        files[".vscode/settings.json"] = Array(editorSettings.utf8)
        files["README.md"] = Array(readme(county: county, countyName: countyName).utf8)
        return files
    }

    /// Which schema applies to which files, for the YAML language server (docs/editors.md).
    static let editorSettings = """
        {
          "yaml.schemas": {
            "./Schemas/plan.schema.json": "Plans/*/*/plan.md",
            "./Schemas/followup.schema.json": "Plans/*/*/followup.md",
            "./Schemas/goal.schema.json": "Plans/*/*/goals/*.md",
            "./Schemas/activity.schema.json": "Plans/*/*/activities/*.md",
            "./Schemas/county.schema.json": "Plans/*/county.md",
            "./Schemas/workspace.schema.json": "Plans/workspace.yaml"
          }
        }

        """

    static func readme(county: String, countyName: String) -> String {
        """
        # Handlingsplaner för psykisk hälsa — \(countyName)

        Här finns länets handlingsplaner som text i git. Varje plan, mål och aktivitet är en
        Markdown-fil med fält överst (front matter). Verktyget `plantrack` kontrollerar filerna
        och gör det vanliga arbetet åt dig, så att du sällan behöver redigera fälten för hand.

        Årets arbete:

        ```
        plantrack new plan \(county)/2026 --title "Länsgemensam handlingsplan 2026" --area bu="Barn och unga"
        plantrack new goal \(county)/2026/bu-lt-1 --title "…" --term long --area bu
        plantrack new activity \(county)/2026/bu-p1 --title "…" --area bu --priority prioritized --goal bu-lt-1
        plantrack update \(county)/2026/bu-p1 --status in-progress --progress 40 --note "Uppstart klar"
        plantrack approve \(county)/2026 --by "Styrgruppen"
        plantrack revise \(county) --to 2027
        plantrack log \(county)/2026/bu-p1
        plantrack validate
        ```

        Varje ändring sparas som en egen version (commit) med ditt namn.

        Vad varje fält betyder står i `Schemas/` (en svensk beskrivning per fält, som
        redigerare med YAML-stöd visar medan du skriver; se `.vscode/settings.json`). Varje
        kommando förklarar sina val: `plantrack help`, `plantrack help update`.

        När plantrack uppdateras kan nyare versioner ha fler fält: `plantrack validate` säger
        till när `Schemas/` är äldre än programmet, och `plantrack schemas update` uppdaterar dem.

        """
    }
}
