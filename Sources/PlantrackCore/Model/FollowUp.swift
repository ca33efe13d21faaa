/// A plan's yearly follow-up (redovisning) as §6 of the 2019 agreement asks for it:
/// `Plans/<county>/<year>/followup.md` (docs/format.md, "The follow-up"). What the agreement
/// asks that the plan and its items cannot say: how the principals work with users and
/// relatives (§6.2), the waiting-time figures and their analysis (§6.4), the youth clinics
/// (§6.5), and when the accounts were submitted.
///
/// Read leniently, like the other models: a field of the wrong type reads as absent (the
/// schema reports it), so the completeness list names it as missing.
public struct FollowUp: Hashable, Sendable {
    /// One principal's work with users and relatives (§6.2).
    public struct Participation: Hashable, Sendable {
        /// Whose work it is; nil when not named or not a principal.
        public var principal: Principal?
        /// How the principal works with users and relatives.
        public var text: String?
        /// What the user-participation funds paid for.
        public var fundsUsedFor: String?

        /// Creates an entry.
        public init(principal: Principal?, text: String?, fundsUsedFor: String?) {
            self.principal = principal
            self.text = text
            self.fundsUsedFor = fundsUsedFor
        }
    }

    /// Availability (§6.4): waiting-time indicators of the plan's goals, and the analysis.
    public struct Availability: Hashable, Sendable {
        /// `goal-id/indicator-id` references to indicators of the plan's goals.
        public var indicators: [String]
        /// The analysis of availability the agreement asks for.
        public var analysis: String?

        /// Creates the section.
        public init(indicators: [String], analysis: String?) {
            self.indicators = indicators
            self.analysis = analysis
        }
    }

    /// The youth clinics (§6.5): one account for the whole county.
    public struct YouthClinics: Hashable, Sendable {
        /// How the year's funds were used.
        public var useOfFunds: String?
        /// What came of it.
        public var result: String?
        /// The plan for the continued work of strengthening the clinics.
        public var continuedPlan: String?
        /// How responsibility is divided between the principals, and the clinics' remit.
        public var responsibility: String?

        /// Creates the section.
        public init(useOfFunds: String?, result: String?, continuedPlan: String?, responsibility: String?) {
            self.useOfFunds = useOfFunds
            self.result = result
            self.continuedPlan = continuedPlan
            self.responsibility = responsibility
        }
    }

    /// When the accounts were submitted (§6, §9.1); nil: not yet.
    public struct Submitted: Hashable, Sendable {
        /// To SKR (accounts and status reports).
        public var skr: CalendarDate?
        /// To the agencies following the agreement.
        public var agencies: CalendarDate?
        /// The financial account (§9.1).
        public var financial: CalendarDate?

        /// Creates the dates.
        public init(skr: CalendarDate? = nil, agencies: CalendarDate? = nil, financial: CalendarDate? = nil) {
            self.skr = skr
            self.agencies = agencies
            self.financial = financial
        }
    }

    /// `county/year`: the plan it follows up.
    public var reference: ItemReference
    public var submitted: Submitted
    /// §6.2; empty when absent.
    public var userParticipation: [Participation]
    /// §6.4; nil when absent.
    public var availability: Availability?
    /// §6.5; nil when absent.
    public var youthClinics: YouthClinics?
    /// What of the follow-up is made up for illustration (`x-illustrative`), if anything.
    public var illustrative: Illustrative?
    /// The follow-up's prose.
    public var body: String

    /// Creates a follow-up from parts.
    public init(
        reference: ItemReference, submitted: Submitted = Submitted(), userParticipation: [Participation] = [],
        availability: Availability? = nil, youthClinics: YouthClinics? = nil, illustrative: Illustrative? = nil,
        body: String = ""
    ) {
        self.reference = reference
        self.submitted = submitted
        self.userParticipation = userParticipation
        self.availability = availability
        self.youthClinics = youthClinics
        self.illustrative = illustrative
        self.body = body
    }

    /// Reads a follow-up document; the plan it follows up is its folder's.
    public init(document: Document) throws(ModelError) {
        guard let plan = document.reference?.plan else {
            throw ModelError(path: document.path, message: "a follow-up stands in a plan's folder: Plans/<county>/<year>/followup.md")
        }
        self.init(frontMatter: document.frontMatter, reference: plan, path: document.path, body: document.body)
    }

    /// Reads the fields of a follow-up's front matter (the validator reads them this way too).
    init(frontMatter: YAMLMapping, reference: ItemReference, path: String, body: String) {
        let f = Fields(frontMatter, path: path)
        self.reference = reference
        let submitted = f.record("submitted")
        self.submitted = Submitted(
            skr: submitted?.date("skr"), agencies: submitted?.date("agencies"), financial: submitted?.date("financial"))
        userParticipation = f.records("user_participation").map { entry in
            Participation(
                principal: entry.string("principal").flatMap(Principal.init), text: Self.text(entry, "text"),
                fundsUsedFor: Self.text(entry, "funds_used_for"))
        }
        availability = f.record("availability").map { section in
            Availability(indicators: section.strings("indicators"), analysis: Self.text(section, "analysis"))
        }
        youthClinics = f.record("youth_clinics").map { section in
            YouthClinics(
                useOfFunds: Self.text(section, "use_of_funds"), result: Self.text(section, "result"),
                continuedPlan: Self.text(section, "continued_plan"), responsibility: Self.text(section, "responsibility"))
        }
        illustrative = f.illustrative
        self.body = body
    }

    /// A text field, nil when absent or only blanks (blank text says nothing).
    private static func text(_ fields: Fields, _ key: String) -> String? {
        guard let text = fields.string(key), text.contains(where: { !$0.isWhitespace }) else { return nil }
        return text
    }
}
