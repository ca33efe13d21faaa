import PlantrackCore

/// The documents the generator writes, as plain values that render themselves as Markdown
/// with YAML front matter (the format in docs/plan-format.md).
struct Person {
    var name: String
    var organisation: String
    var role: String
}

struct CountyDocument {
    let entity: Entity
    let contacts: [(name: String, role: String, email: String)]
    let populationDate: CalendarDate
    let body: String

    func render() -> String {
        var yaml = YAMLText()
        yaml.string("kind", "county")
        yaml.string("id", entity.id)
        yaml.string("name", entity.name)
        yaml.string("code", entity.county.code)
        yaml.string("region", entity.county.regionName)
        if entity.isRegion {
            yaml.literal("municipalities", entity.county.municipalities)
        }
        yaml.open("population")
        yaml.literal("value", entity.population, indent: 2)
        yaml.literal("date", populationDate, indent: 2)
        yaml.open("contacts")
        for contact in contacts {
            yaml.string("name", contact.name, indent: 4, item: true)
            yaml.string("role", contact.role, indent: 4)
            yaml.string("email", contact.email, indent: 4)
        }
        return document(yaml, body)
    }
}

enum PlanStatus: String {
    case draft, adopted, closed
}

struct PlanArea {
    var id: String
    var title: String
    var parent: String?
}

struct PlanDocument {
    var entityID: String
    var year: Int
    var title: String
    var version: Int
    var status: PlanStatus
    var adopted: (date: CalendarDate, by: String)
    var period: (start: CalendarDate, end: CalendarDate)
    var revises: String?
    var objectives: [String]
    var areas: [PlanArea]
    var funding: [(stream: String, amount: Int)]
    var steeringGroup: [Person]
    var body: String

    func render() -> String {
        var yaml = YAMLText()
        yaml.string("kind", "plan")
        yaml.string("county", entityID)
        yaml.literal("year", year)
        yaml.string("title", title)
        yaml.literal("version", version)
        yaml.string("status", status.rawValue)
        yaml.open("adopted")
        yaml.literal("date", adopted.date, indent: 2)
        yaml.string("by", adopted.by, indent: 2)
        yaml.open("period")
        yaml.literal("start", period.start, indent: 2)
        yaml.literal("end", period.end, indent: 2)
        if let revises {
            yaml.string("revises", revises)
        }
        yaml.open("objectives")
        for objective in objectives {
            yaml.stringItem(objective, indent: 4)
        }
        yaml.open("areas")
        for area in areas {
            yaml.string("id", area.id, indent: 4, item: true)
            yaml.string("title", area.title, indent: 4)
            if let parent = area.parent {
                yaml.string("parent", parent, indent: 4)
            }
        }
        yaml.open("funding")
        for line in funding {
            yaml.string("stream", line.stream, indent: 4, item: true)
            yaml.literal("amount_sek", line.amount, indent: 4)
        }
        yaml.open("steering_group")
        for person in steeringGroup {
            yaml.string("name", person.name, indent: 4, item: true)
            yaml.string("organisation", person.organisation, indent: 4)
            yaml.string("role", person.role, indent: 4)
        }
        return document(yaml, body)
    }
}

enum Assessment: String {
    case notAssessed = "not-assessed"
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case offTrack = "off-track"
    case achieved
}

struct Indicator {
    var id: String
    var title: String
    var unit: String
    var increase: Bool
    var baseline: Int
    var target: Int
    var baselineDate: CalendarDate
    var targetDate: CalendarDate
    var measurements: [(date: CalendarDate, value: Int)]
    var source: String
}

struct GoalDocument {
    var id: String
    var title: String
    var isLongTerm: Bool
    var area: String
    var serves: [String]
    var assessment: Assessment
    var indicators: [Indicator]
    var body: String

