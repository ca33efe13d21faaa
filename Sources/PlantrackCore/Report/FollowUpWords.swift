/// The words of the follow-up's §6 sections (``FollowUpReport/AgreementPart``) in the
/// report's language: the agreement's own Swedish terms, and English ones.
public struct FollowUpWords: Sendable {
    public var language: ReportLanguage

    /// Creates the words of `language`.
    public init(language: ReportLanguage) {
        self.language = language
    }

    private var sv: Bool { language == .sv }

    /// The heading of the whole part.
    public var heading: String { sv ? "Redovisning enligt överenskommelsen (§6)" : "Follow-up as the agreement asks (§6)" }
    public var deadlinesHeading: String { sv ? "Sista dagar för redovisningen" : "Due dates" }
    public var moneyHeading: String { sv ? "§6.1 Medel per satsning och huvudman" : "§6.1 Funds per stream and principal" }
    public var allocationHeading: String { sv ? "Tilldelning enligt överenskommelsen" : "Allocation under the agreement" }
    public var earlierHeading: String { sv ? "§6.1 Resultat av tidigare planer" : "§6.1 Results of earlier plans" }
    public var participationHeading: String { sv ? "§6.2 Brukarmedverkan" : "§6.2 User participation" }
    public var availabilityHeading: String { sv ? "§6.4 Tillgänglighet" : "§6.4 Availability" }
    public var youthClinicsHeading: String { sv ? "§6.5 Ungdomsmottagningar" : "§6.5 Youth clinics" }
    public var completenessHeading: String { sv ? "Fullständighet" : "Completeness" }

    public var recipient: String { sv ? "Redovisning" : "Account" }
    public var dueBy: String { sv ? "Senast" : "Due by" }
    public var state: String { sv ? "Läge" : "State" }
    public var kind: String { sv ? "Satsning" : "Stream" }
    public var principal: String { sv ? "Huvudman" : "Principal" }
    public var allocated: String { sv ? "Tilldelat" : "Allocated" }
    public var inPlan: String { sv ? "I planen" : "In the plan" }
    public var indicator: String { sv ? "Indikator" : "Indicator" }
    public var source: String { sv ? "Källa" : "Source" }
    public var latest: String { sv ? "Senaste värde" : "Latest value" }
    public var target: String { sv ? "Målvärde" : "Target" }
    public var analysis: String { sv ? "Analys" : "Analysis" }
    public var fundsUsedFor: String { sv ? "Medlen användes till" : "Funds used for" }
    /// The label of an earlier plan's goal or activity: `Mål bu-ft-lt-1`, `Activity bu-p1`.
    public var goal: String { sv ? "Mål" : "Goal" }
    public var activity: String { sv ? "Aktivitet" : "Activity" }
    public var carriedOn: String { sv ? "fortsätter" : "carried on" }

    /// Whom an account goes to, as §6 and §9.1 say.
    public func recipient(_ recipient: FollowUpDeadlines.Recipient) -> String {
        switch (recipient, sv) {
        case (.skr, true): return "Redovisningar och nulägesrapporter till SKR (§6)"
        case (.agencies, true): return "Till myndigheterna som följer överenskommelsen (§6)"
        case (.financial, true): return "Ekonomisk redovisning till Kammarkollegiet (§9.1)"
        case (.skr, false): return "Accounts and status reports to SKR (§6)"
        case (.agencies, false): return "To the agencies following the agreement (§6)"
        case (.financial, false): return "Financial account to Kammarkollegiet (§9.1)"
        }
    }

    /// Where a due date stands on the report's day: submitted, passed, or how far off.
    public func deadlineState(_ deadline: FollowUpDeadlines.Deadline, asOf: CalendarDate, _ f: ReportFormat) -> String {
        if let submitted = deadline.submitted { return (sv ? "lämnad " : "submitted ") + f.date(submitted) }
        if asOf > deadline.date { return sv ? "passerad, inte lämnad" : "passed, not submitted" }
        let days = deadline.date.daysSinceEpoch - asOf.daysSinceEpoch
        return sv
            ? "inte lämnad; \(days) \(days == 1 ? "dag" : "dagar") kvar"
            : "not submitted; \(EnglishWords.count(days, "day")) left"
    }

