@testable import PlantrackCore

/// Small plan documents for the diff tests.
enum DiffFixtures {
    static func activity(
        _ id: String, status: String = "planned", title: String = "Aktivitet", extra: String = "",
        body: String = "Beskrivning av aktiviteten.\n"
    ) -> String {
        """
        ---
        kind: activity
        id: \(id)
        title: \(title)
        area: bu
        priority: prioritized
        status: \(status)
        \(extra)---

        \(body)
        """
    }

    static func goal(_ id: String, extra: String = "") -> String {
        """
        ---
        kind: goal
        id: \(id)
        title: Mål
        term: short
        area: bu
        \(extra)---

        Varför målet är viktigt.
        """
    }

    static func files(_ pairs: [String: String]) -> [DiffFile] {
        pairs.sorted { $0.key < $1.key }.map { DiffFile(path: $0.key, bytes: Array($0.value.utf8)) }
    }

    static func diff(_ old: [String: String], _ new: [String: String], mode: SemanticDiff.Mode = .revisions) -> DiffResult {
        SemanticDiff.compare(old: files(old), new: files(new), mode: mode)
    }
}
