import JSONSchema
import PlantrackCore

/// What `plantrack allocation` shows: the counties' shares and the plans beside them, as
/// text, JSON (docs/json.md) or CSV.
struct AllocationView {
    let allocation: Allocation
    /// The counties shown (all 21, or the one `--county` names).
    let shares: [Allocation.CountyShare]
    /// The year of the plans compared.
    let planYear: Int
    /// The snapshot the plans were read from (`working tree`).
    let label: String
    /// The plan beside each county's allocation, by county code.
    let coverage: [String: AllocationCoverage]

    var agreement: Agreement { allocation.agreement }

    // MARK: Text

    /// The table of every county, or one county's streams and plan in detail: sections
    /// parted by a blank line.
    func text(detailed: Bool) -> String {
        let out = Terminal.standardOutput
        let style = Style(for: out)
        if detailed, let share = shares.first {
            return countySections(share, style: style, width: out.width).joined(separator: "\n")
        }
        let kinds = kindsOfAgreement
        var table = TextTable(header: ["CODE", "COUNTY"] + kinds.map(\.heading) + ["TOTAL"], flexibleColumn: 1)
        for share in shares {
            table.add([share.county.code, share.county.name] + kinds.map { String(share.amountSEK(of: $0)) } + [String(share.totalSEK)])
        }
        if shares.count > 1 {
            let sums = kinds.map { kind in String(shares.reduce(0) { $0 + $1.amountSEK(of: kind) }) }
            table.add(["", "total"] + sums + [String(shares.reduce(0) { $0 + $1.totalSEK })])
        }
        var plans: String
        let compared = shares.compactMap { coverage[$0.county.code] }
        if compared.isEmpty {
            plans = style.dim("No plan of \(planYear) in \(CLIError.source(label)) belongs to these counties.") + "\n"
        } else {
            plans = "Plans of \(planYear) beside their county's allocation:\n"
            for c in compared {
                plans += "  \(c.plan.description) budgets \(c.budgetedSEK) of \(c.allocatedSEK) SEK (\(percentText(c.coveredPercent)) %)\n"
            }
        }
        return [introduction + "\n", table.render(maxWidth: out.width, headerStyle: style.bold), plans].joined(separator: "\n")
    }

    /// `The 2019 agreement: 1734000000 SEK to the counties in 8 streams; …`
    private var introduction: String {
        "The \(agreement.year) agreement: \(agreement.totalSEK) SEK to the counties in \(agreement.streams.count) streams; "
            + "\(agreement.populationNote)."
    }

    private func countySections(_ share: Allocation.CountyShare, style: Style, width: Int?) -> [String] {
        let total = allocation.shares.reduce(0) { $0 + $1.population }
        let heading =
            "\(share.county.name) (\(share.county.code)), \(share.county.region): \(share.totalSEK) of the \(agreement.year) "
            + "agreement's \(agreement.totalSEK) SEK; population \(share.population) of \(total) on 31 December "
            + "\(agreement.populationYear).\n"
        var streams = TextTable(header: ["STREAM", "KIND", "RECIPIENT", "RULE", "SEK"], flexibleColumn: 0)
        for line in share.lines {
            streams.add([
                line.stream.title, line.stream.kind.rawValue, line.stream.recipient.rawValue, Self.ruleText(line.stream.rule),
                String(line.amountSEK),
            ])
        }
        streams.add(["total", "", "", "", String(share.totalSEK)])
        let allocated = streams.render(maxWidth: width, headerStyle: style.bold)
        guard let c = coverage[share.county.code] else {
            return [heading, allocated, style.dim("No plan of \(share.county.name) for \(planYear) in \(CLIError.source(label)).") + "\n"]
        }
        var plan = TextTable(header: ["PLAN " + c.plan.description, "ALLOCATED SEK", "BUDGETED SEK", "COVERED %"], flexibleColumn: 0)
        for row in c.rows {
            plan.add([row.kind.englishTitle, String(row.allocatedSEK), String(row.budgetedSEK), percentText(row.coveredPercent)])
        }
        if c.unassignedSEK > 0 { plan.add(["no kind named", "", String(c.unassignedSEK), ""]) }
        plan.add(["total", String(c.allocatedSEK), String(c.budgetedSEK), percentText(c.coveredPercent)])
        return [heading, allocated, plan.render(maxWidth: width, headerStyle: style.bold)]
    }

    /// The §6.1 kinds the agreement has streams of, in §6.1's order.
    private var kindsOfAgreement: [StreamKind] {
        StreamKind.allCases.filter { kind in agreement.streams.contains { $0.kind == kind } }
    }

    private func percentText(_ value: Double?) -> String { RollUpOutput.shareText(value) }

    /// `population`, `5000000 per county + population`, `1000000 per region, 2000000 to 01, 12, 14`.
    static func ruleText(_ rule: DistributionRule) -> String {
        switch rule {
        case .population: return "population"
        case .perCountyThenPopulation(let perCounty): return "\(perCounty) per county + population"
        case .perRegion(let perRegion, let metropolitan, let codes):
            return "\(perRegion) per region, \(metropolitan) to \(codes.joined(separator: ", "))"
        }
    }

    // MARK: JSON

