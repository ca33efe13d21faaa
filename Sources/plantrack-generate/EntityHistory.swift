import PlantrackCore

/// One changed file: a workspace-relative path split into folders and a file name.
struct FileChange {
    var folders: [String]
    var name: String
    var text: String
}

/// Everything one entity (a region or municipality) has written so far, and the rules by
/// which its plans change over a year. Each entity draws from its own random stream.
struct EntityHistory {
    let entity: Entity
    private var random: SeededRandom
    /// Fixed across years so carried-over activities keep valid areas, goals and streams.
    private let areaTemplates: [AreaTemplate]
    private let areas: [PlanArea]
    private let shortGoalCounts: [Int]
    private let streams: [String]
    private let people: [Person]
    private var nextActivityNumber: [String: Int] = [:]

    private(set) var plan: PlanDocument?
    private(set) var goals: [GoalDocument] = []
    private(set) var activities: [ActivityDocument] = []

    init(entity: Entity, seed: UInt64, stream: UInt64) {
        self.entity = entity
        var random = SeededRandom(seed: seed, stream: stream)
        let chosen = random.sample(Array(allAreaTemplates.dropFirst()), count: random.int(3...4))
        let templates = [allAreaTemplates[0]] + chosen
        areaTemplates = templates
        var areas: [PlanArea] = []
        for template in templates {
            areas.append(PlanArea(id: template.id, title: template.title, parent: nil))
            if let sub = template.subArea, random.chance(0.7) {
                areas.append(PlanArea(id: sub.id, title: sub.title, parent: template.id))
            }
        }
        self.areas = areas
        shortGoalCounts = templates.map { random.int(2...min(3, $0.shortTermGoals.count)) }
        streams = random.sample(fundingStreams, count: random.int(3...4))
        let organisations = entity.isRegion ? organisationsOfRegion : organisationsOfMunicipality
        people = (0..<6).map { _ in
            Person(
                name: "\(random.pick(firstNames)) \(random.pick(lastNames))",
                organisation: "\(entity.name), \(random.pick(organisations))", role: random.pick(roles))
        }
        self.random = random
    }

    var folder: [String] { ["Plans", entity.id] }

    // MARK: - County

    func countyDocument(populationDate: CalendarDate) -> FileChange {
        let contacts = people.prefix(2).map { person in
            (name: person.name, role: person.role, email: "\(slug(person.name).replacingDashes(with: "."))@\(entity.id).example.se")
        }
        let body = """
            # \(entity.name)

            \(entity.name) ingår i \(entity.county.name) och arbetar med psykisk hälsa tillsammans med \
            \(entity.isRegion ? "länets kommuner" : entity.county.regionName). \
            Handlingsplanerna för varje år finns i mapparna nedanför.

            """
        let county = CountyDocument(entity: entity, contacts: contacts, populationDate: populationDate, body: body)
        return FileChange(folders: folder, name: "county.md", text: county.render())
    }

    // MARK: - Starting a year

