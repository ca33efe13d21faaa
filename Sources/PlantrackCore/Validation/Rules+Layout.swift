// Rules that the front matter agrees with the place of its file.

/// `layout.kind-mismatch`: the front matter's `kind` is not the kind the file's place gives.
struct KindMismatchRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "layout.kind-mismatch", severity: .error,
        summary: "the front matter's kind is the kind the file's place gives")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for facts in index.documents {
            let place = facts.document.kind.rawValue
            guard let kind = facts.kind, kind.value != place else { continue }
            out.report(
                facts.document, at: kind.place,
                "this file is where \(RuleText.indefinite(place)) belongs "
                    + "(\(pattern(facts.document.kind))) but says kind: \(kind.value); "
                    + "write kind: \(place), or move the file to where \(RuleText.indefinite(kind.value)) belongs")
        }
    }

    /// Where documents of a kind live, with placeholders, for the message.
    private static func pattern(_ kind: DocumentKind) -> String {
        switch kind {
        case .workspace: return DocumentLayout.settingsPath
        case .county: return "Plans/<county>/county.md"
        case .plan: return "Plans/<county>/<year>/plan.md"
        case .goal: return "Plans/<county>/<year>/goals/<id>.md"
        case .activity: return "Plans/<county>/<year>/activities/<id>.md"
        case .followup: return "Plans/<county>/<year>/followup.md"
        }
    }
}

/// `layout.county-mismatch`: a plan's `county` is not its county folder.
struct CountyMismatchRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "layout.county-mismatch", severity: .error,
        summary: "a plan's county is the name of its county folder")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            guard let plan = group.judgedPlan, let county = plan.county, county.value != group.reference.county else {
                continue
            }
            out.report(
                plan.document, at: county.place,
                "the plan says county: \(county.value) but stands in the folder Plans/\(group.reference.county)/; "
                    + "write county: \(group.reference.county), or move the plan to Plans/\(county.value)/")
        }
    }
}

/// `layout.year-mismatch`: a plan's `year` is not its year folder.
struct YearMismatchRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "layout.year-mismatch", severity: .error,
        summary: "a plan's year is the name of its year folder")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            guard let plan = group.judgedPlan, let folderYear = group.reference.year,
                let year = plan.year, year.value != folderYear
            else { continue }
            out.report(
                plan.document, at: year.place,
                "the plan says year: \(year.value) but stands in the folder \(group.reference.county)/\(folderYear)/; "
                    + "write year: \(folderYear), or move the plan to a folder named \(year.value)")
        }
    }
}

/// `layout.id-mismatch`: a goal's or activity's `id` is not its file name, or a county's
/// `id` is not its folder.
struct IDMismatchRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "layout.id-mismatch", severity: .error,
        summary: "a goal's or activity's id is its file name; a county's id is its folder")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for facts in index.documents where facts.isJudged {
            guard let expected = facts.placeID, let id = facts.id, id.value != expected else { continue }
            if facts.document.kind == .county {
                out.report(
                    facts.document, at: id.place,
                    "the county says id: \(id.value) but its folder is Plans/\(expected)/; "
                        + "write id: \(expected), or rename the folder")
            } else {
                out.report(
                    facts.document, at: id.place,
                    "the \(facts.document.kind.rawValue) says id: \(id.value) but its file is \(expected).md; "
                        + "write id: \(expected), or rename the file to \(id.value).md "
                        + "(references name items by their file names)")
            }
        }
    }
}
