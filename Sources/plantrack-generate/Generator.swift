import PlantrackCore
import PlantrackGit

/// What to generate.
struct GeneratorSettings {
    var seed: UInt64
    var entities: Int
    var years: Int
    var firstYear: Int
    /// All commits of one year: the opening commit, the updates and the closing commit.
    var commitsPerYear: Int
}

/// What was generated.
struct GeneratorResult {
    var entities: Int
    var documents: Int
    var commits: Int
    var head: ObjectID
}

/// Builds a synthetic workspace's whole history in a new repository: one commit that starts
/// each year's plans, status updates spread over the year, one commit that closes the year.
/// Commit times come from the seed and the schedule, never from the clock, so the same
/// settings give the same commit ids.
struct Generator {
    static let author = "plantrack generator"
    static let email = "generator@example.se"

    let settings: GeneratorSettings

    func run(in repository: Repository) throws -> GeneratorResult {
        // Objects go to memory and are written as one pack at the end.
        let buffer = try ObjectBuffer(repository: repository)
        let tree = try WorkspaceTree(repository: repository)
        var schedule = SeededRandom(seed: settings.seed, stream: 0)
        var entityRandom = SeededRandom(seed: settings.seed, stream: 1)
        let entities = makeEntities(limit: settings.entities, random: &entityRandom)
        var histories = entities.enumerated().map { index, entity in
            EntityHistory(entity: entity, seed: settings.seed, stream: UInt64(index) + 100)
        }
        var parent: ObjectID?
        var tags: [ObjectID] = []
        var commits = 0
        var documents = Set<String>()

        func commit(_ files: [FileChange], message: String, at date: CalendarDate, hour: Int, minute: Int, second: Int = 0)
            throws -> ObjectID
        {
            for file in files {
                try tree.write(file)
                documents.insert((file.folders + [file.name]).joined(separator: "/"))
            }
            let when = SwedishTime.timestamp(date, hour: hour, minute: minute, second: second)
            let signature = Author(name: Self.author, email: Self.email, time: when.time, offsetMinutes: when.offsetMinutes)
            let id = try repository.createCommit(
                tree: try tree.writeTree(), parents: parent.map { [$0] } ?? [], author: signature,
                committer: signature, message: message + "\n")
            parent = id
            commits += 1
            return id
        }

        for year in settings.firstYear..<(settings.firstYear + settings.years) {
            // Opening: every entity's plan for the year, adopted on a January weekday.
            var adopted = CalendarDate(year, 1, schedule.int(8...12))
            while adopted.weekday > 4 { adopted = adopted.adding(days: 1) }
            var files: [FileChange] = []
            if year == settings.firstYear {
                files.append(FileChange(folders: ["Plans"], name: "workspace.yaml", text: workspaceYAML()))
                for history in histories {
                    // The embedded population figures are SCB's for 31 December 2020.
                    files.append(history.countyDocument(populationDate: CalendarDate(2020, 12, 31)))
                }
            }
            for index in histories.indices {
                files += histories[index].startYear(year, adoptedOn: adopted)
            }
            let opening = try commit(
                files, message: "Handlingsplaner \(year) fastställda för \(histories.count) organisationer", at: adopted,
                hour: 9, minute: schedule.int(0...59))
            tags.append(
                try repository.createTag(
                    named: "plans-\(year)", target: try repository.commit(opening),
                    tagger: tagger(adopted), message: "Fastställda handlingsplaner \(year)\n", force: true))

            // Updates: spread evenly from mid-January to just before Christmas, 08–17 local time.
            let updates = max(0, settings.commitsPerYear - 2)
            let first = CalendarDate(year, 1, 15).daysSinceEpoch
            let span = CalendarDate(year, 12, 20).daysSinceEpoch - first
            let workingSeconds = 9 * 3_600
            for step in 0..<updates {
                // Position in "working seconds" over the span, strictly increasing.
                let slot = (Double(step) + schedule.fraction() * 0.9) / Double(max(1, updates))
                let total = Int(slot * Double((span + 1) * workingSeconds))
                let date = CalendarDate(daysSinceEpoch: first + total / workingSeconds)
                let secondOfDay = total % workingSeconds
                let index = schedule.int(0...(histories.count - 1))
                let change = histories[index].update(on: date, count: schedule.int(1...5))
                _ = try commit(
                    change.files, message: change.summary, at: date, hour: 8 + secondOfDay / 3_600,
                    minute: secondOfDay % 3_600 / 60, second: secondOfDay % 60)
            }

            // Closing: every plan of the year is closed.
            let closing = CalendarDate(year, 12, 30)
            let closed = histories.indices.compactMap { histories[$0].closeYear() }
            _ = try commit(
                closed, message: "Handlingsplaner \(year) avslutade", at: closing, hour: 15, minute: schedule.int(0...59))
        }

        guard let head = parent else {
            throw GeneratorError("nothing to generate: --years and --entities must be at least 1")
        }
        try repository.setReference(named: "refs/heads/main", to: head, logMessage: "plantrack-generate")
        try buffer.writePack(reachableFrom: [head], including: tags)
        return GeneratorResult(
            entities: entities.count, documents: documents.filter { $0.hasSuffix(".md") }.count, commits: commits,
            head: head)
    }

    private func tagger(_ date: CalendarDate) -> Author {
        let when = SwedishTime.timestamp(date, hour: 17, minute: 0)
        return Author(name: Self.author, email: Self.email, time: when.time, offsetMinutes: when.offsetMinutes)
    }

    private func workspaceYAML() -> String {
        var yaml = YAMLText()
        yaml.string("name", "Syntetisk arbetsyta: handlingsplaner för psykisk hälsa (frö \(settings.seed))")
        yaml.string("language", "sv")
        return yaml.text
    }
}

/// A generator failure reported in one line.
struct GeneratorError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
