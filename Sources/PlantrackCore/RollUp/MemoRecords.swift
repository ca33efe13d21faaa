// The memo's records in bytes: summaries, figures and plan parts (see ``RollUpMemo``).

extension ByteWriter {
    mutating func summary(_ s: RollUpMemo.Summary) {
        int(s.references.count)
        for r in s.references { reference(r) }
        int(s.errorRules.count)
        for path in s.errorRules.keys.sorted() {
            string(path)
            strings(s.errorRules[path] ?? [])
        }
        optionalString(s.planStatus?.rawValue)
        date(s.periodEnd)
    }

    mutating func figures(_ f: StatusFigures) {
        for status in Activity.Status.allCases { int(f.activities[status] ?? 0) }
        int(f.overdue)
        int(f.budgetSEK)
        int(f.spentSEK)
        int(f.fundingSEK)
        int(f.streams.count)
        for s in f.streams {
            string(s.stream)
            int(s.fundingSEK)
            int(s.budgetSEK)
            int(s.spentSEK)
        }
        for assessment in Goal.Assessment.allCases { int(f.goals[assessment] ?? 0) }
        for state in ScheduleState.allCases { int(f.schedule[state] ?? 0) }
        int(f.goalsBehind)
        int(f.suspectLinks)
        int(f.indicators.count)
        for i in f.indicators {
            string(i.goal)
            string(i.id)
            bool(i.progress != nil)
            if let p = i.progress { u64(p.bitPattern) }
            bool(i.expected != nil)
            if let e = i.expected { u64(e.bitPattern) }
            bool(i.isBehind)
            string(i.track.rawValue)
            optionalString(i.light?.rawValue)
            bool(i.latest != nil)
            if let latest = i.latest {
                u64(latest.value.bitPattern)
                date(latest.date)
            }
            bool(i.ageDays != nil)
            if let age = i.ageDays { int(age) }
            date(i.missingSince)
            bool(i.kolada != nil)
            if let k = i.kolada {
                string(k.kpi)
                string(k.municipality)
                string(k.gender.rawValue)
            }
            bool(i.latestFromKolada)
        }
        int(f.performance.targets.count)
        for t in f.performance.targets {
            string(t.goal)
            string(t.indicator)
            u64(t.threshold.bitPattern)
            string(t.direction.rawValue)
            int(t.amountSEK)
            date(t.by)
            optionalString(t.fundingStream)
            bool(t.value != nil)
            if let v = t.value { u64(v.bitPattern) }
            date(t.measuredOn)
            string(t.outcome.rawValue)
        }
    }

    mutating func part(_ p: RollUp.PlanPart) {
        bool(p.status != nil)
        if let s = p.status {
            reference(s.reference)
            string(s.planStatus.rawValue)
            date(s.judgedOn)
            figures(s.figures)
            string(s.light.rawValue)
        }
        bool(!p.groups.isEmpty)
        if !p.groups.isEmpty {
            for grouping in [RollUp.Grouping.area, .priority, .stream] {
                let groups = p.groups[grouping] ?? []
                int(groups.count)
                for g in groups {
                    string(g.key)
                    figures(g.figures)
                }
            }
        }
        int(p.skipped.count)
        for s in p.skipped {
            string(s.path)
            string(s.reason)
            string(s.cause.rawValue)
        }
    }

}

extension ByteReader {
    mutating func summary() -> RollUpMemo.Summary? {
        guard let n = count() else { return nil }
        var references: [ItemReference] = []
        for _ in 0..<n {
            guard let r = reference() else { return nil }
            references.append(r)
        }
        guard let m = count() else { return nil }
        var errorRules: [String: [String]] = [:]
        for _ in 0..<m {
            guard let path = string(), let rules = strings() else { return nil }
            errorRules[path] = rules
        }
        guard let status = optionalString(), let periodEnd = date() else { return nil }
        var planStatus: Plan.Status?
        if let status {
            guard let parsed = Plan.Status(rawValue: status) else { return nil }
            planStatus = parsed
        }
        return RollUpMemo.Summary(references: references, errorRules: errorRules, planStatus: planStatus, periodEnd: periodEnd)
    }

