/// Each county's share of each national stream of an agreement, in whole kronor.
///
/// The rules are the agreement's (docs/allocation.md):
/// - `population`: the amount times the county's population over the national population;
/// - `perCountyThenPopulation`: the fixed sum to every county, and the rest so;
/// - `perRegion`: the fixed sums, which need no rounding.
///
/// Rounding: each county first gets its exact share rounded down to whole kronor; the kronor
/// left over (fewer than the number of counties) go one each to the counties whose exact share
/// lost the most in rounding down, ties to the lower county code (the largest-remainder
/// method). So every share is its exact value rounded down or up, and the shares of a stream
/// add up to the national amount exactly. The arithmetic is in integers; no floating point.
public struct Allocation: Hashable, Sendable {
    /// One county's money from one stream.
    public struct Line: Hashable, Sendable {
        /// The stream.
        public var stream: NationalStream
        /// The county's share, in whole kronor.
        public var amountSEK: Int
    }

    /// One county's shares.
    public struct CountyShare: Hashable, Sendable {
        /// The county.
        public var county: CountyFacts
        /// The population the money was divided by.
        public var population: Int
        /// One line per stream, in the agreement's order.
        public var lines: [Line]

        /// The county's money in all.
        public var totalSEK: Int { lines.reduce(0) { $0 + $1.amountSEK } }

        /// The county's money per §6.1 kind, in §6.1's order; kinds with no stream are left out.
        public var byKind: [(kind: StreamKind, amountSEK: Int)] {
            var result: [(kind: StreamKind, amountSEK: Int)] = []
            for kind in StreamKind.allCases where lines.contains(where: { $0.stream.kind == kind }) {
                result.append((kind: kind, amountSEK: amountSEK(of: kind)))
            }
            return result
        }

        /// The county's money of one kind.
        public func amountSEK(of kind: StreamKind) -> Int {
            lines.filter { $0.stream.kind == kind }.reduce(0) { $0 + $1.amountSEK }
        }
    }

    /// The agreement divided.
    public var agreement: Agreement
    /// Every county's shares, in the order of the counties given (county code).
    public var shares: [CountyShare]

    /// Divides `agreement` between `counties` by their population at the end of the
    /// agreement's `populationYear`.
    ///
    /// - Throws: ``AllocationError`` when a county has no population for that year, the
    ///   population is not positive, or a fixed sum exceeds its stream.
    public init(agreement: Agreement, counties: [CountyFacts] = CountyFacts.all) throws(AllocationError) {
        self.agreement = agreement
        var populations: [Int] = []
        for county in counties {
            guard let population = county.populationAtYearEnd[agreement.populationYear], population > 0 else {
                throw .missingPopulation(county: county.name, year: agreement.populationYear)
            }
            populations.append(population)
        }
        var amounts: [[Int]] = []
        for stream in agreement.streams {
            amounts.append(try Self.divide(stream, between: counties, populations: populations))
        }
        shares = counties.indices.map { c in
            CountyShare(
                county: counties[c], population: populations[c],
                lines: agreement.streams.indices.map { s in Line(stream: agreement.streams[s], amountSEK: amounts[s][c]) })
        }
    }

    /// The share of the county with this code.
    public func share(code: String) -> CountyShare? { shares.first { $0.county.code == code } }

    /// One stream divided by its rule.
    static func divide(_ stream: NationalStream, between counties: [CountyFacts], populations: [Int]) throws(AllocationError)
        -> [Int]
    {
        switch stream.rule {
        case .population:
            return largestRemainders(of: stream.amountSEK, weights: populations)
        case .perCountyThenPopulation(let perCounty):
            let rest = stream.amountSEK - perCounty * counties.count
            guard perCounty >= 0, rest >= 0 else { throw .fixedSumsExceed(stream: stream.id, amountSEK: stream.amountSEK) }
            return largestRemainders(of: rest, weights: populations).map { $0 + perCounty }
        case .perRegion(let perRegion, let metropolitan, let codes):
            let shares = counties.map { codes.contains($0.code) ? metropolitan : perRegion }
            guard shares.reduce(0, +) == stream.amountSEK else {
                throw .fixedSumsDiffer(stream: stream.id, amountSEK: stream.amountSEK, fixedSEK: shares.reduce(0, +))
            }
            return shares
        }
    }

    /// `amount` divided in proportion to `weights` in whole units, by the largest-remainder
    /// method: floors first, then one unit each to the largest remainders, ties to the
    /// earlier index. The result adds up to `amount`.
    public static func largestRemainders(of amount: Int, weights: [Int]) -> [Int] {
        let total = weights.reduce(0, +)
        guard total > 0, amount >= 0 else { return weights.map { _ in 0 } }
        var floors: [Int] = []
        var remainders: [Int] = []
        for weight in weights {
            // amount × weight can pass Int.max for large amounts: multiply in full width.
            let (quotient, remainder) = total.dividingFullWidth(amount.multipliedFullWidth(by: weight))
            floors.append(quotient)
            remainders.append(remainder)
        }
        let left = amount - floors.reduce(0, +)
        let order = weights.indices.sorted { a, b in
            remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b
        }
        for index in order.prefix(left) { floors[index] += 1 }
        return floors
    }
}

/// Why an agreement cannot be divided.
public enum AllocationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A county has no population for the year the agreement divides by.
    case missingPopulation(county: String, year: Int)
    /// A stream's fixed sums per county add up to more than the stream.
    case fixedSumsExceed(stream: String, amountSEK: Int)
    /// A stream of fixed sums per region does not add up to its amount.
    case fixedSumsDiffer(stream: String, amountSEK: Int, fixedSEK: Int)

    public var description: String {
        switch self {
        case .missingPopulation(let county, let year):
            return "\(county) has no population for 31 December \(year), which the agreement divides by"
        case .fixedSumsExceed(let stream, let amount):
            return "stream \(stream): the fixed sums per county exceed its \(amount) kronor"
        case .fixedSumsDiffer(let stream, let amount, let fixed):
            return "stream \(stream): the fixed sums per region add up to \(fixed) kronor, not its \(amount)"
        }
    }
}
