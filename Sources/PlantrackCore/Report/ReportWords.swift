/// Every word the reports print, in one language. The report model is language-neutral;
/// renderers look words up here.
public struct ReportWords: Sendable {
    // The steering-group report.
    public var reportTitle: String
    public var planYear: @Sendable (Int) -> String
    public var asOf: @Sendable (String) -> String
    public var source: @Sendable (String) -> String
    /// The source when the working tree (not a commit) was read.
    public var workingTree: String
    public var overview: String
    public var plans: String
    public var activities: String
    public var goals: String
    public var done: String
    public var overdue: String
    public var delayed: String
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
    public var skipped: String
    public var skippedIntro: String
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

    /// The word for an activity status.
    public var activityStatus: @Sendable (Activity.Status) -> String
    /// A count of activities with a status: `2 klara`, `1 planerad`, `3 in progress`.
    public var activityCount: @Sendable (Int, Activity.Status, ReportFormat) -> String
    /// The word for a goal assessment.
    public var assessment: @Sendable (Goal.Assessment) -> String
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

    /// A column heading for activities with a status: `Klara`, `In progress`.
    public func statusHeading(_ status: Activity.Status, _ f: ReportFormat) -> String {
        let word = activityCount(2, status, f).split(separator: " ", maxSplits: 1).last.map(String.init) ?? ""
        return word.prefix(1).uppercased() + word.dropFirst()
    }

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
        workingTree: "arbetskatalogen (ej incheckat)",
        overview: "Översikt",
        plans: "Planer",
        activities: "Aktiviteter",
        goals: "Mål",
        done: "Klara",
        overdue: "Förfallna",
        delayed: "Försenade",
        funding: "Tilldelat",
        budget: "Budgeterat",
        spent: "Förbrukat",
        remaining: "Kvar av tilldelat",
        doneShare: "Andel klara",
        counties: "Län",
        county: "Län",
        plan: "Plan",
        planStatus: "Planens status",
        trafficLight: "Trafikljus",
        noPlan: { "Ingen plan för \($0)." },
        statusBarLabel: { county, counts in "Aktiviteter i \(county): \(counts)" },
        attention: "Förfallna och försenade aktiviteter",
        attentionNone: "Inga aktiviteter är förfallna eller försenade.",
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
        trendChartLabel: { points in "Andel klara aktiviteter vid varje månadsskifte: \(points)" },
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
        skipped: "Utelämnade dokument",
        skippedIntro: "Dessa dokument har fel och räknas inte med (kör plantrack validate för detaljer):",
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
        activityStatus: { status in
            switch status {
            case .planned: return "planerad"
            case .inProgress: return "pågår"
            case .done: return "klar"
            case .delayed: return "försenad"
            case .cancelled: return "avbruten"
            }
        },
        activityCount: { n, status, f in
            let one = n == 1
            let word: String
            switch status {
            case .planned: word = one ? "planerad" : "planerade"
            case .inProgress: word = "pågår"
            case .done: word = one ? "klar" : "klara"
            case .delayed: word = one ? "försenad" : "försenade"
            case .cancelled: word = one ? "avbruten" : "avbrutna"
            }
            return f.integer(n) + " " + word
        },
        assessment: { assessment in
            switch assessment {
            case .notAssessed: return "ej bedömt"
            case .onTrack: return "enligt plan"
            case .atRisk: return "i riskzonen"
            case .offTrack: return "avviker"
            case .achieved: return "uppnått"
            }
        },
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
            }
        },
        term: { $0 == .long ? "långsiktigt" : "kortsiktigt" }
    )

    public static let english = ReportWords(
        reportTitle: "Status report for the steering group",
        planYear: { "Plan year \($0)" },
        asOf: { "As of \($0)" },
        source: { "Source: \($0)" },
        workingTree: "working tree (not committed)",
        overview: "Overview",
        plans: "Plans",
        activities: "Activities",
        goals: "Goals",
        done: "Done",
        overdue: "Overdue",
        delayed: "Delayed",
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
        attention: "Overdue and delayed activities",
        attentionNone: "No activity is overdue or delayed.",
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
        skipped: "Documents left out",
        skippedIntro: "These documents have errors and are not counted (run plantrack validate for details):",
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
        activityStatus: { status in
            switch status {
            case .planned: return "planned"
            case .inProgress: return "in progress"
            case .done: return "done"
            case .delayed: return "delayed"
            case .cancelled: return "cancelled"
            }
        },
        activityCount: { n, status, f in
            let word: String
            switch status {
            case .planned: word = "planned"
            case .inProgress: word = "in progress"
            case .done: word = "done"
            case .delayed: word = "delayed"
            case .cancelled: word = "cancelled"
            }
            return f.integer(n) + " " + word
        },
        assessment: { assessment in
            switch assessment {
            case .notAssessed: return "not assessed"
            case .onTrack: return "on track"
            case .atRisk: return "at risk"
            case .offTrack: return "off track"
            case .achieved: return "achieved"
            }
        },
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
            }
        },
        term: { $0 == .long ? "long-term" : "short-term" }
    )
}
