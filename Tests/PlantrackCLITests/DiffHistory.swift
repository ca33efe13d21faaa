import Foundation
import PlantrackGit

/// A small plan history for the diff CLI tests, built through libgit2.
enum DiffHistory {
    static func activity(_ id: String, status: String, extra: String = "", body: String = "Vi stödjer kommunerna i länet.\n") -> String {
        "---\nkind: activity\nid: \(id)\ntitle: Aktivitet \(id)\narea: bu\npriority: prioritized\nstatus: \(status)\n"
            + extra + "---\n\n" + body
    }

    static let plan =
        "---\nkind: plan\ncounty: sthlm\nyear: 2021\ntitle: Plan\nversion: 1\nstatus: draft\n"
        + "period: {start: 2021-01-01, end: 2021-12-31}\nareas: [{id: bu, title: Barn och unga}]\n---\n\nBakgrund.\n"

    /// Removes a file from the working tree and the index.
    static func unstage(_ repo: TestRepository, _ relative: String) throws {
        try? FileManager.default.removeItem(at: repo.url.appendingPathComponent(relative))
        let index = try repo.repository.index()
        try index.remove(path: relative)
        try index.write()
    }

    /// Two commits: the second changes a status and a task, moves one activity to another
    /// year with its id kept, removes one and adds one.
    static func make() throws -> TestRepository {
        let repo = try TestRepository()
        let a = "Plans/sthlm/2021/activities/"
        try repo.stage("Plans/sthlm/2021/plan.md", plan)
        try repo.stage(
            a + "bu-p1.md",
            activity(
                "bu-p1", status: "planned",
                extra: "tasks:\n  - title: Ta fram stödmaterial\n    done: false\n"))
        try repo.stage(a + "bu-p2.md", activity("bu-p2", status: "in-progress"))
        try repo.stage(a + "bu-p3.md", activity("bu-p3", status: "planned"))
        try repo.commit("first")
        try repo.stage(
            a + "bu-p1.md",
            activity(
                "bu-p1", status: "done",
                extra: "completed: 2021-06-01\ntasks:\n  - title: Ta fram stödmaterial\n    done: true\n",
                body: "Vi stödjer alla kommuner i länet.\n"))
        try unstage(repo, a + "bu-p2.md")
        try repo.stage("Plans/sthlm/2022/activities/bu-p2.md", activity("bu-p2", status: "delayed"))
        try unstage(repo, a + "bu-p3.md")
        try repo.stage(a + "bu-p4.md", activity("bu-p4", status: "planned"))
        try repo.commit("second")
        return repo
    }
}
