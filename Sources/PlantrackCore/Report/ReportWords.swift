/// Every word the reports print, in one language. The report model is language-neutral;
/// renderers look words up here.
public struct ReportWords: Sendable {
    // The steering-group report.
    public var reportTitle: String
    public var planYear: @Sendable (Int) -> String
    public var asOf: @Sendable (String) -> String
    public var source: @Sendable (String) -> String
    /// The source when the working tree was read: at which commit (short id; nil before
    /// the first commit) and whether it has changes not committed below `Plans/` or `Schemas/`.
    public var workingTree: @Sendable (_ commit: String?, _ clean: Bool) -> String
    /// The source when a commit was read (`HEAD (1a2b3c4)`).
    public var commit: @Sendable (String) -> String
    public var overview: String
    public var plans: String
    public var activities: String
    public var goals: String
    public var done: String
    public var overdue: String
    public var delayed: String
    /// Activities behind schedule (neither overdue nor delayed): a heading.
    public var behind: String
    /// Goals behind by their indicators: a heading.
    public var goalsBehind: String
    public var funding: String
    public var budget: String
    public var spent: String
    public var remaining: String
    public var doneShare: String
    public var counties: String
    public var county: String
    public var plan: String
    public var planStatus: String
    public var trafficLight: String
    public var noPlan: @Sendable (Int) -> String
    public var statusBarLabel: @Sendable (String, String) -> String
    public var attention: String
    public var attentionNone: String
    /// An activity's progress against the share of its time passed: `20 % av väntade 43 %`.
    public var behindProgress: @Sendable (_ progress: String, _ expected: String) -> String
    /// The heading of the goals at risk, off track or behind by their indicators.
    public var goalsAttention: String
    public var goalsAttentionNone: String
    public var assessmentHeading: String
    public var indicatorsBehind: String
    /// One sentence under the counties: what the traffic light is based on.
    public var lightLegend: String
    public var activity: String
    public var owner: String
    public var due: String
    public var status: String
    public var daysLate: @Sendable (Int) -> String
    public var noOwner: String
    public var money: String
    public var stream: String
    public var noStreams: String
    /// How to read the money bars.
    public var moneyLegend: String
    public var indicators: String
    public var indicator: String
    public var goal: String
    public var baseline: String
    public var latest: String
    public var target: String
    public var progress: String
    public var noIndicators: String
    public var indicatorChartLabel: @Sendable (String, String, String, String) -> String
    public var trend: String
    public var trendChartLabel: @Sendable (String) -> String
    public var trendFigures: String
    public var month: String
    public var noHistory: String
    public var noCommitYet: String
    public var changesSince: @Sendable (String) -> String
    public var noChanges: String
    public var changeDetails: String
    public var added: String
    public var removed: String
    public var modified: String
    public var moved: String
    public var fields: String
    /// The heading of the notice that documents are missing from the figures.
    public var incomplete: String
    /// The notice's first sentence: how many documents are missing.
    public var incompleteIntro: @Sendable (Int) -> String
    /// Why a document is missing from the figures.
    public var exclusion: @Sendable (RollUp.Skipped.Cause) -> String
    /// Under the trend: the dates (already listed) whose figures leave documents out.
    public var trendIncomplete: @Sendable (String) -> String
    public var generatedBy: String
    // The follow-up (redovisning).
    public var followUpTitle: @Sendable (Int) -> String
    public var followUpIntro: String
    public var fundsPerStream: String
    public var fundsPerArea: String
    public var area: String
    public var resultsPerPlan: String
    public var doneActivities: String
    public var notDoneActivities: String
    public var completed: String
    public var followups: String
    public var cancelledBecause: String
    public var description: String
    public var none: String
    public var total: String
    public var noFunding: String

    /// The words for activity statuses and goal assessments (``StatusWords``).
    public var statuses: StatusWords
    /// The word for a plan status.
    public var planStatusWord: @Sendable (Plan.Status) -> String
    /// The word for a traffic light: colour is never the only signal.
    public var light: @Sendable (TrafficLight) -> String
    /// The word for a kind of document.
    public var kind: @Sendable (DocumentKind) -> String
    /// The word for a goal's term.
    public var term: @Sendable (Goal.Term) -> String

