// What the rules need from each document, read once when the index is built: every rule
// then works on these values instead of searching the front matter again (a national
// workspace has tens of thousands of documents and the rules are many). Plans, goals and
// activities are classes because the index keeps each in several lists and tables, and
// copying a large struct into each cost more than the rules themselves.

/// What every document says about itself.
final class DocumentFacts: Sendable {
    let document: Document
    /// The front matter's `kind`, when it is text.
    let kind: Located<String>?
    /// The front matter's `id`, when it is text.
    let id: Located<String>?

    init(_ document: Document, _ fields: FrontMatterView) {
        // The rules read the fields below, never the tree or the body again: keeping them
        // would hold every document's tree for as long as its facts (``IncrementalRollUp``
        // keeps facts of a whole workspace).
        var kept = document
        kept.frontMatter = YAMLMapping([])
        kept.body = ""
        self.document = kept
        kind = fields.string("kind")
        id = fields.string("id")
    }

    /// Whether the rules may read the document's content: not when its front matter says
    /// it is another kind than its place gives (`layout.kind-mismatch` reports that, and
    /// judging a goal's fields by an activity's rules would only bury that finding).
    var isJudged: Bool { kind.map { $0.value == document.kind.rawValue } ?? true }

    /// The id its place gives it: the file name of a goal or activity, the folder of a county.
    var placeID: String? { document.reference?.id ?? (document.kind == .county ? document.reference?.county : nil) }

    /// Where a finding about the whole document points: its `id` value when it has one,
    /// otherwise the start of the front matter.
    var idPlace: RulePlace {
        id?.place ?? RulePlace(location: document.frontMatterLocation, pointer: "/id")
    }
}

/// A plan document.
final class PlanFacts: Sendable {
    /// An entry of `areas`.
    struct Area {
        var id: Located<String>?
        var parent: Located<String>?
    }

    /// An entry of `funding`.
    struct Funding {
        var stream: Located<String>?
        var amountSEK: Int?
        /// Where the entry starts.
        var place: RulePlace
        /// Its §6.1 kind and principal, as ``FollowUpCompleteness`` judges them.
        var mark: FollowUpCompleteness.FundingMark
    }

    let base: DocumentFacts
    let county: Located<String>?
    let year: Located<Int>?
    let status: Located<Plan.Status>?
    let hasAdopted: Bool
    let periodStart: Located<CalendarDate>?
    let periodEnd: Located<CalendarDate>?
    let revises: Located<String>?
    /// nil when `areas` is absent or not a list.
    let areas: [Area]?
    /// nil when `funding` is present but not a list; empty when absent.
    let funding: [Funding]?

    init(_ document: Document) {
        let fields = FrontMatterView(document.frontMatter)
        base = DocumentFacts(document, fields)
        county = fields.string("county")
        year = fields.int("year")
        status = fields.enumValue("status")
        hasAdopted = fields.has("adopted")
        let period = fields.record("period")
        periodStart = period?.date("start")
        periodEnd = period?.date("end")
        revises = fields.string("revises")
        areas =
            fields.list("areas") == nil
            ? nil
            : fields.records("areas").map {
                Area(id: $0.value.string("id"), parent: $0.value.string("parent"))
            }
        if !fields.has("funding") {
            funding = []
        } else if fields.list("funding") == nil {
            funding = nil
        } else {
            funding = fields.records("funding").map {
                Funding(
                    stream: $0.value.string("stream"), amountSEK: $0.value.int("amount_sek")?.value, place: $0.place,
                    mark: FollowUpCompleteness.FundingMark(
                        kind: $0.value.enumValue("kind", StreamKind.self)?.value,
                        principal: $0.value.string("principal").flatMap { Principal($0.value) }))
            }
        }
    }

    var document: Document { base.document }
}

/// A goal document.
final class GoalFacts: Sendable {
    let base: DocumentFacts
    let term: Goal.Term?
    let area: Located<String>?
    /// The text entries of `serves`.
    let serves: [Located<String>]
    /// The `serves` key when `serves` is a non-empty list.
    let servesKey: RulePlace?
    let carriedFrom: Located<String>?
    /// The text `id` of each indicator, in order.
    let indicatorIDs: [Located<String>]
    /// The date of every measurement of every indicator.
    let measurementDates: [Located<CalendarDate>]
    /// The `target.date` of every indicator that has one, with the indicator's id.
    let targetDates: [(indicator: String?, date: Located<CalendarDate>)]
    /// The canonical text of each field that may count for the goal's meaning.
    let meaning: GoalMeaningTexts
    /// The review stamps of its `serves` links, by goal id.
    let stamps: [String: LinkStamp]
    /// Where `term`'s value stands (the measurable-goal rules point there).
    let termPlace: RulePlace?
    /// Where `indicators`' value stands, when the key is there.
    let indicatorsPlace: RulePlace?
    /// Whether `indicators` holds something other than a list (the schema's finding).
    let indicatorsUnreadable: Bool
    /// What the measurable-goal rules read of each indicator (Rules+Measurable.swift).
    let indicators: [IndicatorFacts]
    /// The `performance` entries (Rules+Performance.swift).
    let performance: [PerformanceFacts]

