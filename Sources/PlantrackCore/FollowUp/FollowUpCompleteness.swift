/// What a plan's follow-up still lacks of what §6 of the 2019 agreement asks for, section by
/// section. The follow-up report lists it and `validate` (`followup.incomplete`) names each
/// missing part near the due dates: both call ``init(funding:followUp:)``, so they never
/// disagree (docs/report.md, "Completeness").
///
/// The results of earlier plans (§6.1) are not judged here: they follow from the plans in
/// the workspace, and a county's first plan has none.
public struct FollowUpCompleteness: Hashable, Sendable {
    /// A section of §6 whose content a follow-up must give.
    public enum Section: String, Hashable, Sendable, CaseIterable {
        /// §6.1: money per stream kind, by principal (the plan's `funding` names both).
        case money = "6.1"
        /// §6.2: user participation.
        case userParticipation = "6.2"
        /// §6.4: availability.
        case availability = "6.4"
        /// §6.5: the youth clinics.
        case youthClinics = "6.5"
    }

    /// One part that is missing.
    public struct Missing: Hashable, Sendable {
        /// The section it belongs to.
        public var section: Section
        /// The document the part belongs in: the plan (`funding`) or the follow-up.
        public var document: DocumentKind
        /// The field to fill in, as written in the document: `youth_clinics`,
        /// `availability.analysis`, `funding[0].kind`.
        public var field: String
        /// The entry of a list it is about (`funding`, `user_participation`), if any.
        public var entry: Int?

        /// Creates a missing part.
        public init(section: Section, document: DocumentKind, field: String, entry: Int? = nil) {
            self.section = section
            self.document = document
            self.field = field
            self.entry = entry
        }
    }

    /// What the plan's `funding` says of one entry: enough to judge §6.1.
    public struct FundingMark: Hashable, Sendable {
        public var kind: StreamKind?
        public var principal: Principal?

        /// Creates a mark.
        public init(kind: StreamKind?, principal: Principal?) {
            self.kind = kind
            self.principal = principal
        }
    }

    /// Every missing part, by section (§ order), then in the order of the document's fields.
    public var missing: [Missing]

    /// Judges a plan's follow-up: `funding` is the plan's `funding` entries in order,
    /// `followUp` its `followup.md` (nil when there is none).
    public init(funding: [FundingMark], followUp: FollowUp?) {
        var missing: [Missing] = []
        if funding.isEmpty {
            missing.append(Missing(section: .money, document: .plan, field: "funding"))
        }
        for (i, entry) in funding.enumerated() {
            if entry.kind == nil { missing.append(Missing(section: .money, document: .plan, field: "funding[\(i)].kind", entry: i)) }
            if entry.principal == nil {
                missing.append(Missing(section: .money, document: .plan, field: "funding[\(i)].principal", entry: i))
            }
        }
        let participation = followUp?.userParticipation ?? []
        if participation.isEmpty {
            missing.append(Missing(section: .userParticipation, document: .followup, field: "user_participation"))
        } else {
            for (i, entry) in participation.enumerated() {
                if entry.principal == nil {
                    missing.append(
                        Missing(section: .userParticipation, document: .followup, field: "user_participation[\(i)].principal", entry: i))
                }
                if entry.text == nil {
                    missing.append(
                        Missing(section: .userParticipation, document: .followup, field: "user_participation[\(i)].text", entry: i))
                }
            }
            // §6.2 asks how "these funds" were used: at least one principal says so.
            if !participation.contains(where: { $0.fundsUsedFor != nil }) {
                missing.append(Missing(section: .userParticipation, document: .followup, field: "user_participation[].funds_used_for"))
            }
        }
        if let availability = followUp?.availability {
            if availability.indicators.isEmpty {
                missing.append(Missing(section: .availability, document: .followup, field: "availability.indicators"))
            }
            if availability.analysis == nil {
                missing.append(Missing(section: .availability, document: .followup, field: "availability.analysis"))
            }
        } else {
            missing.append(Missing(section: .availability, document: .followup, field: "availability"))
        }
        if let clinics = followUp?.youthClinics {
            let fields: [(String, String?)] = [
                ("use_of_funds", clinics.useOfFunds), ("result", clinics.result), ("continued_plan", clinics.continuedPlan),
                ("responsibility", clinics.responsibility),
            ]
            for (name, value) in fields where value == nil {
                missing.append(Missing(section: .youthClinics, document: .followup, field: "youth_clinics.\(name)"))
            }
        } else {
            missing.append(Missing(section: .youthClinics, document: .followup, field: "youth_clinics"))
        }
        self.missing = missing
    }

    /// Whether nothing is missing.
    public var isComplete: Bool { missing.isEmpty }

    /// The parts missing of one section.
    public func missing(in section: Section) -> [Missing] { missing.filter { $0.section == section } }
}

/// The dates by which a plan year's follow-up is due (§6 and §9.1 of the 2019 agreement),
/// and the window in which `validate` reminds of what is missing.
public enum FollowUpDeadlines {
    /// Whom an account goes to, and by when.
    public enum Recipient: String, Hashable, Sendable, CaseIterable {
        /// SKR (SKL): the accounts and status reports, by 31 January (§6).
        case skr
        /// The agencies the government tasked with following the agreement, by 15 February (§6).
        case agencies
        /// The financial account to Kammarkollegiet, by 31 March (§9.1).
        case financial
    }

    /// One due date.
    public struct Deadline: Hashable, Sendable {
        public var recipient: Recipient
        public var date: CalendarDate
        /// When the account was submitted (the follow-up's `submitted`), if it says.
        public var submitted: CalendarDate?
    }

    /// The due dates of plan year `year`'s follow-up, in date order: 31 January, 15 February
    /// and 31 March of the next year.
    public static func deadlines(year: Int, submitted: FollowUp.Submitted? = nil) -> [Deadline] {
        let days: [(Recipient, Int, Int, CalendarDate?)] = [
            (.skr, 1, 31, submitted?.skr), (.agencies, 2, 15, submitted?.agencies), (.financial, 3, 31, submitted?.financial),
        ]
        return days.compactMap { recipient, month, day, done in
            CalendarDate(year: year + 1, month: month, day: day).map { Deadline(recipient: recipient, date: $0, submitted: done) }
        }
    }

    /// Whether `day` lies in the window when plan year `year`'s follow-up is being written
    /// and sent: 1 January through 31 March of the next year. Before it the year is not over;
    /// after it the follow-up is history, and `validate` stays quiet about it.
    public static func isDue(year: Int, on day: CalendarDate) -> Bool {
        guard let start = CalendarDate(year: year + 1, month: 1, day: 1), let end = CalendarDate(year: year + 1, month: 3, day: 31)
        else { return false }
        return start <= day && day <= end
    }
}
