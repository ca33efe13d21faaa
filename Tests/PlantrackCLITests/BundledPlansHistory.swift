import Foundation
import PlantrackCore
import PlantrackGit

/// A git workspace holding the bundled Plans/ with a made-up 2026 history, so reports of
/// the bundled plans have a trend and changes to show, and do not depend on the project's
/// own commits or on today's date.
///
/// - 2026-02-20: every plan except norrbotten/2026; the 2026 activities that are done in
///   the bundled plans are still in progress (no `completed`).
/// - 2026-03-10: norrbotten/2026 is added (its done activities still in progress).
/// - on each `completed` date of a done 2026 activity: that activity becomes done.
/// - 2026-11-16: Plans/ exactly as bundled.
struct BundledPlansHistory {
    let repo: TestRepository
    /// The commits, oldest first.
    let commits: [ObjectID]

    /// The bundled Plans/ files, by workspace-relative path.
    static func bundledFiles() throws -> [String: String] {
        let root = CLI.packageRoot.appendingPathComponent("Plans")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [:] }
        var files: [String: String] = [:]
        for case let url as URL in walker where !url.hasDirectoryPath {
            let relative = "Plans/" + url.path.dropFirst(root.path.count + 1)
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    /// The activity still in progress: `status: done` → `in-progress`, `completed:` dropped.
    static func rewound(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("completed:") }
            .map { $0 == "status: done" ? "status: in-progress" : String($0) }
            .joined(separator: "\n")
    }

    static func seconds(_ day: String) -> Int64 {
        Int64((CalendarDate(day)?.daysSinceEpoch ?? 0) * 86_400 + 12 * 3600)
    }

    init() throws {
        repo = try TestRepository()
        let files = try Self.bundledFiles()
        // The done 2026 activities and the day each was completed.
        var completions: [String: [String]] = [:]
        for (path, text) in files where path.contains("/2026/activities/") && text.contains("\nstatus: done\n") {
            let day = text.split(separator: "\n").first { $0.hasPrefix("completed: ") }?.dropFirst(11)
            completions[day.map(String.init) ?? "2026-11-16", default: []].append(path)
        }
        let doneLater = Set(completions.values.joined())
        let isNorrbotten2026 = { (path: String) in path.hasPrefix("Plans/norrbotten/2026/") }
        var commits: [ObjectID] = []

        for (path, text) in files.sorted(by: { $0.key < $1.key }) where !isNorrbotten2026(path) {
            try repo.stage(path, doneLater.contains(path) ? Self.rewound(text) : text)
        }
        commits.append(try repo.commit("Plans for 2026 adopted", time: Self.seconds("2026-02-20")))

        for (path, text) in files.sorted(by: { $0.key < $1.key }) where isNorrbotten2026(path) {
            try repo.stage(path, doneLater.contains(path) ? Self.rewound(text) : text)
        }
        commits.append(try repo.commit("Norrbotten's plan for 2026", time: Self.seconds("2026-03-10")))

        for day in completions.keys.sorted() {
            for path in completions[day, default: []].sorted() {
                try repo.stage(path, files[path] ?? "")
            }
            commits.append(try repo.commit("Done on \(day)", time: Self.seconds(day)))
        }

        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            try repo.stage(path, text)
        }
        commits.append(try repo.commit("Plans as bundled", time: Self.seconds("2026-11-16")))
        self.commits = commits
    }
}