    init(_ document: Document) {
        let fields = FrontMatterView(document.frontMatter)
        base = DocumentFacts(document, fields)
        meaning = GoalMeaningTexts(document)
        stamps = LinkStamp.stamps(in: document.frontMatter)
        term = fields.enumValue("term", Goal.Term.self)?.value
        termPlace = fields.string("term")?.place
        indicatorsPlace = fields.valuePlace("indicators")
        indicatorsUnreadable = fields.has("indicators") && fields.list("indicators") == nil
        area = fields.string("area")
        serves = fields.strings("serves")
        servesKey = fields.list("serves").map(\.isEmpty) == false ? fields.keyPlace("serves") : nil
        carriedFrom = fields.string("carried_from")
        let indicators = fields.records("indicators")
        indicatorIDs = indicators.compactMap { $0.value.string("id") }
        measurementDates = indicators.flatMap { indicator in
            indicator.value.records("measurements").compactMap { $0.value.date("date") }
        }
        targetDates = indicators.compactMap { indicator in
            indicator.value.record("target")?.date("date").map { (indicator.value.string("id")?.value, $0) }
        }
        self.indicators = indicators.map(IndicatorFacts.init)
        performance = fields.records("performance").map(PerformanceFacts.init)
    }

    var document: Document { base.document }
    /// The id its file name gives it.
    var id: String? { document.reference?.id }
}

/// An activity document.
final class ActivityFacts: Sendable {
    /// What the `goals` field holds.
    enum GoalsField {
        /// Absent or null.
        case absent
        /// An empty list, at this place.
        case empty(RulePlace)
        /// A list with entries (its text entries are in ``ActivityFacts/goals``).
        case listed
        /// Something else: the schema's finding.
        case other
    }

    let base: DocumentFacts
    let area: Located<String>?
    let goalsField: GoalsField
    /// The text entries of `goals`.
    let goals: [Located<String>]
    let status: Located<Activity.Status>?
    let start: Located<CalendarDate>?
    let due: Located<CalendarDate>?
    let completed: Located<CalendarDate>?
    /// The `completed` key, when the field has a value (of any type).
    let completedKey: RulePlace?
    let hasCancelledReason: Bool
    /// A percentage (the schema allows 0.5): read as a number, so 99.5 on a done activity is seen.
    let progress: Located<Double>?
    let fundingStream: Located<String>?
    let budgetSEK: Located<Int>?
    let spentSEK: Located<Int>?
    let overspendApproved: Bool
    let followupDates: [Located<CalendarDate>]
    let carriedFrom: Located<String>?
    /// The review stamps of its `goals` links, by goal id.
    let stamps: [String: LinkStamp]

    init(_ document: Document) {
        let fields = FrontMatterView(document.frontMatter)
        base = DocumentFacts(document, fields)
        stamps = LinkStamp.stamps(in: document.frontMatter)
        area = fields.string("area")
        if !fields.has("goals") {
            goalsField = .absent
        } else if let list = fields.list("goals"), let place = fields.valuePlace("goals") {
            goalsField = list.isEmpty ? .empty(place) : .listed
        } else {
            goalsField = .other
        }
        goals = fields.strings("goals")
        status = fields.enumValue("status")
        start = fields.date("start")
        due = fields.date("due")
        completed = fields.date("completed")
        completedKey = fields.has("completed") ? fields.keyPlace("completed") : nil
        hasCancelledReason = fields.has("cancelled_reason")
        progress = fields.number("progress")
        fundingStream = fields.string("funding_stream")
        budgetSEK = fields.int("budget_sek")
        spentSEK = fields.int("spent_sek")
        overspendApproved = fields.bool("x-overspend-approved") == true
        followupDates = fields.records("followups").compactMap { $0.value.date("date") }
        carriedFrom = fields.string("carried_from")
    }

    var document: Document { base.document }
    /// The id its file name gives it.
    var id: String? { document.reference?.id }
    /// Open activities are neither done nor cancelled; nil when the status is unknown.
    var isOpen: Bool? { status.map { !$0.value.isClosed } }
}

/// A plan's follow-up document (`followup.md`).
final class FollowUpFacts: Sendable {
    let base: DocumentFacts
    /// The follow-up as the report reads it: the completeness rule judges this.
    let followUp: FollowUp
    /// The text entries of `availability.indicators` (`goal-id/indicator-id`).
    let indicatorReferences: [Located<String>]
    /// Where the value of each top-level field stands, by key.
    let places: [String: RulePlace]
    /// Where each entry of `user_participation` starts.
    let participationPlaces: [RulePlace]

    init(_ document: Document) {
        let fields = FrontMatterView(document.frontMatter)
        base = DocumentFacts(document, fields)
        followUp = FollowUp(
            frontMatter: document.frontMatter,
            reference: document.reference?.plan ?? ItemReference(county: "", year: nil), path: document.path, body: "")
        indicatorReferences = fields.record("availability")?.strings("indicators") ?? []
        var places: [String: RulePlace] = [:]
        for key in ["user_participation", "availability", "youth_clinics"] { places[key] = fields.valuePlace(key) }
        self.places = places
        participationPlaces = fields.records("user_participation").map(\.place)
    }

    var document: Document { base.document }
}

/// A document's facts by its kind: what ``RuleIndex`` files it under. Immutable, so the
/// facts of an unchanged document can be kept and placed in the next index as they are.
enum KindFacts: Sendable {
    case plan(PlanFacts)
    case goal(GoalFacts)
    case activity(ActivityFacts)
    case followUp(FollowUpFacts)
    /// A county or the workspace settings.
    case other(DocumentFacts)

    /// Reads the facts of `document`.
    init(_ document: Document) {
        switch document.kind {
        case .plan: self = .plan(PlanFacts(document))
        case .goal: self = .goal(GoalFacts(document))
        case .activity: self = .activity(ActivityFacts(document))
        case .followup: self = .followUp(FollowUpFacts(document))
        case .county, .workspace: self = .other(DocumentFacts(document, FrontMatterView(document.frontMatter)))
        }
    }

    /// What every document says about itself.
    var base: DocumentFacts {
        switch self {
        case .plan(let facts): return facts.base
        case .goal(let facts): return facts.base
        case .activity(let facts): return facts.base
        case .followUp(let facts): return facts.base
        case .other(let facts): return facts
        }
    }
}
