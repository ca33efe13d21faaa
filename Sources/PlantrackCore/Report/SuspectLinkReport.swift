/// The words `rollup` and the status report use for suspect links (`links.suspect`,
/// docs/review.md), in the report's language.
public struct SuspectLinkWords: Sendable {
    public var language: ReportLanguage

    /// Creates the words of `language`.
    public init(language: ReportLanguage) {
        self.language = language
    }

    private var sv: Bool { language == .sv }

    /// The heading of the section and of the `rollup` column.
    public var heading: String { sv ? "Länkar att granska" : "Suspect links" }
    public var county: String { sv ? "Län" : "County" }
    public var links: String { sv ? "Länkar" : "Links" }
    public var total: String { sv ? "Totalt" : "Total" }

    /// `3 länkar pekar på mål som har ändrats sedan länken granskades: gå igenom dem med
    /// plantrack review`, with `command` the command as the format writes code
    /// (`` `plantrack review` ``, `<code>plantrack review</code>`).
    public func summary(_ count: Int, command: String) -> String {
        if sv {
            return "\(count) \(count == 1 ? "länk pekar" : "länkar pekar") på mål som har ändrats sedan länken granskades: "
                + "gå igenom \(count == 1 ? "den" : "dem") med \(command)"
        }
        return "\(EnglishWords.count(count, "link")) \(count == 1 ? "points" : "point") to goals that changed since "
            + "the link was reviewed: go through \(count == 1 ? "it" : "them") with \(command)"
    }
}

/// The status report's section on suspect links: per county's plan how many links point to
/// goals that changed since they were reviewed, with a pointer to `plantrack review`. Shown
/// only when there are such links, so other reports read as before. The counts are the
/// roll-up's (``StatusFigures/suspectLinks``), which `links.suspect` judges.
enum SuspectLinkReport {
    /// One row per plan with suspect links, `[county, links]`, then the total; none when
    /// there are none.
    static func rows(_ report: SteeringReport, _ w: SuspectLinkWords) -> [[String]] {
        let rows = report.counties.compactMap { county -> [String]? in
            guard let n = county.status?.figures.suspectLinks, n > 0 else { return nil }
            return [county.name, String(n)]
        }
        guard !rows.isEmpty else { return [] }
        return rows + [[w.total, String(report.total.suspectLinks)]]
    }

    /// The section in Markdown; empty without suspect links.
    static func markdown(_ report: SteeringReport, language: ReportLanguage) -> [String] {
        let w = SuspectLinkWords(language: language)
        let rows = self.rows(report, w)
        guard !rows.isEmpty else { return [] }
        let header = [w.county, w.links]
        let summary = w.summary(report.total.suspectLinks, command: "`plantrack review`")
        return ["## \(w.heading)", "", summary + ".", "", PerformanceReport.line(header), PerformanceReport.rule(header)]
            + rows.enumerated().map { i, row in PerformanceReport.line(row, bold: i == rows.count - 1) } + [""]
    }

    /// The section in HTML; empty without suspect links.
    static func html(_ report: SteeringReport, language: ReportLanguage) -> [String] {
        let w = SuspectLinkWords(language: language)
        let rows = self.rows(report, w)
        guard !rows.isEmpty else { return [] }
        let summary = w.summary(report.total.suspectLinks, command: "<code>plantrack review</code>")
        return [
            "<section aria-labelledby=\"suspect-links\"><h2 id=\"suspect-links\">\(ReportEscaping.html(w.heading))</h2>",
            "<p>\(summary).</p>",
        ] + PerformanceReport.htmlTable([w.county, w.links], rows, totalRow: true) + ["</section>"]
    }
}