    /// A count of changed items: `7 tillagda`, `1 ändrad`, `2 moved`.
    public func changeCount(_ n: Int, _ change: ItemChange.Change, _ f: ReportFormat) -> String {
        guard n != 1, f.language == .sv else { return f.integer(n) + " " + self.change(change) }
        switch change {
        case .added: return f.integer(n) + " tillagda"
        case .removed: return f.integer(n) + " borttagna"
        case .modified: return f.integer(n) + " ändrade"
        case .moved: return f.integer(n) + " flyttade"
        }
    }

    /// The word for an activity status: `Genomförd`, `In progress`.
    public func activityStatus(_ status: Activity.Status) -> String { statuses.activity(status) }

    /// The word for a goal assessment: `Risk för avvikelse`, `On track`.
    public func assessment(_ assessment: Goal.Assessment) -> String { statuses.assessment(assessment) }

    /// A count of activities with a status: `Genomförd 2`, `In progress 3`. The word comes
    /// first, as it may be a workspace's own label, which cannot be inflected.
    public func activityCount(_ n: Int, _ status: Activity.Status, _ f: ReportFormat) -> String {
        activityStatus(status) + " " + f.integer(n)
    }

    /// A column heading for activities with a status: `Genomförd`, `In progress`.
    public func statusHeading(_ status: Activity.Status, _ f: ReportFormat) -> String { activityStatus(status) }

    /// The word for a change.
    public func change(_ change: ItemChange.Change) -> String {
        switch change {
        case .added: return added
        case .removed: return removed
        case .modified: return modified
        case .moved: return moved
        }
    }

