import PlantrackCore
import Testing

@Suite("RollUp core")
struct RollUpCoreTests {
    @Test("a closed plan is judged at its period end")
    func closedPlan() throws {
        let plan = try Plan(document: stockholmPlan(status: "closed"))
        let activity = try Activity(
            document: document(
                "Plans/stockholm/2021/activities/a.md",
                """
                kind: activity
                id: a
                title: A
                area: bu
                priority: ongoing
                status: planned
                due: 2021-12-31

                """))
        let later = try #require(CalendarDate("2023-01-01"))
        let status = PlanStatus(plan: plan, goals: [], activities: [activity], asOf: later)
        #expect(status.judgedOn == plan.period?.end)
        #expect(status.figures.overdue == 0)
    }

    @Test("adding figures sums money per stream, sorted by name, whatever order the lists were given in")
    func streamsAddUp() {
        var total = StatusFigures()
        var a = StatusFigures()
        a.streams = [
            .init(stream: "suicidprevention", fundingSEK: 100, budgetSEK: 50, spentSEK: 10),
            .init(stream: "barn-unga", fundingSEK: 200),
        ]
        var b = StatusFigures()
        b.streams = [
            .init(stream: "barn-unga", budgetSEK: 30, spentSEK: 5), .init(stream: "äldre", fundingSEK: 7),
            .init(stream: "barn-unga", budgetSEK: 1),
        ]
        total.add(a)
        total.add(b)
        total.add(StatusFigures())
        #expect(
            total.streams == [
                .init(stream: "barn-unga", fundingSEK: 200, budgetSEK: 31, spentSEK: 5),
                .init(stream: "suicidprevention", fundingSEK: 100, budgetSEK: 50, spentSEK: 10),
                .init(stream: "äldre", fundingSEK: 7),
            ])
    }

    @Test("done share leaves cancelled activities out")
    func doneShare() {
        var figures = StatusFigures()
        #expect(figures.doneShare == nil)
        figures.activities[.cancelled] = 2
        #expect(figures.doneShare == nil)
        figures.activities[.done] = 1
        figures.activities[.planned] = 1
        #expect(figures.doneShare == 50)
    }

    @Test("period ends: weeks end on Sunday, months and quarters on their last day")
    func periodEnds() throws {
        let since = try #require(CalendarDate("2021-01-02"))
        let until = try #require(CalendarDate("2021-07-01"))
        #expect(Trend.periodEnds(since: since, until: until, every: .quarter).map(\.description) == ["2021-03-31", "2021-06-30"])
        #expect(Trend.periodEnds(since: since, until: until, every: .month).first?.description == "2021-01-31")
        #expect(Trend.periodEnds(since: since, until: until, every: .month).last?.description == "2021-06-30")
        #expect(
            Trend.periodEnds(since: since, until: since.adding(days: 14), every: .week).map(\.description)
                == ["2021-01-03", "2021-01-10"])
    }

    @Test("sparkline spans ▁ to █")
    func sparkline() {
        #expect(Trend.sparkline([0, 50, 100, nil]) == "▁▅█ ")
    }
}
