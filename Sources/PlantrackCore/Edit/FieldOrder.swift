/// The order of fields in each kind of document (the order of docs/format.md), used to put a
/// new key in a sensible place: after the last existing field that comes before it.
public enum FieldOrder {
    /// The top-level fields of a document of `kind`, in order.
    public static func topLevel(_ kind: DocumentKind) -> [String] {
        switch kind {
        case .county:
            return ["kind", "id", "name", "code", "region", "municipalities", "population", "contacts"]
        case .plan:
            return [
                "kind", "county", "year", "title", "version", "status", "adopted", "period", "revises",
                "analysis", "objectives", "areas", "funding", "steering_group",
            ]
        case .goal:
            return [
                "kind", "id", "title", "term", "area", "serves", "link_reviews", "assessment", "indicators", "performance",
                "carried_from",
            ]
        case .activity:
            return [
                "kind", "id", "title", "area", "priority", "goals", "link_reviews", "status", "owner", "partners", "principal",
                "target_groups", "start", "due",
                "completed", "cancelled_reason", "progress", "funding_stream", "budget_sek", "spent_sek", "tasks",
                "followups", "carried_from",
            ]
        case .followup:
            return [
                "kind", "county", "year", "submitted", "user_participation", "availability", "youth_clinics",
            ]
        case .workspace:
            return []
        }
    }

    /// The order of the fields of a nested record named `field` (`adopted`, `period`,
    /// an indicator, a measurement, a funding stream, a task, a follow-up).
    public static func nested(_ field: String) -> [String] {
        switch field {
        case "adopted": return ["date", "by"]
        case "period": return ["start", "end"]
        case "measurements": return ["date", "value", "source", "kolada", "revisions"]
        case "kolada": return ["period", "fetched", "url", "status", "kpi", "municipality", "gender"]
        case "revisions": return ["value", "fetched", "url"]
        case "performance": return ["indicator", "threshold", "amount_sek", "by", "funding_stream"]
        case "followups": return ["date", "note", "by"]
        case "baseline", "target", "population": return ["value", "date"]
        case "indicators":
            return ["id", "title", "unit", "direction", "source", "baseline", "target", "measurements", "source_ref"]
        case "funding": return ["stream", "kind", "amount_sek", "principal", "note"]
        case "analysis": return ["document", "date"]
        case "areas": return ["id", "title", "parent"]
        case "tasks": return ["title", "done"]
        default: return []
        }
    }

    /// The order for the last key of `path` inside its parent.
    public static func order(for path: [String], kind: DocumentKind) -> [String] {
        guard path.count > 1 else { return topLevel(kind) }
        // The nearest named ancestor that is not a list position.
        for key in path.dropLast().reversed() where Int(key) == nil {
            return nested(key)
        }
        return []
    }
}
