import ArgumentParser
import JSONSchema
import PlantrackCore

/// `plantrack allocation`: each county's share of each national stream of an agreement, and
/// beside a county's allocation what its plan budgets (docs/allocation.md).
struct AllocationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocation",
        abstract: "Show each county's share of the national streams, beside what its plan budgets.",
        discussion: """
            The shares follow the agreement's rules: most streams by population share; \
            cooperation 5 MSEK per county and the rest by population; user participation 1 MSEK \
            per region and 2 MSEK to each metropolitan region. Whole kronor, rounded so that the \
            21 shares of a stream add up to its national amount (docs/allocation.md). A county \
            whose plan of the year is in the workspace shows its funding per stream kind (the \
            funding's kind:) beside its allocation. Exit status: 1 for a county that does not \
            exist, 2 for a year plantrack knows no agreement of.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var source: SourceOptions

    @Option(help: ArgumentHelp("The agreement year (default: the latest plantrack knows, 2019).", valueName: "year"))
    var year: Int?

    @Option(
        help: ArgumentHelp(
            "Only this county: its code (01), name (Stockholms län), region or workspace id (stockholm).",
            valueName: "county"))
    var county: String?

    @Option(
        name: .customLong("plan-year"),
        help: ArgumentHelp("Compare the plans of this year (default: the agreement year).", valueName: "year"))
    var planYear: Int?

    @Option(help: "Output format.")
    var format: AllocationFormat = .text

    @OptionGroup var csv: CSVOptions

    func validate() throws {
        try csv.checkDelimiter()
    }

    func run() throws {
        try reportingErrors {
            let agreement = try Self.agreement(year: year)
            let allocation: Allocation
            do {
                allocation = try Allocation(agreement: agreement)
            } catch {
                throw CLIError("cannot divide the \(agreement.year) agreement: \(error)")
            }
            let access = try WorkspaceAccess(workspace)
            let contents = try access.read(source.source)
            let counties = contents.documents.filter { $0.kind == .county }.compactMap { try? County(document: $0) }
            var shares = allocation.shares
            if let county {
                shares = [try Self.share(named: county, in: allocation, counties: counties, label: contents.label)]
            }
            let plans = contents.documents.filter { $0.kind == .plan }.compactMap { try? Plan(document: $0) }
            let compared = planYear ?? agreement.year
            let view = AllocationView(
                allocation: allocation, shares: shares, planYear: compared, label: contents.label,
                coverage: Self.coverage(of: shares, plans: plans, counties: counties, year: compared))
            switch format {
            case .text: Terminal.standardOutput.write(view.text(detailed: county != nil))
            case .json: Terminal.standardOutput.write(view.json.prettyText + "\n")
            case .csv: Terminal.standardOutput.write(csv.writer.text(view.csvRows))
            }
        }
    }

    /// The agreement of `year`, or the latest known.
    static func agreement(year: Int?) throws -> Agreement {
        let known = Agreement.known.map { String($0.year) }.joined(separator: ", ")
        guard let year else {
            guard let latest = Agreement.known.last else { throw CLIError("plantrack knows no agreement") }
            return latest
        }
        guard let agreement = Agreement.known(year: year) else {
            throw CLIError(
                "no agreement of \(year) is known: plantrack has the national amounts of \(known) "
                    + "(docs/allocation.md); pass --year \(Agreement.known.last?.year ?? 2019)")
        }
        return agreement
    }

    /// The county `written` names: a code, the county's or its region's name (any case), or
    /// the id of a county document in the workspace (whose `code` says which county it is).
    static func share(named written: String, in allocation: Allocation, counties: [County], label: String) throws
        -> Allocation.CountyShare
    {
        let lowered = written.lowercased()
        let code =
            allocation.shares.first {
                $0.county.code == written || $0.county.name.lowercased() == lowered || $0.county.region.lowercased() == lowered
            }?.county.code ?? counties.first { $0.id == written }?.code
        if let code, let share = allocation.share(code: code) { return share }
        let ids = counties.map(\.id).sorted()
        throw CLIError(
            "no county '\(written)': name one by its code (01–25), its name (Stockholms län), its region "
                + "(Region Stockholm)"
                + (ids.isEmpty ? "" : " or the id of a county in \(CLIError.source(label)) (\(ids.joined(separator: ", ")))"),
            status: ExitStatus.findings)
    }

    /// Each share's plan of `year`, found through the county documents' codes.
    static func coverage(of shares: [Allocation.CountyShare], plans: [Plan], counties: [County], year: Int) -> [String: AllocationCoverage]
    {
        var result: [String: AllocationCoverage] = [:]
        for share in shares {
            let ids = Set(counties.filter { $0.code == share.county.code }.map(\.id))
            guard let plan = plans.first(where: { ids.contains($0.county) && $0.year == year }) else { continue }
            result[share.county.code] = AllocationCoverage(plan: plan, share: share)
        }
        return result
    }
}

/// `--format` of allocation.
enum AllocationFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}