    mutating func figures() -> StatusFigures? {
        var f = StatusFigures()
        for status in Activity.Status.allCases {
            guard let n = int() else { return nil }
            f.activities[status] = n
        }
        guard let overdue = int(), let budget = int(), let spent = int(), let funding = int(), let streams = count()
        else { return nil }
        f.overdue = overdue
        f.budgetSEK = budget
        f.spentSEK = spent
        f.fundingSEK = funding
        for _ in 0..<streams {
            guard let name = string(), let fu = int(), let bu = int(), let sp = int() else { return nil }
            f.streams.append(StatusFigures.Stream(stream: name, fundingSEK: fu, budgetSEK: bu, spentSEK: sp))
        }
        for assessment in Goal.Assessment.allCases {
            guard let n = int() else { return nil }
            f.goals[assessment] = n
        }
        for state in ScheduleState.allCases {
            guard let n = int() else { return nil }
            f.schedule[state] = n
        }
        guard let goalsBehind = int(), let suspectLinks = int(), let indicators = count() else { return nil }
        f.goalsBehind = goalsBehind
        f.suspectLinks = suspectLinks
        for _ in 0..<indicators {
            guard let goal = string(), let id = string(), let progress = optionalDouble(), let expected = optionalDouble(),
                let behind = bool(), let track = string().flatMap(Indicator.Track.init(rawValue:)),
                let light = optionalString(), let hasLatest = bool()
            else { return nil }
            var latest: Indicator.Value?
            if hasLatest {
                guard let value = u64(), let date = date() else { return nil }
                latest = Indicator.Value(value: Double(bitPattern: value), date: date)
            }
            guard let hasAge = bool() else { return nil }
            var age: Int?
            if hasAge {
                guard let days = int() else { return nil }
                age = days
            }
            guard let missingSince = date(), let hasKolada = bool() else { return nil }
            var kolada: KoladaSource?
            if hasKolada {
                guard let kpi = string(), let municipality = string(),
                    let gender = string().flatMap(KoladaSource.Gender.init(rawValue:))
                else { return nil }
                kolada = KoladaSource(kpi: kpi, municipality: municipality, gender: gender)
            }
            guard let fromKolada = bool() else { return nil }
            f.indicators.append(
                StatusFigures.IndicatorProgress(
                    goal: goal, id: id, progress: progress, expected: expected,
                    isBehind: behind, track: track, light: light.flatMap(TrafficLight.init(rawValue:)),
                    latest: latest, ageDays: age, missingSince: missingSince, kolada: kolada,
                    latestFromKolada: fromKolada))
        }
        guard let targets = count() else { return nil }
        for _ in 0..<targets {
            guard let goal = string(), let indicator = string(), let threshold = u64().map(Double.init(bitPattern:)),
                let direction = string().flatMap(Indicator.Direction.init(rawValue:)), let amount = int(),
                let by = date(), let stream = optionalString(), let value = optionalDouble(), let measuredOn = date(),
                let outcome = string().flatMap(PerformanceFigures.Outcome.init(rawValue:))
            else { return nil }
            f.performance.targets.append(
                PerformanceFigures.Target(
                    goal: goal, indicator: indicator, threshold: threshold, direction: direction, amountSEK: amount,
                    by: by, fundingStream: stream, value: value, measuredOn: measuredOn, outcome: outcome))
        }
        return f
    }

    mutating func part() -> RollUp.PlanPart? {
        guard let hasStatus = bool() else { return nil }
        var status: PlanStatus?
        if hasStatus {
            guard let reference = reference(), let planStatus = string().flatMap(Plan.Status.init(rawValue:)),
                let judgedOn = date(), let judgedOn, let figures = figures(),
                let light = string().flatMap(TrafficLight.init(rawValue:))
            else { return nil }
            status = PlanStatus(reference: reference, planStatus: planStatus, judgedOn: judgedOn, figures: figures, light: light)
        }
        var groups: [RollUp.Grouping: [RollUp.Group]] = [:]
        guard let hasGroups = bool() else { return nil }
        for grouping in [RollUp.Grouping.area, .priority, .stream] where hasGroups {
            guard let n = count() else { return nil }
            var list: [RollUp.Group] = []
            for _ in 0..<n {
                guard let key = string(), let figures = figures() else { return nil }
                list.append(RollUp.Group(key: key, figures: figures))
            }
            groups[grouping] = list
        }
        guard let n = count() else { return nil }
        var skipped: [RollUp.Skipped] = []
        for _ in 0..<n {
            guard let path = string(), let reason = string(), let cause = string().flatMap(RollUp.Skipped.Cause.init)
            else { return nil }
            skipped.append(RollUp.Skipped(path: path, reason: reason, cause: cause))
        }
        return RollUp.PlanPart(status: status, groups: groups, skipped: skipped, entry: nil)
    }
}