    /// Writes the year's plan, goals and activities: a revision of last year's plan when
    /// there is one (version + 1, `revises`, open activities carried over with the same id).
    mutating func startYear(_ year: Int, adoptedOn adoptedDate: CalendarDate) -> [FileChange] {
        let start = CalendarDate(year, 1, 1)
        let end = CalendarDate(year, 12, 31)
        let previous = plan
        let previousGoals = Dictionary(uniqueKeysWithValues: goals.map { ($0.id, $0) })

        // Goals: the same ids every year; indicators start where last year's ended.
        var newGoals: [GoalDocument] = []
        for (areaIndex, template) in areaTemplates.enumerated() {
            let longID = "\(template.id)-lt-1"
            newGoals.append(
                GoalDocument(
                    id: longID, title: template.longTermGoals[0], isLongTerm: true, area: template.id, serves: [],
                    assessment: .notAssessed, indicators: [], body: goalBody(template.longTermGoals[0])))
            for number in 1...shortGoalCounts[areaIndex] {
                let id = "\(template.id)-kt-\(number)"
                let indicatorTemplate = template.indicators[(number - 1) % template.indicators.count]
                let last = previousGoals[id]?.indicators.first
                let baseline = last?.measurements.last?.value ?? last?.baseline ?? random.int(indicatorTemplate.baseline)
                let step = max(1, baseline * random.int(5...20) / 100)
                var target = indicatorTemplate.increase ? baseline + step : max(0, baseline - step)
                if indicatorTemplate.unit == "percent" { target = min(100, target) }
                let indicator = Indicator(
                    id: "\(id)-i1", title: indicatorTemplate.title, unit: indicatorTemplate.unit,
                    increase: indicatorTemplate.increase, baseline: baseline, target: target, baselineDate: start,
                    targetDate: end, measurements: [], source: indicatorTemplate.source)
                let title = template.shortTermGoals[number - 1]
                newGoals.append(
                    GoalDocument(
                        id: id, title: title, isLongTerm: false, area: template.id, serves: [longID],
                        assessment: .notAssessed, indicators: [indicator], body: goalBody(title)))
            }
        }

        // Activities: open ones carried over, then new ones until every short-term goal has
        // one and the plan has about thirty.
        var newActivities: [ActivityDocument] = []
        for var carried in activities where carried.status.isOpen {
            carried.status = carried.status == .delayed ? .inProgress : carried.status
            carried.start = start.adding(days: random.int(0...20))
            carried.due = CalendarDate(year, random.int(6...12), random.int(1...28))
            carried.completed = nil
            carried.cancelledReason = nil
            if carried.budget != nil {
                carried.budget = random.int(5...60) * 10_000
                carried.spent = 0
            }
            carried.followups = [
                (date: adoptedDate, note: "Överförd från handlingsplanen \(year - 1).", by: random.pick(people).name)
            ]
            newActivities.append(carried)
        }
        let shortGoals = newGoals.filter { !$0.isLongTerm }
        let covered = Set(newActivities.flatMap(\.goals))
        var toCover = shortGoals.filter { !covered.contains($0.id) }
        let wanted = max(toCover.count, random.int(26...34) - newActivities.count)
        for _ in 0..<wanted {
            let goal = toCover.isEmpty ? random.pick(shortGoals) : toCover.removeFirst()
            newActivities.append(newActivity(for: goal, among: shortGoals, year: year))
        }

        // Funding: each stream covers its activities' budgets with a margin.
        var budgets: [String: Int] = [:]
        for activity in newActivities {
            if let stream = activity.fundingStream, let budget = activity.budget {
                budgets[stream, default: 0] += budget
            }
        }
        let funding = streams.map { stream in
            let needed = budgets[stream] ?? 0
            let amount =
                needed == 0
                ? random.int(2...10) * 50_000
                : (needed * random.int(105...130) / 100 + 49_999) / 50_000 * 50_000
            return (stream: stream, amount: amount)
        }

        let version = (previous?.version).map { $0 + 1 } ?? random.int(1...4)
        let newPlan = PlanDocument(
            entityID: entity.id, year: year, title: "Handlingsplan för psykisk hälsa \(year) – \(entity.name)",
            version: version, status: .adopted,
            adopted: (date: adoptedDate, by: entity.isRegion ? "Regionstyrelsen" : "Kommunstyrelsen"),
            period: (start: start, end: end), revises: previous.map { "\(entity.id)/\($0.year)" },
            objectives: random.sample(objectives, count: 3), areas: areas, funding: funding,
            steeringGroup: people.prefix(random.int(3...5)).enumerated().map { index, person in
                Person(name: person.name, organisation: person.organisation, role: steeringRoles[index])
            },
            body: planBody(year: year, version: version))

        plan = newPlan
        goals = newGoals
        activities = newActivities
        return [planFile()] + goals.indices.map(goalFile) + activities.indices.map(activityFile)
    }

