/// The kinds of national money that §6.1 of the 2019 agreement asks the follow-up to account
/// for, each on its own: "allmänna stimulansmedlen, satsningen på samverkan mellan olika
/// huvudmän, särskilda satsningen på barn och unga inklusive satsningen på minskade köer i
/// barn- och ungdomspsykiatrin, satsningen till ungdomsmottagningarna, satsningen på
/// psykiatrisk traumavård och satsningen på brukarmedverkan".
///
/// A plan's funding stream names its kind in `kind:` with the raw value (docs/format.md).
public enum StreamKind: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Allmänna stimulansmedel: development in line with the local and regional plans.
    case general
    /// Samverkan mellan olika huvudmän: people who need help from several principals.
    case cooperation
    /// Barn och unga, including shorter queues in child and youth psychiatry (BUP).
    case childrenYoung = "children_young"
    /// Ungdomsmottagningar: the youth clinics.
    case youthClinics = "youth_clinics"
    /// Psykiatrisk traumavård.
    case traumaCare = "trauma_care"
    /// Brukarmedverkan: user and relative participation.
    case userParticipation = "user_participation"

    /// The Swedish name, as §6.1 words it.
    public var swedishTitle: String {
        switch self {
        case .general: return "Allmänna stimulansmedel"
        case .cooperation: return "Samverkan mellan olika huvudmän"
        case .childrenYoung: return "Barn och unga, inklusive kortare köer till BUP"
        case .youthClinics: return "Ungdomsmottagningar"
        case .traumaCare: return "Psykiatrisk traumavård"
        case .userParticipation: return "Brukarmedverkan"
        }
    }

    /// The English name.
    public var englishTitle: String {
        switch self {
        case .general: return "General stimulus funds"
        case .cooperation: return "Cooperation between principals"
        case .childrenYoung: return "Children and young people, incl. shorter BUP queues"
        case .youthClinics: return "Youth clinics"
        case .traumaCare: return "Psychiatric trauma care"
        case .userParticipation: return "User participation"
        }
    }

    /// §6.1's order.
    public static func < (a: StreamKind, b: StreamKind) -> Bool {
        let order = allCases
        return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }
}

/// Whom a national stream is paid to within a county.
public enum StreamRecipient: String, Hashable, Sendable, CaseIterable {
    /// The region (landstinget).
    case region
    /// The county's municipalities together (SKL divides it between them).
    case municipalities
    /// The region and the municipalities jointly: paid to the principal the county names.
    case joint
}

/// How a national stream is divided between the 21 counties.
public enum DistributionRule: Hashable, Sendable {
    /// By each county's share of the population.
    case population
    /// A fixed sum to every county, and the rest by population share (cooperation: 5 MSEK).
    case perCountyThenPopulation(perCountySEK: Int)
    /// A fixed sum to each region, and a larger one to the metropolitan regions, named by
    /// county code (user participation: 1 MSEK, and 2 MSEK to 01, 12 and 14).
    case perRegion(perRegionSEK: Int, metropolitanSEK: Int, metropolitanCodes: [String])
}

/// One national stream of an agreement: an amount, whom it goes to, and how it is divided.
public struct NationalStream: Hashable, Sendable, Identifiable {
    /// A stable name (`general-regions`), used in the JSON and CSV output.
    public var id: String
    /// The §6.1 kind it is accounted under.
    public var kind: StreamKind
    /// Whom it is paid to in each county.
    public var recipient: StreamRecipient
    /// The national amount, in whole kronor.
    public var amountSEK: Int
    /// How it is divided between the counties.
    public var rule: DistributionRule
    /// The agreement's own words for it (Swedish).
    public var title: String
    /// Where in the agreement the amount and rule are written.
    public var source: String

    /// Creates a stream.
    public init(
        id: String, kind: StreamKind, recipient: StreamRecipient, amountSEK: Int, rule: DistributionRule, title: String,
        source: String
    ) {
        self.id = id
        self.kind = kind
        self.recipient = recipient
        self.amountSEK = amountSEK
        self.rule = rule
        self.title = title
        self.source = source
    }
}

