/// The documents the CLI tests of shared repositories and sync build their workspaces from:
/// a county whose 2026 plan is adopted as version 1, with one area `a`, a long-term goal `g`
/// and a short-term goal `s` serving it, and activities contributing to `s`.
public enum PlanFixture {
    /// County `county`'s county.md, 2026 plan.md and goals, by workspace-relative path.
    public static func countyFiles(_ county: String, code: String) -> [String: String] {
        [
            "Plans/\(county)/county.md": "---\nkind: county\nid: \(county)\nname: \(county) län\ncode: \"\(code)\"\n---\n",
            "Plans/\(county)/2026/plan.md": """
            ---
            kind: plan
            county: \(county)
            year: 2026
            title: Handlingsplan 2026
            version: 1
            status: adopted
            adopted: {date: 2026-02-01, by: Regionstyrelsen}
            period: {start: 2026-01-01, end: 2026-12-31}
            areas:
              - id: a
                title: A
            ---

            """,
            "Plans/\(county)/2026/goals/g.md":
                "---\nkind: goal\nid: g\ntitle: G\nterm: long\narea: a\nassessment: not-assessed\n---\n",
            "Plans/\(county)/2026/goals/s.md":
                "---\nkind: goal\nid: s\ntitle: S\nterm: short\narea: a\nserves:\n  - g\nassessment: not-assessed\n---\n",
        ]
    }

    /// A prioritized activity of area `a` contributing to goal `s`; `body` follows the front
    /// matter after an empty line.
    public static func activity(
        id: String = "bu-p1", title: String = "Utbildning", status: String = "in-progress", progress: Int, body: String = ""
    ) -> String {
        """
        ---
        kind: activity
        id: \(id)
        title: \(title)
        area: a
        priority: prioritized
        goals:
          - s
        status: \(status)
        progress: \(progress)
        ---

        \(body)
        """
    }
}