    private mutating func newActivity(for goal: GoalDocument, among shortGoals: [GoalDocument], year: Int) -> ActivityDocument {
        // Every goal's area is one of this entity's templates; the fallback is never taken.
        let template = areaTemplates.first { $0.id == goal.area } ?? areaTemplates[0]
        let prioritized = random.chance(0.5)
        let key = "\(template.id)-\(prioritized ? "p" : "l")"
        let number = nextActivityNumber[key, default: 1]
        nextActivityNumber[key] = number + 1
        let subArea = areas.first { $0.parent == template.id }
        let area = subArea != nil && random.chance(0.4) ? subArea?.id ?? template.id : template.id
        var goalIDs = [goal.id]
        let siblings = shortGoals.filter { $0.area == goal.area && $0.id != goal.id }
        if !siblings.isEmpty && random.chance(0.3) {
            goalIDs.append(random.pick(siblings).id)
        }
        let start = CalendarDate(year, 1, 1).adding(days: random.int(0...120))
        let latestDue = CalendarDate(year, 12, 31).daysSinceEpoch - start.daysSinceEpoch
        let due = start.adding(days: random.int(60...latestDue))
        let funded = prioritized || random.chance(0.5)
        let baseTitle = template.activities[(number - 1) % template.activities.count]
        let round = (number - 1) / template.activities.count
        let title = round == 0 ? baseTitle : "\(baseTitle), etapp \(round + 1)"
        let organisations = entity.isRegion ? organisationsOfRegion : organisationsOfMunicipality
        return ActivityDocument(
            id: "\(key)\(number)", title: title, area: area, prioritized: prioritized, goals: goalIDs,
            status: .planned, owner: "\(entity.name), \(random.pick(organisations))",
            partners: random.sample(partnerOrganisations, count: random.int(0...2)), start: start, due: due,
            completed: nil, cancelledReason: nil, progress: 0,
            fundingStream: funded ? random.pick(streams) : nil,
            budget: funded ? random.int(prioritized ? 10...90 : 2...20) * 10_000 : nil, spent: funded ? 0 : nil,
            tasks: random.sample(taskTitles, count: random.int(2...4)).map { (title: $0, done: false) },
            followups: [], body: activityBody(title))
    }

    // MARK: - Updates during the year

    /// Changes `count` documents of this year's plan as of `date`: activity status moves,
    /// progress, spending and follow-ups; goal assessments and indicator measurements.
    /// Returns the changed files and a one-line description.
    mutating func update(on date: CalendarDate, count: Int) -> (files: [FileChange], summary: String) {
        var openActivities = activities.indices.filter { activities[$0].status.isOpen }
        var goalIndices = Array(goals.indices)
        var files: [FileChange] = []
        var words: [String] = []
        for _ in 0..<count {
            if !openActivities.isEmpty && (goalIndices.isEmpty || random.chance(0.75)) {
                let index = openActivities.remove(at: random.int(0...(openActivities.count - 1)))
                words.append("\(activities[index].id) \(advanceActivity(index, on: date))")
                files.append(activityFile(index))
            } else if !goalIndices.isEmpty {
                let index = goalIndices.remove(at: random.int(0...(goalIndices.count - 1)))
                words.append("\(goals[index].id) \(assessGoal(index, on: date))")
                files.append(goalFile(index))
            }
        }
        return (files, "\(entity.name): " + words.joined(separator: ", "))
    }

    private mutating func advanceActivity(_ index: Int, on date: CalendarDate) -> String {
        var activity = activities[index]
        let by = random.pick(people).name
        let roll = random.fraction()
        let label: String
        switch activity.status {
        case .planned where date < activity.start:
            activity.followups.append((date: date, note: "Planeringen inför start pågår.", by: by))
            label = "planeras"
        case .planned:
            activity.status = .inProgress
            activity.progress = random.int(5...25)
            spend(&activity, upTo: activity.progress)
            activity.followups.append((date: date, note: "Arbetet har startat.", by: by))
            label = "påbörjad"
        case .inProgress where date < activity.start:
            // Carried over and restarting later in the year: nothing is finished before it starts.
            activity.followups.append((date: date, note: random.pick(progressNotes), by: by))
            label = "förbereds"
        case .inProgress where (activity.progress >= 60 && roll < 0.45) || date >= activity.due:
            activity.status = .done
            activity.completed = date
            activity.progress = 100
            spend(&activity, upTo: random.int(80...100))
            activity.tasks = activity.tasks.map { (title: $0.title, done: true) }
            activity.followups.append((date: date, note: "Aktiviteten är genomförd.", by: by))
            label = "genomförd"
        case .inProgress where roll < 0.08:
            activity.status = .delayed
            activity.followups.append((date: date, note: random.pick(delayNotes), by: by))
            label = "försenad"
        case .inProgress where roll < 0.10:
            cancel(&activity, on: date, by: by)
            label = "avbruten"
        case .inProgress:
            activity.progress = min(95, activity.progress + random.int(10...25))
            spend(&activity, upTo: activity.progress)
            if let open = activity.tasks.firstIndex(where: { !$0.done }), random.chance(0.6) {
                activity.tasks[open].done = true
            }
            activity.followups.append((date: date, note: random.pick(progressNotes), by: by))
            label = "\(activity.progress) %"
        case .delayed where roll < 0.7:
            activity.status = .inProgress
            activity.followups.append((date: date, note: "Arbetet har återupptagits.", by: by))
            label = "återupptagen"
        case .delayed where roll < 0.85:
            cancel(&activity, on: date, by: by)
            label = "avbruten"
        case .delayed:
            activity.followups.append((date: date, note: random.pick(delayNotes), by: by))
            label = "fortsatt försenad"
        case .done, .cancelled:
            label = "oförändrad"
        }
        activities[index] = activity
        return label
    }