/// One year's agreement between the state and SKL (SKR): the national streams that are
/// divided between the counties, and the population they are divided by.
public struct Agreement: Hashable, Sendable {
    /// The agreement year.
    public var year: Int
    /// The streams paid to the counties (money kept by SKL is not among them).
    public var streams: [NationalStream]
    /// The year whose 31 December population divides the money (see `populationNote`).
    public var populationYear: Int
    /// What the agreement says the population is, and what stands in for it.
    public var populationNote: String
    /// The document the amounts come from.
    public var source: String

    /// The sum of the streams.
    public var totalSEK: Int { streams.reduce(0) { $0 + $1.amountSEK } }

    /// Creates an agreement.
    public init(year: Int, streams: [NationalStream], populationYear: Int, populationNote: String, source: String) {
        self.year = year
        self.streams = streams
        self.populationYear = populationYear
        self.populationNote = populationNote
        self.source = source
    }
}

extension Agreement {
    /// The agreements plantrack knows, oldest first.
    public static let known: [Agreement] = [agreement2019]

    /// The agreement of this year, if plantrack knows it.
    public static func known(year: Int) -> Agreement? { known.first { $0.year == year } }

    /// Överenskommelse om stöd till riktade insatser inom området psykisk hälsa 2019
    /// (seed 001; SKL approved it on 19 June 2019): §5 items 1–7, the table in §8 and the rules of §5.
    static let agreement2019 = Agreement(
        year: 2019,
        streams: [
            NationalStream(
                id: "general-regions", kind: .general, recipient: .region, amountSEK: 350_000_000, rule: .population,
                title: "Stimulansmedel till landstingen", source: "§5 punkt 1; §8"),
            NationalStream(
                id: "general-municipalities", kind: .general, recipient: .municipalities, amountSEK: 350_000_000,
                rule: .population, title: "Stimulansmedel till kommunerna", source: "§5 punkt 1; §8"),
            NationalStream(
                id: "cooperation", kind: .cooperation, recipient: .joint, amountSEK: 200_000_000,
                rule: .perCountyThenPopulation(perCountySEK: 5_000_000),
                title: "Insatser för stärkt samverkan", source: "§5 punkt 2; §8"),
            NationalStream(
                id: "children-young", kind: .childrenYoung, recipient: .region, amountSEK: 250_000_000, rule: .population,
                title: "Insatser för barn och unga", source: "§5 punkt 3; §8"),
            NationalStream(
                id: "bup-queues", kind: .childrenYoung, recipient: .region, amountSEK: 380_000_000, rule: .population,
                title: "Medel för att korta köer till BUP", source: "§5 punkt 4; §8"),
            NationalStream(
                id: "youth-clinics", kind: .youthClinics, recipient: .joint, amountSEK: 130_000_000, rule: .population,
                title: "Ungdomsmottagningar", source: "§5 punkt 5; §6.5; §8"),
            NationalStream(
                id: "user-participation", kind: .userParticipation, recipient: .region, amountSEK: 24_000_000,
                rule: .perRegion(perRegionSEK: 1_000_000, metropolitanSEK: 2_000_000, metropolitanCodes: ["01", "12", "14"]),
                title: "Brukarmedverkan", source: "§5 punkt 6; §8"),
            NationalStream(
                id: "trauma-care", kind: .traumaCare, recipient: .region, amountSEK: 50_000_000, rule: .population,
                title: "Psykiatrisk traumavård", source: "§5 punkt 7; §8"),
        ],
        populationYear: 2018,
        populationNote:
            "the agreement divides by the population of 1 November 2018 (SCB); 31 December 2018 stands in for it",
        source: "Överenskommelse om stöd till riktade insatser inom området psykisk hälsa 2019 (godkänd av SKL 19 juni 2019)"
    )
}