    public static let swedish = ReportWords(
        reportTitle: "Lägesrapport till styrgruppen",
        planYear: { "Planår \($0)" },
        asOf: { "Läget den \($0)" },
        source: { "Källa: \($0)" },
        workingTree: { commit, clean in
            guard let commit else { return "arbetskatalogen (inget är incheckat ännu)" }
            return clean
                ? "arbetskatalogen, lika med incheckning \(commit)"
                : "arbetskatalogen, med ändringar som inte är incheckade efter \(commit)"
        },
        commit: { "incheckning \($0)" },
        overview: "Översikt",
        plans: "Planer",
        activities: "Aktiviteter",
        goals: "Mål",
        done: "Genomförda",
        overdue: "Förfallna",
        delayed: "Försenade",
        behind: "Efter plan",
        goalsBehind: "Mål efter plan",
        funding: "Tilldelat",
        budget: "Budgeterat",
        spent: "Förbrukat",
        remaining: "Kvar av tilldelat",
        doneShare: "Andel genomförda",
        counties: "Län",
        county: "Län",
        plan: "Plan",
        planStatus: "Planens status",
        trafficLight: "Trafikljus",
        noPlan: { "Ingen plan för \($0)." },
        statusBarLabel: { county, counts in "Aktiviteter i \(county): \(counts)" },
        attention: "Det som ligger efter",
        attentionNone: "Ingen aktivitet är förfallen, försenad eller efter plan.",
        behindProgress: { progress, expected in "\(progress) av väntade \(expected)" },
        goalsAttention: "Mål i risk, med avvikelse eller efter plan",
        goalsAttentionNone: "Inget mål är bedömt i risk eller med avvikelse, och inget ligger efter enligt sina indikatorer.",
        assessmentHeading: "Bedömning",
        indicatorsBehind: "Indikatorer efter plan",
        lightLegend: "Trafikljuset bygger på hur aktiviteterna följer sin tidplan (framsteg mot den andel av tiden "
            + "från start till klar senast som har gått) och hur målen ligger till enligt bedömning och indikatorer: "
            + "grönt när allt följer planen, gult när något ligger efter, är förfallet eller försenat eller ett mål är "
            + "i risk, rött när ett mål avviker eller många aktiviteter ligger efter.",
        activity: "Aktivitet",
        owner: "Ansvarig",
        due: "Klar senast",
        status: "Status",
        daysLate: { $0 == 1 ? "1 dag sen" : "\($0) dagar sen" },
        noOwner: "ingen angiven",
        money: "Budget och utfall per satsning",
        stream: "Satsning",
        noStreams: "Inga medel eller budgetar är angivna.",
        moneyLegend: "Stapeln: förbrukat (fyllt) inom tilldelat (ramen); det lodräta strecket är budgeterat.",
        indicators: "Indikatorer",
        indicator: "Indikator",
        goal: "Mål",
        baseline: "Utgångsläge",
        latest: "Senaste",
        target: "Målvärde",
        progress: "Framsteg",
        noIndicators: "Inga indikatorer är angivna.",
        indicatorChartLabel: { title, base, latest, target in
            "\(title): utgångsläge \(base), senaste \(latest), målvärde \(target)"
        },
        trend: "Utvecklingen under året",
        trendChartLabel: { points in "Andel genomförda aktiviteter vid varje månadsskifte: \(points)" },
        trendFigures: "Siffrorna per månad",
        month: "Datum",
        noHistory: "Ingen version i git från planåret att visa utvecklingen från.",
        noCommitYet: "ingen version ännu",
        changesSince: { "Ändringar sedan \($0)" },
        noChanges: "Inga ändringar.",
        changeDetails: "Ändringarna i detalj",
        added: "tillagd",
        removed: "borttagen",
        modified: "ändrad",
        moved: "flyttad",
        fields: "Ändrade fält",
        incomplete: "Siffrorna är ofullständiga",
        incompleteIntro: { n in
            (n == 1 ? "1 dokument saknas" : "\(n) dokument saknas")
                + " i siffrorna. Kör plantrack validate för detaljer."
        },
        exclusion: { cause in
            switch cause {
            case .unreadable: return "kunde inte läsas"
            case .errors: return "har fel"
            case .planLeftOut: return "planen saknas i siffrorna"
            }
        },
        trendIncomplete: { dates in
            "⚠ Siffrorna är ofullständiga den \(dates): dokument som inte kunde läsas eller hade fel då saknas i dem."
        },
        generatedBy: "Skapad med plantrack report.",
        followUpTitle: { "Redovisning av medel och resultat \($0)" },
        followUpIntro: "Hur årets medel har använts per satsning och per område, och vilka resultat planerna har nått.",
        fundsPerStream: "Medel per satsning",
        fundsPerArea: "Medel per område",
        area: "Område",
        resultsPerPlan: "Resultat per plan",
        doneActivities: "Genomförda aktiviteter",
        notDoneActivities: "Ej genomförda aktiviteter",
        completed: "Klar",
        followups: "Uppföljning",
        cancelledBecause: "Avbruten",
        description: "Beskrivning",
        none: "Inga.",
        total: "Totalt",
        noFunding: "ingen satsning angiven",
        statuses: StatusWords(language: .sv),
        planStatusWord: { status in
            switch status {
            case .draft: return "utkast"
            case .adopted: return "antagen"
            case .closed: return "avslutad"
            }
        },
        light: { light in
            switch light {
            case .green: return "Grön"
            case .yellow: return "Gul"
            case .red: return "Röd"
            }
        },
        kind: { kind in
            switch kind {
            case .workspace: return "arbetsyta"
            case .county: return "län"
            case .plan: return "plan"
            case .goal: return "mål"
            case .activity: return "aktivitet"
            case .followup: return "redovisning"
            }
        },
        term: { $0 == .long ? "långsiktigt" : "kortsiktigt" }
    )