    var json: JSONValue {
        var o = JSONObject()
        o["source"] = .string(label)
        o["agreement"] = agreementJSON
        o["plan_year"] = int(planYear)
        o["counties"] = .array(shares.map(countyJSON))
        return .object(o)
    }

    private var agreementJSON: JSONValue {
        var o = JSONObject()
        o["year"] = int(agreement.year)
        o["source"] = .string(agreement.source)
        o["total_sek"] = int(agreement.totalSEK)
        o["population_date"] = .string("\(agreement.populationYear)-12-31")
        o["population_note"] = .string(agreement.populationNote)
        o["streams"] = .array(
            agreement.streams.map { s in
                var stream = JSONObject()
                stream["id"] = .string(s.id)
                stream["kind"] = .string(s.kind.rawValue)
                stream["recipient"] = .string(s.recipient.rawValue)
                stream["amount_sek"] = int(s.amountSEK)
                stream["rule"] = Self.ruleJSON(s.rule)
                stream["title"] = .string(s.title)
                stream["source"] = .string(s.source)
                return .object(stream)
            })
        return .object(o)
    }

    static func ruleJSON(_ rule: DistributionRule) -> JSONValue {
        var o = JSONObject()
        switch rule {
        case .population:
            o["type"] = .string("population")
        case .perCountyThenPopulation(let perCounty):
            o["type"] = .string("per_county_then_population")
            o["per_county_sek"] = .number(.integer(Int64(perCounty)))
        case .perRegion(let perRegion, let metropolitan, let codes):
            o["type"] = .string("per_region")
            o["per_region_sek"] = .number(.integer(Int64(perRegion)))
            o["metropolitan_sek"] = .number(.integer(Int64(metropolitan)))
            o["metropolitan_codes"] = .array(codes.map { .string($0) })
        }
        return .object(o)
    }

    private func countyJSON(_ share: Allocation.CountyShare) -> JSONValue {
        var o = JSONObject()
        o["code"] = .string(share.county.code)
        o["name"] = .string(share.county.name)
        o["region"] = .string(share.county.region)
        o["population"] = int(share.population)
        o["total_sek"] = int(share.totalSEK)
        o["streams"] = .array(share.lines.map { .object(["id": .string($0.stream.id), "amount_sek": int($0.amountSEK)]) })
        o["kinds"] = .array(share.byKind.map { .object(["kind": .string($0.kind.rawValue), "amount_sek": int($0.amountSEK)]) })
        o["plan"] = coverage[share.county.code].map(coverageJSON) ?? .null
        return .object(o)
    }

    private func coverageJSON(_ c: AllocationCoverage) -> JSONValue {
        var o = JSONObject()
        o["plan"] = .string(c.plan.description)
        o["allocated_sek"] = int(c.allocatedSEK)
        o["budgeted_sek"] = int(c.budgetedSEK)
        o["covered_percent"] = RollUpOutput.share(c.coveredPercent)
        o["unassigned_sek"] = int(c.unassignedSEK)
        o["kinds"] = .array(
            c.rows.map { row in
                .object([
                    "kind": .string(row.kind.rawValue), "allocated_sek": int(row.allocatedSEK),
                    "budgeted_sek": int(row.budgetedSEK), "covered_percent": RollUpOutput.share(row.coveredPercent),
                ])
            })
        return .object(o)
    }

    private func int(_ n: Int) -> JSONValue { .number(.integer(Int64(n))) }

    // MARK: CSV

    /// One row per county and §6.1 kind: the allocation, split by recipient, and the plan's
    /// budget of the kind; a county whose plan has funding of no kind gets one more row with
    /// kind `none`.
    var csvRows: [[String]] {
        var rows = [
            [
                "year", "county_code", "county", "kind", "allocated_sek", "region_sek", "municipalities_sek", "joint_sek", "plan",
                "budgeted_sek", "covered_percent",
            ]
        ]
        for share in shares {
            let c = coverage[share.county.code]
            for (kind, amount) in share.byKind {
                let lines = share.lines.filter { $0.stream.kind == kind }
                let recipients = StreamRecipient.allCases.map { recipient in
                    String(lines.filter { $0.stream.recipient == recipient }.reduce(0) { $0 + $1.amountSEK })
                }
                let row = c?.rows.first { $0.kind == kind }
                rows.append(
                    [String(agreement.year), share.county.code, share.county.name, kind.rawValue, String(amount)] + recipients
                        + [
                            c?.plan.description ?? "", row.map { String($0.budgetedSEK) } ?? "",
                            row.map { percentText($0.coveredPercent) } ?? "",
                        ])
            }
            if let c, c.unassignedSEK > 0 {
                rows.append(
                    [String(agreement.year), share.county.code, share.county.name, "none", "", "", "", "", c.plan.description]
                        + [String(c.unassignedSEK), ""])
            }
        }
        return rows
    }
}

extension StreamKind {
    /// The column heading of the all-county table.
    var heading: String {
        switch self {
        case .general: return "GENERAL"
        case .cooperation: return "COOPERATION"
        case .childrenYoung: return "CHILDREN"
        case .youthClinics: return "YOUTH CLINICS"
        case .traumaCare: return "TRAUMA CARE"
        case .userParticipation: return "USERS"
        }
    }
}
