/// The words people read for the ten status values of the format: an activity's `status`
/// and a goal's `assessment`. The one table of them: the reports, the `rollup` and `trend`
/// headings and the schemas' editor help (checked by a test) all say these words.
///
/// Swedish words are the format spec's (`done` = *Genomförd*); `status_labels` in
/// `Plans/workspace.yaml` renames them for the workspace's own language.
public struct StatusWords: Hashable, Sendable {
    /// The words by raw value (`done`, `on-track`, …), every value present.
    public private(set) var labels: [String: String]

    /// The format spec's Swedish words, by raw value.
    public static let swedish: [String: String] = [
        Activity.Status.planned.rawValue: "Ej påbörjad",
        Activity.Status.inProgress.rawValue: "Pågående",
        Activity.Status.done.rawValue: "Genomförd",
        Activity.Status.delayed.rawValue: "Försenad",
        Activity.Status.cancelled.rawValue: "Avbruten",
        Goal.Assessment.onTrack.rawValue: "Enligt plan",
        Goal.Assessment.atRisk.rawValue: "Risk för avvikelse",
        Goal.Assessment.offTrack.rawValue: "Avvikelse",
        Goal.Assessment.achieved.rawValue: "Uppnått",
        Goal.Assessment.notAssessed.rawValue: "Ej bedömt",
    ]

    /// The English words, by raw value.
    public static let english: [String: String] = [
        Activity.Status.planned.rawValue: "Planned",
        Activity.Status.inProgress.rawValue: "In progress",
        Activity.Status.done.rawValue: "Done",
        Activity.Status.delayed.rawValue: "Delayed",
        Activity.Status.cancelled.rawValue: "Cancelled",
        Goal.Assessment.onTrack.rawValue: "On track",
        Goal.Assessment.atRisk.rawValue: "At risk",
        Goal.Assessment.offTrack.rawValue: "Off track",
        Goal.Assessment.achieved.rawValue: "Achieved",
        Goal.Assessment.notAssessed.rawValue: "Not assessed",
    ]

    /// The words of `language`, with `renamed` (raw value → word) taking precedence;
    /// unknown keys and empty words in `renamed` are ignored.
    public init(language: ReportLanguage, renamed: [String: String] = [:]) {
        var labels = language == .sv ? Self.swedish : Self.english
        for (key, word) in renamed where labels[key] != nil {
            let trimmed = word.trimmingWhitespace
            if !trimmed.isEmpty { labels[key] = trimmed }
        }
        self.labels = labels
    }

    /// The words a report in `language` uses in `workspace`: `status_labels` of
    /// `Plans/workspace.yaml` apply when `language` is the workspace's own (its `language:`,
    /// Swedish when it names none), since they are written in that language; a report in
    /// the other language uses that language's standard words.
    public init(language: ReportLanguage, workspace: Workspace) {
        let settings = workspace.documents.first { $0.kind == .workspace }
        self.init(language: language, settings: settings?.frontMatter)
    }

    /// As ``init(language:workspace:)``, from the settings' front matter (nil: no settings).
    public init(language: ReportLanguage, settings: YAMLMapping?) {
        var renamed: [String: String] = [:]
        let own = settings.flatMap { ReportLanguage.of(settings: $0) } ?? .sv
        if own == language, let entries = settings?["status_labels"]?.mapping?.entries {
            for entry in entries { if let word = entry.value.string { renamed[entry.key] = word } }
        }
        self.init(language: language, renamed: renamed)
    }

    /// The word for an activity status.
    public func activity(_ status: Activity.Status) -> String { labels[status.rawValue] ?? status.rawValue }

    /// The word for a goal assessment.
    public func assessment(_ assessment: Goal.Assessment) -> String {
        labels[assessment.rawValue] ?? assessment.rawValue
    }
}
