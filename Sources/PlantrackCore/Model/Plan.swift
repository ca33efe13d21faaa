/// A county's action plan (handlingsplan) for one year.
public struct Plan: Hashable, Sendable {
    /// Where a plan stands in its yearly cycle.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case draft
        case adopted
        case closed
    }

    /// A focus area (insatsområde), possibly a sub-area of another.
    public struct Area: Hashable, Sendable {
        public var id: String
        public var title: String
        /// The parent area's id, for sub-areas.
        public var parent: String?
    }

    /// Money from one funding stream (satsning) for this plan.
    public struct Funding: Hashable, Sendable {
        public var stream: String
        public var amountSEK: Int
        public var note: String?
        /// The §6.1 kind of national money it is accounted under (`kind:`), if named.
        public var kind: StreamKind?
        /// Whose money it is (`principal:`), if named.
        public var principal: Principal?

        /// Creates a funding stream.
        public init(stream: String, amountSEK: Int, note: String? = nil, kind: StreamKind? = nil, principal: Principal? = nil) {
            self.stream = stream
            self.amountSEK = amountSEK
            self.note = note
            self.kind = kind
            self.principal = principal
        }
    }

    /// A member of the steering group (styrgrupp).
    public struct SteeringMember: Hashable, Sendable {
        public var name: String
        public var organisation: String?
        public var role: String?
    }

    /// Who adopted the plan, and when.
    public struct Adoption: Hashable, Sendable {
        public var date: CalendarDate?
        public var by: String?
    }

    /// The analysis the plan rests on (the 2019 agreement builds on "de analyser och
    /// handlingsplaner" of 2016–2018; Stockholm's plan on "den länsgemensamma analysen"):
    /// where the document is and its date.
    public struct Analysis: Hashable, Sendable {
        /// A path in the repository or a URL.
        public var document: String
        /// The analysis's date.
        public var date: CalendarDate?

        /// Creates an analysis reference.
        public init(document: String, date: CalendarDate?) {
            self.document = document
            self.date = date
        }
    }

    /// The plan year's first and last day.
    public struct Period: Hashable, Sendable {
        public var start: CalendarDate
        public var end: CalendarDate

        /// Creates a period from `start` to `end`, both included.
        public init(start: CalendarDate, end: CalendarDate) {
            self.start = start
            self.end = end
        }

        /// Whether `date` falls within the period, both ends included.
        public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }
    }

    /// `county/year`.
    public var reference: ItemReference
    public var title: String
    /// How many annual revisions the plan has had (Stockholm 2021 is version 4).
    public var version: Int
    public var status: Status
    public var adopted: Adoption?
    public var period: Period?
    /// The previous plan this one revises (`stockholm/2020`).
    public var revises: ItemReference?
    /// The analysis the plan rests on (`analysis:`), if named.
    public var analysis: Analysis?
    /// The plan's overall aims.
    public var objectives: [String]
    public var areas: [Area]
    public var funding: [Funding]
    public var steeringGroup: [SteeringMember]
    /// What of the plan is made up for illustration (`x-illustrative`), if anything.
    public var illustrative: Illustrative?
    /// The plan's prose: background, purpose, organisation.
    public var body: String

    /// The county's id.
    public var county: String { reference.county }
    /// The plan year.
    public var year: Int { reference.year ?? 0 }

    /// Reads a plan document.
    public init(document: Document) throws(ModelError) {
        let f = Fields(document.frontMatter, path: document.path)
        let county = try f.required("county")
        let year = try f.requiredInt("year")
        reference = ItemReference(county: county, year: year)
        title = try f.required("title")
        version = try f.requiredInt("version")
        status = try f.requiredEnum("status")
        adopted = f.record("adopted").map { Adoption(date: $0.date("date"), by: $0.string("by")) }
        period = f.record("period").flatMap { p in
            guard let start = p.date("start"), let end = p.date("end") else { return nil }
            return Period(start: start, end: end)
        }
        revises = f.reference("revises")
        analysis = f.record("analysis").flatMap { a in a.string("document").map { Analysis(document: $0, date: a.date("date")) } }
        objectives = f.strings("objectives")
        areas = f.records("areas").compactMap { a in
            guard let id = a.string("id"), let title = a.string("title") else { return nil }
            return Area(id: id, title: title, parent: a.string("parent"))
        }
        funding = f.records("funding").compactMap { r in
            guard let stream = r.string("stream"), let amount = r.int("amount_sek") else { return nil }
            return Funding(
                stream: stream, amountSEK: amount, note: r.string("note"), kind: r.enumValue("kind"),
                principal: r.string("principal").flatMap(Principal.init))
        }
        steeringGroup = f.records("steering_group").compactMap { m in
            m.string("name").map { SteeringMember(name: $0, organisation: m.string("organisation"), role: m.string("role")) }
        }
        illustrative = f.illustrative
        body = document.body
    }

    /// The area with this id.
    public func area(_ id: String) -> Area? { areas.first { $0.id == id } }
}