    /// A §6.1 kind; nil: the funding names none.
    public func kind(_ kind: StreamKind?) -> String {
        guard let kind else { return sv ? "Ingen satsning angiven" : "No stream kind stated" }
        return sv ? kind.swedishTitle : kind.englishTitle
    }

    /// A principal; nil: not stated.
    public func principal(_ principal: Principal?) -> String {
        switch (principal, sv) {
        case (.region, true): return "Regionen"
        case (.municipalities, true): return "Kommunerna"
        case (.municipality(let code), true): return "Kommun \(code)"
        case (.joint, true): return "Gemensamt"
        case (nil, true): return "Ej angiven"
        case (.region, false): return "The region"
        case (.municipalities, false): return "The municipalities"
        case (.municipality(let code), false): return "Municipality \(code)"
        case (.joint, false): return "Jointly"
        case (nil, false): return "Not stated"
        }
    }

    /// `Planen redovisar 6 400 000 kr av de 369 … kr som länets huvudmän kan ta del av
    /// enligt överenskommelsen 2019 (1,7 %).`
    public func coverage(_ coverage: AllocationCoverage, agreementYear: Int, _ f: ReportFormat) -> String {
        let budgeted = f.money(coverage.budgetedSEK)
        let allocated = f.money(coverage.allocatedSEK)
        let share = f.percent(coverage.coveredPercent)
        return sv
            ? "Planen redovisar \(budgeted) av de \(allocated) som länets huvudmän kan ta del av enligt överenskommelsen \(agreementYear) (\(share))."
            : "The plan accounts for \(budgeted) of the \(allocated) the county's principals can receive under the \(agreementYear) agreement (\(share))."
    }

    /// Said when no allocation can be shown.
    public var noAllocation: String {
        sv
            ? "Ingen tilldelning att jämföra med: plantrack känner ingen överenskommelse för planåret eller länet saknar länskod."
            : "No allocation to compare with: plantrack knows no agreement for the plan year, or the county has no county code."
    }

    /// The funding streams that name no §6.1 kind.
    public var unassigned: String { sv ? "Utan angiven satsning" : "No kind stated" }

    public var noEarlierPlan: String {
        sv
            ? "Ingen tidigare plan i arbetsytan (planen anger ingen revises)."
            : "No earlier plan in the workspace (the plan names no revises)."
    }

    /// `stockholm/2020: 5 av 18 fortsätter 2021`.
    public func carriedCount(_ carried: Int, of all: Int) -> String {
        sv ? "\(carried) av \(all) fortsätter i nästa plan" : "\(carried) of \(all) carried on into the next plan"
    }

    /// Said of a section the follow-up does not give.
    public func missing(_ fields: [String]) -> String {
        (sv ? "Saknas: " : "Missing: ") + fields.joined(separator: ", ")
    }

    public var noFollowUp: String {
        sv ? "Redovisningen saknas (ingen followup.md för planen)." : "There is no follow-up (no followup.md for the plan)."
    }

    public var complete: String { sv ? "komplett" : "complete" }

    /// A section's name in the completeness list.
    public func section(_ section: FollowUpCompleteness.Section) -> String {
        switch section {
        case .money: return moneyHeading
        case .userParticipation: return participationHeading
        case .availability: return availabilityHeading
        case .youthClinics: return youthClinicsHeading
        }
    }

    /// The labels of §6.5's four parts, in the order the follow-up writes them.
    public var youthClinicsLabels: [String] {
        sv
            ? ["Medlens användning", "Resultat", "Plan för fortsatt arbete", "Huvudmannaansvar och uppdrag"]
            : ["Use of funds", "Result", "Plan for continued work", "Responsibility and remit"]
    }
}
