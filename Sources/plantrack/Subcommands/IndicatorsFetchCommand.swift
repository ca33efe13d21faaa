import ArgumentParser
import JSONSchema
import PlantrackCore
import PlantrackKolada

/// `plantrack indicators fetch`: the values of every sourced indicator from Kolada's API,
/// recorded in the goal documents in one commit (docs/indicators.md). The requests are
/// ``KoladaClient``'s, the recording ``IndicatorRecording``'s; this parses and renders.
struct IndicatorsFetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch the values of every sourced indicator from Kolada and record them in one commit.",
        discussion: """
            Every indicator with source: {kolada: {kpi, municipality, gender}} is fetched, for the years \
            of --year or else from its baseline's year to its plan's year (at most five). Key figures wanted \
            for the same municipalities share requests, at most --batch-size ids in a list; every page is \
            followed; 429 and 5xx answers are tried again with growing waits (Retry-After is honoured). \
            Each value becomes a measurement with its provenance (period, request URL, fetch date, \
            Kolada's status); a value Kolada has changed is shown old → new and the old one kept under \
            revisions. Nothing is written unless every request succeeds and the result validates. Exit \
            status: 0 recorded (or nothing new); 1 the change is refused by validation; 2 usage, no \
            workspace, or Kolada failed (no connection, a timeout, an HTTP error, an answer that is \
            not a v3 data answer) — the error names the request.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp("Kolada's API (default \(KoladaSettings.defaultBaseURL)).", valueName: "url"))
    var baseURL = KoladaSettings.defaultBaseURL

    @Option(
        name: .customLong("year"),
        help: ArgumentHelp(
            "A year to fetch, or a range 2019-2023; repeatable (default: each indicator's years).",
            valueName: "year"))
    var years: [String] = []

    @Option(
        name: .customLong("batch-size"),
        help: ArgumentHelp("At most this many ids in one list of a request.", valueName: "n"))
    var batchSize = 20

    @Option(
        name: .customLong("per-page"),
        help: ArgumentHelp("The page size to ask for (per_page; default: Kolada's).", valueName: "n"))
    var perPage: Int?

    @Option(
        help: ArgumentHelp(
            "Seconds to wait for a connection, and for the next bytes of an answer.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(
        help: ArgumentHelp(
            "How many times a page is asked for at most while Kolada answers 429 or 5xx.", valueName: "n"))
    var attempts = 4

    @Flag(name: .customLong("dry-run"), help: "Fetch and show what would be recorded; write nothing.")
    var dryRun = false

    @Option(help: "Output format: text or json (docs/json.md).")
    var format: ListFormat = .text

    @OptionGroup var write: WriteOptions

    func validate() throws {
        _ = try Self.years(years)
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
        if let perPage, perPage < 1 { throw ValidationError("--per-page must be at least 1") }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
        guard attempts >= 1 else { throw ValidationError("--attempts must be at least 1") }
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw ValidationError("--base-url must be an http:// or https:// URL, such as \(KoladaSettings.defaultBaseURL)")
        }
    }

    /// The years of `--year`: each a year, or a range `2019-2023`; nil when none is given.
    static func years(_ written: [String]) throws -> [Int]? {
        guard !written.isEmpty else { return nil }
        var years: Set<Int> = []
        for text in written {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            let numbers = parts.compactMap { Int($0) }.filter { (1900...2200).contains($0) }
            guard numbers.count == parts.count, (1...2).contains(numbers.count), let first = numbers.first,
                let last = numbers.last, first <= last
            else {
                throw ValidationError("--year \(text): write a year (2023) or a range of years (2019-2023)")
            }
            years.formUnion(first...last)
        }
        return years.sorted()
    }

    func run() throws {
        try reportingErrors { try fetchAndRecord() }
    }

    /// Asks Kolada for every planned request; a failure is the CLI's error.
    private func fetchAll(_ plan: KoladaRequestPlan, settings: KoladaSettings) throws -> KoladaFetch {
        let progress: FetchProgress? = Terminal.standardError.isTerminal ? FetchProgress() : nil
        var report: (@Sendable (KoladaProgress) -> Void)? = nil
        if let progress {
            report = { @Sendable value in progress.report(value) }
        }
        let onProgress = report
        let work: @Sendable () async throws(KoladaFetchError) -> KoladaFetch = { () async throws(KoladaFetchError) in
            try await KoladaClient(settings: settings).fetch(plan, progress: onProgress)
        }
        do {
            let fetch = try AsyncWait.result(of: work)
            progress?.clear()
            return fetch
        } catch {
            progress?.clear()
            throw CLIError("\(error). Nothing was written.")
        }
    }

    private func fetchAndRecord() throws {
        let access = try WorkspaceAccess(workspace)
        let needs = KoladaNeeds.of(try access.read(.workingTree), years: try Self.years(years))
        let settings = KoladaSettings(
            baseURL: baseURL, batchSize: batchSize, perPage: perPage, connectTimeout: timeout, readTimeout: timeout,
            maxAttempts: attempts)
        let plan = KoladaRequestPlan(needs: needs, settings: settings)
        let fetch = try fetchAll(plan, settings: settings)
        let today = CalendarDate.today()
        let recorder = IndicatorValuesWrite(access: access, options: write, dryRun: dryRun)
        guard
            let result = try recorder.perform({ snapshot in
                try IndicatorRecording.record(fetch.values, needs: needs, in: snapshot, fetched: today)
            })
        else { return }
        let (recording, written) = (result.recording, result.written)
        let out = Terminal.standardOutput
        if format == .json {
            guard case .object(var object) = IndicatorsOutput.json(recording, fetched: today, written: written, dryRun: dryRun)
            else { return }
            object["requests"] = Self.json(fetch.figures)
            out.write(JSONValue.object(object).prettyText + "\n")
        } else {
            out.write(Self.text(fetch.figures))
            out.write(
                IndicatorsOutput.text(recording, fetched: today, written: written, dryRun: dryRun, style: Style(for: out)))
        }
    }

    /// `Kolada: 3 requests (5 pages, 1 retried), 12 KiB in 0.4 s`.
    static func text(_ figures: KoladaFetchFigures) -> String {
        var words = "Kolada: \(EnglishWords.count(figures.requests, "request")) (\(EnglishWords.count(figures.pages, "page"))"
        if figures.retries > 0 { words += ", \(figures.retries) retried" }
        let kib = (Double(figures.bytes) / 1024 * 10).rounded() / 10
        let seconds = (figures.seconds * 100).rounded() / 100
        return words + "), \(kib) KiB in \(seconds) s\n"
    }

    /// `{"planned": 2, "sent": 3, "pages": 2, "retries": 1, "bytes": 1234, "seconds": 0.4}`.
    static func json(_ figures: KoladaFetchFigures) -> JSONValue {
        .object([
            "planned": .number(.integer(Int64(figures.planned))), "sent": .number(.integer(Int64(figures.requests))),
            "pages": .number(.integer(Int64(figures.pages))), "retries": .number(.integer(Int64(figures.retries))),
            "bytes": .number(.integer(Int64(figures.bytes))), "seconds": .number(.double(figures.seconds)),
        ])
    }
}

extension KoladaRequestPlan {
    /// The requests for the sourced indicators of `needs`: each indicator's key figure and
    /// municipality over its years.
    init(needs: KoladaNeeds, settings: KoladaSettings) {
        self.init(
            series: needs.indicators.map {
                KoladaSeries(kpi: $0.source.kpi, municipality: $0.source.municipality, years: $0.years)
            }, settings: settings)
    }
}

/// Redraws one progress line on standard error while a fetch runs (only on a terminal).
final class FetchProgress: Sendable {
    func report(_ progress: KoladaProgress) {
        var line = "\r\u{1B}[Kfetching from Kolada: \(progress.requestsDone)/\(progress.requestsPlanned) requests"
        line += ", \(progress.pages) pages, \(progress.values) values"
        if progress.retries > 0 { line += ", \(progress.retries) retried" }
        Terminal.standardError.write(line)
    }

    /// Clears the line.
    func clear() {
        Terminal.standardError.write("\r\u{1B}[K")
    }
}