    func render() -> String {
        var yaml = YAMLText()
        yaml.string("kind", "goal")
        yaml.string("id", id)
        yaml.string("title", title)
        yaml.string("term", isLongTerm ? "long" : "short")
        yaml.string("area", area)
        if !serves.isEmpty {
            yaml.open("serves")
            for goal in serves {
                yaml.stringItem(goal, indent: 4)
            }
        }
        yaml.string("assessment", assessment.rawValue)
        if !indicators.isEmpty {
            yaml.open("indicators")
            for indicator in indicators {
                yaml.string("id", indicator.id, indent: 4, item: true)
                yaml.string("title", indicator.title, indent: 4)
                yaml.string("unit", indicator.unit, indent: 4)
                yaml.string("direction", indicator.increase ? "increase" : "decrease", indent: 4)
                yaml.open("baseline", indent: 4)
                yaml.literal("value", indicator.baseline, indent: 6)
                yaml.literal("date", indicator.baselineDate, indent: 6)
                yaml.open("target", indent: 4)
                yaml.literal("value", indicator.target, indent: 6)
                yaml.literal("date", indicator.targetDate, indent: 6)
                if !indicator.measurements.isEmpty {
                    yaml.open("measurements", indent: 4)
                    for measurement in indicator.measurements {
                        yaml.literal("date", measurement.date, indent: 8, item: true)
                        yaml.literal("value", measurement.value, indent: 8)
                        yaml.string("source", indicator.source, indent: 8)
                    }
                }
            }
        }
        return document(yaml, body)
    }
}

enum ActivityStatus: String {
    case planned
    case inProgress = "in-progress"
    case done, delayed, cancelled

    var isOpen: Bool { self == .planned || self == .inProgress || self == .delayed }
}

struct ActivityDocument {
    var id: String
    var title: String
    var area: String
    var prioritized: Bool
    var goals: [String]
    var status: ActivityStatus
    var owner: String
    var partners: [String]
    var start: CalendarDate
    var due: CalendarDate
    var completed: CalendarDate?
    var cancelledReason: String?
    var progress: Int
    var fundingStream: String?
    var budget: Int?
    var spent: Int?
    var tasks: [(title: String, done: Bool)]
    var followups: [(date: CalendarDate, note: String, by: String)]
    var body: String

    func render() -> String {
        var yaml = YAMLText()
        yaml.string("kind", "activity")
        yaml.string("id", id)
        yaml.string("title", title)
        yaml.string("area", area)
        yaml.string("priority", prioritized ? "prioritized" : "ongoing")
        yaml.open("goals")
        for goal in goals {
            yaml.stringItem(goal, indent: 4)
        }
        yaml.string("status", status.rawValue)
        yaml.string("owner", owner)
        if !partners.isEmpty {
            yaml.open("partners")
            for partner in partners {
                yaml.stringItem(partner, indent: 4)
            }
        }
        yaml.literal("start", start)
        yaml.literal("due", due)
        if let completed {
            yaml.literal("completed", completed)
        }
        if let cancelledReason {
            yaml.string("cancelled_reason", cancelledReason)
        }
        yaml.literal("progress", progress)
        if let fundingStream, let budget {
            yaml.string("funding_stream", fundingStream)
            yaml.literal("budget_sek", budget)
            yaml.literal("spent_sek", spent ?? 0)
        }
        if !tasks.isEmpty {
            yaml.open("tasks")
            for task in tasks {
                yaml.string("title", task.title, indent: 4, item: true)
                yaml.literal("done", task.done, indent: 4)
            }
        }
        if !followups.isEmpty {
            yaml.open("followups")
            for followup in followups {
                yaml.literal("date", followup.date, indent: 4, item: true)
                yaml.string("note", followup.note, indent: 4)
                yaml.string("by", followup.by, indent: 4)
            }
        }
        return document(yaml, body)
    }
}

/// `---`, the front matter, `---`, a blank line and the Markdown body.
private func document(_ yaml: YAMLText, _ body: String) -> String {
    "---\n" + yaml.text + "---\n\n" + body
}