    private mutating func cancel(_ activity: inout ActivityDocument, on date: CalendarDate, by: String) {
        let reason = random.pick(cancelReasons)
        activity.status = .cancelled
        activity.cancelledReason = reason
        activity.followups.append((date: date, note: "Avbruten: \(reason)", by: by))
    }

    /// Spending follows progress, never above the budget and never going down.
    private mutating func spend(_ activity: inout ActivityDocument, upTo percent: Int) {
        guard let budget = activity.budget else { return }
        let target = budget * min(100, max(0, percent + random.int(-10...5))) / 100
        activity.spent = min(budget, max(activity.spent ?? 0, target))
    }

    private mutating func assessGoal(_ index: Int, on date: CalendarDate) -> String {
        var goal = goals[index]
        for indicatorIndex in goal.indicators.indices {
            var indicator = goal.indicators[indicatorIndex]
            guard indicator.measurements.last?.date != date else { continue }
            let previous = indicator.measurements.last?.value ?? indicator.baseline
            let towards = indicator.target - previous
            var value = previous + towards * random.int(0...60) / 100 + random.int(-2...2)
            value = max(0, indicator.unit == "percent" ? min(100, value) : value)
            indicator.measurements.append((date: date, value: value))
            goal.indicators[indicatorIndex] = indicator
        }
        let roll = random.fraction()
        goal.assessment = roll < 0.5 ? .onTrack : roll < 0.75 ? .atRisk : roll < 0.87 ? .offTrack : .achieved
        goals[index] = goal
        return "bedömd \(goal.assessment.rawValue)"
    }

    // MARK: - Closing the year

    mutating func closeYear() -> FileChange? {
        guard plan != nil else { return nil }
        plan?.status = .closed
        return planFile()
    }

    // MARK: - Files

    private var yearFolder: [String] { folder + [String(plan?.year ?? 0)] }

    private func planFile() -> FileChange {
        FileChange(folders: yearFolder, name: "plan.md", text: plan?.render() ?? "")
    }

    private func goalFile(_ index: Int) -> FileChange {
        FileChange(folders: yearFolder + ["goals"], name: "\(goals[index].id).md", text: goals[index].render())
    }

    private func activityFile(_ index: Int) -> FileChange {
        FileChange(
            folders: yearFolder + ["activities"], name: "\(activities[index].id).md", text: activities[index].render())
    }

    // MARK: - Prose

    private mutating func planBody(year: Int, version: Int) -> String {
        """
        # Handlingsplan för psykisk hälsa \(year)

        Detta är version \(version) av handlingsplanen för \(entity.name).

        ## Bakgrund

        \(random.sample(backgroundSentences, count: 3).joined(separator: " "))

        ## Syfte

        \(random.sample(purposeSentences, count: 2).joined(separator: " "))

        ## Organisation

        \(random.sample(organisationSentences, count: 2).joined(separator: " "))

        """
    }

    private mutating func goalBody(_ title: String) -> String {
        "# \(title)\n\n\(random.sample(goalSentences, count: 2).joined(separator: " "))\n"
    }

    private mutating func activityBody(_ title: String) -> String {
        "# \(title)\n\n\(random.sample(activitySentences, count: random.int(2...3)).joined(separator: " "))\n"
    }
}

extension String {
    /// `anna-lindqvist` → `anna.lindqvist`.
    func replacingDashes(with replacement: Character) -> String {
        String(map { $0 == "-" ? replacement : $0 })
    }
}
