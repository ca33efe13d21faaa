/// A county (län): one of Sweden's 21, with its region and municipalities.
public struct County: Hashable, Sendable {
    /// A person to contact about the county's plans.
    public struct Contact: Hashable, Sendable {
        public var name: String
        public var role: String?
        public var email: String?
    }

    /// A population figure and the date it was counted.
    public struct Population: Hashable, Sendable {
        public var value: Int
        public var date: CalendarDate?
    }

    /// The county's id: its folder name (`stockholm`).
    public var id: String
    /// Its name (`Stockholms län`).
    public var name: String
    /// The two-digit county code (`01`).
    public var code: String
    /// The region with regional responsibility (`Region Stockholm`).
    public var region: String?
    /// How many municipalities (kommuner) the county has.
    public var municipalities: Int?
    /// The population.
    public var population: Population?
    /// Contacts.
    public var contacts: [Contact]
    /// What of the county document is made up for illustration (`x-illustrative`), if anything.
    public var illustrative: Illustrative?
    /// The free-text body.
    public var body: String

    /// Reads a county document.
    public init(document: Document) throws(ModelError) {
        let f = Fields(document.frontMatter, path: document.path)
        id = try f.required("id")
        name = try f.required("name")
        code = try f.required("code")
        region = f.string("region")
        municipalities = f.int("municipalities")
        population = f.record("population").flatMap { p in
            p.int("value").map { Population(value: $0, date: p.date("date")) }
        }
        contacts = f.records("contacts").compactMap { c in
            c.string("name").map { Contact(name: $0, role: c.string("role"), email: c.string("email")) }
        }
        illustrative = f.illustrative
        body = document.body
    }
}