    public static let english = ReportWords(
        reportTitle: "Status report for the steering group",
        planYear: { "Plan year \($0)" },
        asOf: { "As of \($0)" },
        source: { "Source: \($0)" },
        workingTree: { commit, clean in
            guard let commit else { return "working tree (nothing committed yet)" }
            return clean
                ? "working tree, the same as commit \(commit)"
                : "working tree, with changes not committed since \(commit)"
        },
        commit: { "commit \($0)" },
        overview: "Overview",
        plans: "Plans",
        activities: "Activities",
        goals: "Goals",
        done: "Done",
        overdue: "Overdue",
        delayed: "Delayed",
        behind: "Behind",
        goalsBehind: "Goals behind",
        funding: "Granted",
        budget: "Budgeted",
        spent: "Spent",
        remaining: "Left of granted",
        doneShare: "Share done",
        counties: "Counties",
        county: "County",
        plan: "Plan",
        planStatus: "Plan status",
        trafficLight: "Traffic light",
        noPlan: { "No plan for \($0)." },
        statusBarLabel: { county, counts in "Activities in \(county): \(counts)" },
        attention: "What is behind",
        attentionNone: "No activity is overdue, delayed or behind schedule.",
        behindProgress: { progress, expected in "\(progress) of \(expected) expected" },
        goalsAttention: "Goals at risk, off track or behind",
        goalsAttentionNone: "No goal is assessed at risk or off track, and none is behind by its indicators.",
        assessmentHeading: "Assessment",
        indicatorsBehind: "Indicators behind",
        lightLegend: "The traffic light is based on how the activities keep to their schedules (progress against "
            + "the share of the time from start to due date that has passed) and how the goals stand by assessment "
            + "and indicators: green when all is on schedule, yellow when something is behind, overdue or delayed or "
            + "a goal is at risk, red when a goal is off track or many activities are off schedule.",
        activity: "Activity",
        owner: "Owner",
        due: "Due",
        status: "Status",
        daysLate: { EnglishWords.count($0, "day") + " late" },
        noOwner: "none given",
        money: "Budget and spending per funding stream",
        stream: "Funding stream",
        noStreams: "No funding or budgets are given.",
        moneyLegend: "The bar: spent (filled) within granted (the frame); the upright line is budgeted.",
        indicators: "Indicators",
        indicator: "Indicator",
        goal: "Goal",
        baseline: "Baseline",
        latest: "Latest",
        target: "Target",
        progress: "Progress",
        noIndicators: "No indicators are given.",
        indicatorChartLabel: { title, base, latest, target in
            "\(title): baseline \(base), latest \(latest), target \(target)"
        },
        trend: "Over the year",
        trendChartLabel: { points in "Share of activities done at each month end: \(points)" },
        trendFigures: "The figures per month",
        month: "Date",
        noHistory: "No version in git from the plan year to show the development from.",
        noCommitYet: "no version yet",
        changesSince: { "Changes since \($0)" },
        noChanges: "No changes.",
        changeDetails: "The changes in detail",
        added: "added",
        removed: "removed",
        modified: "modified",
        moved: "moved",
        fields: "Changed fields",
        incomplete: "The figures are incomplete",
        incompleteIntro: { n in
            (n == 1 ? "1 document is missing" : "\(n) documents are missing")
                + " from the figures. Run plantrack validate for details."
        },
        exclusion: { cause in
            switch cause {
            case .unreadable: return "could not be read"
            case .errors: return "has errors"
            case .planLeftOut: return "its plan is missing from the figures"
            }
        },
        trendIncomplete: { dates in
            "⚠ The figures are incomplete on \(dates): documents that could not be read or had errors then are missing from them."
        },
        generatedBy: "Made with plantrack report.",
        followUpTitle: { "Follow-up of funds and results \($0)" },
        followUpIntro: "How the year's funds were used per funding stream and per area, and the results the plans reached.",
        fundsPerStream: "Funds per funding stream",
        fundsPerArea: "Funds per area",
        area: "Area",
        resultsPerPlan: "Results per plan",
        doneActivities: "Activities done",
        notDoneActivities: "Activities not done",
        completed: "Completed",
        followups: "Follow-up",
        cancelledBecause: "Cancelled",
        description: "Description",
        none: "None.",
        total: "Total",
        noFunding: "no funding stream given",
        statuses: StatusWords(language: .en),
        planStatusWord: { status in
            switch status {
            case .draft: return "draft"
            case .adopted: return "adopted"
            case .closed: return "closed"
            }
        },
        light: { light in
            switch light {
            case .green: return "Green"
            case .yellow: return "Yellow"
            case .red: return "Red"
            }
        },
        kind: { kind in
            switch kind {
            case .workspace: return "workspace"
            case .county: return "county"
            case .plan: return "plan"
            case .goal: return "goal"
            case .activity: return "activity"
            case .followup: return "follow-up"
            }
        },
        term: { $0 == .long ? "long-term" : "short-term" }
    )
}
