import ArgumentParser
import PlantrackCore
import PlantrackGit

/// `plantrack indicators import FILE`: records the values of a saved Kolada answer (JSON)
/// or a Kolada CSV export as measurements with provenance.
struct IndicatorsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record the values of a saved Kolada answer (JSON) or CSV export in the goals whose indicators name them.",
        discussion: """
            Each value goes to every indicator whose source.kolada names its key figure, municipality \
            and gender, as a measurement dated the last day of its period with source: Kolada and \
            kolada: {period, fetched, url, status}; Kolada's null is recorded as value: null. A value \
            already recorded is left as it is; one Kolada has changed is revised, the old value kept \
            in revisions. Measurements typed by hand are never touched. The file is JSON (one v3 page \
            {"values": [...]} or a list of pages) or, by its .csv ending or its first character, CSV \
            with a header line (kpi;municipality;period;gender;value;status). A bad file changes \
            nothing. See docs/indicators.md.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var writing: WriteOptions

    @Argument(help: ArgumentHelp("The saved answer (.json) or export (.csv).", valueName: "file"))
    var file: String

    @Option(
        help: ArgumentHelp(
            "The request to record as each value's url (default: the one the file names, else file:NAME).",
            valueName: "url"))
    var request: String?

    @Option(help: ArgumentHelp("The day to record as fetched (default: today).", valueName: "date"))
    var fetched: CalendarDate?

    @Flag(name: .customLong("dry-run"), help: "Show what would be recorded; write nothing.")
    var dryRun = false

    @Option(help: "Output format: text or json (docs/json.md).")
    var format: ListFormat = .text

    func run() throws {
        try reportingErrors {
            let values = try readFile()
            let access = try WorkspaceAccess(workspace)
            let day = fetched ?? .today()
            let recorder = IndicatorValuesWrite(access: access, options: writing, dryRun: dryRun)
            guard
                let result = try recorder.perform({ snapshot in
                    let needs = KoladaNeeds.of(try Workspace.read(from: snapshot), years: nil)
                    return try IndicatorRecording.record(values, needs: needs, in: snapshot, fetched: day)
                })
            else { return }
            let (recording, written) = (result.recording, result.written)
            let out = Terminal.standardOutput
            if format == .json {
                out.write(IndicatorsOutput.json(recording, fetched: day, written: written, dryRun: dryRun).prettyText + "\n")
            } else {
                out.write(IndicatorsOutput.text(recording, fetched: day, written: written, dryRun: dryRun, style: Style(for: out)))
            }
        }
    }

    /// The file's values, each with its request.
    private func readFile() throws -> [FetchedValue] {
        guard let bytes = FileSystem.readBytes(file) else {
            throw CLIError("\(file): cannot be read (no such file, or not a file)")
        }
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let fallback = request ?? "file:\(name)"
        let firstByte = bytes.drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }.first
        let isCSV = file.lowercased().hasSuffix(".csv") || (firstByte != UInt8(ascii: "{") && firstByte != UInt8(ascii: "["))
        do throws(KoladaAnswerError) {
            if isCSV {
                return try KoladaAnswer.csv(bytes, file: file).map { FetchedValue(value: $0, request: fallback) }
            }
            return try KoladaAnswer.saved(bytes, file: file).flatMap { saved in
                saved.page.values.map { FetchedValue(value: $0, request: request ?? saved.request ?? fallback) }
            }
        } catch {
            throw CLIError("\(error). Nothing was written.")
        }
    }
}
