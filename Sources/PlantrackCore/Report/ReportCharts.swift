/// The small inline SVG charts of the HTML reports. Every chart is `role="img"` with an
/// `aria-label` and a `<title>` saying in words what it shows; colours come from CSS
/// classes so the page's light and dark schemes apply, and the page always prints the
/// same figures as text beside the chart.
enum ReportCharts {
    private static func open(width: Int, height: Int, label: String, className: String, fluid: Bool = false) -> String {
        let size =
            fluid
            ? "width=\"100%\" height=\"\(height)\" preserveAspectRatio=\"none\""
            : "width=\"\(width)\" height=\"\(height)\""
        let text = ReportEscaping.html(label)
        return "<svg class=\"\(className)\" viewBox=\"0 0 \(width) \(height)\" \(size) role=\"img\" aria-label=\"\(text)\">"
            + "<title>\(text)</title>"
    }

    private static func fixed(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = abs(hundredths % 100)
        return fraction == 0 ? String(whole) : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A horizontal bar split by activity status, widths proportional to the counts.
    static func statusBar(_ figures: StatusFigures, label: String) -> String {
        let total = figures.activityCount
        var svg = open(width: 200, height: 12, label: label, className: "statusbar", fluid: true)
        guard total > 0 else {
            return svg + "<rect class=\"st-empty\" x=\"0\" y=\"0\" width=\"200\" height=\"12\"/></svg>"
        }
        var x = 0.0
        for status in [Activity.Status.done, .inProgress, .planned, .delayed, .cancelled] {
            let n = figures.count(status)
            guard n > 0 else { continue }
            let width = Double(n) / Double(total) * 200
            svg += "<rect class=\"st-\(status.rawValue)\" x=\"\(fixed(x))\" y=\"0\" width=\"\(fixed(width))\" height=\"12\"/>"
            x += width
        }
        return svg + "</svg>"
    }

    /// A round lamp in the light's colour; the word is always printed beside it.
    static func lamp(_ light: TrafficLight, label: String) -> String {
        open(width: 14, height: 14, label: label, className: "lamp")
            + "<circle class=\"light-\(light.rawValue)\" cx=\"7\" cy=\"7\" r=\"6\"/></svg>"
    }

    /// Spent against granted money: a track as long as the larger of granted and budgeted,
    /// the granted part outlined, the spent part filled and the budget marked with a line.
    static func moneyBar(_ stream: StatusFigures.Stream, label: String) -> String {
        let scale = Double(max(stream.fundingSEK, stream.budgetSEK, stream.spentSEK, 1))
        func x(_ sek: Int) -> String { fixed(Double(sek) / scale * 160) }
        return open(width: 160, height: 14, label: label, className: "moneybar")
            + "<rect class=\"mb-track\" x=\"0\" y=\"2\" width=\"160\" height=\"10\"/>"
            + "<rect class=\"mb-funding\" x=\"0\" y=\"2\" width=\"\(x(stream.fundingSEK))\" height=\"10\"/>"
            + "<rect class=\"mb-spent\" x=\"0\" y=\"4\" width=\"\(x(stream.spentSEK))\" height=\"6\"/>"
            + "<line class=\"mb-budget\" x1=\"\(x(stream.budgetSEK))\" y1=\"0\" x2=\"\(x(stream.budgetSEK))\" y2=\"14\"/>"
            + "</svg>"
    }

    /// Baseline → latest → target on one line: the way from baseline to target, the part
    /// covered filled, the latest value marked.
    static func indicator(progress: Double?, label: String) -> String {
        var svg =
            open(width: 120, height: 14, label: label, className: "indicator")
            + "<line class=\"ind-track\" x1=\"4\" y1=\"7\" x2=\"116\" y2=\"7\"/>"
            + "<circle class=\"ind-base\" cx=\"4\" cy=\"7\" r=\"3\"/>"
            + "<circle class=\"ind-target\" cx=\"116\" cy=\"7\" r=\"4\"/>"
        if let progress {
            let x = 4 + min(100, max(0, progress)) / 100 * 112
            svg +=
                "<line class=\"ind-done\" x1=\"4\" y1=\"7\" x2=\"\(fixed(x))\" y2=\"7\"/>"
                + "<circle class=\"ind-latest\" cx=\"\(fixed(x))\" cy=\"7\" r=\"4\"/>"
        }
        return svg + "</svg>"
    }

    /// An indicator over its plan year (docs/report.md): time runs left to right from `start`
    /// (the period's start, where the year's baseline stands) to the later of the target date
    /// and the last measurement; the measurements as points joined by a line; the target as
    /// a ring at its date; and, dashed, the straight line from the baseline to the target the
    /// track is judged against (none when the target has no date on or after `start`).
    static func indicatorSeries(
        start: CalendarDate, baseline: Double, target: Indicator.Value, points: [(date: CalendarDate, value: Double)],
        format: ReportFormat, label: String
    ) -> String {
        let width = 320
        let height = 140
        let left = 44.0
        let right = 12.0
        let top = 10.0
        let bottom = 22.0
        let firstDay = start.daysSinceEpoch
        let lastDay = max(
            [target.date?.daysSinceEpoch ?? firstDay, points.map { $0.date.daysSinceEpoch }.max() ?? firstDay].max() ?? firstDay,
            firstDay + 1)
        let values = [baseline, target.value] + points.map { $0.value }
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if low == high {
            low -= 1
            high += 1
        }
        let pad = (high - low) * 0.1
        low -= pad
        high += pad
        func x(_ date: CalendarDate) -> Double {
            let day = min(max(date.daysSinceEpoch, firstDay), lastDay)
            return left + Double(day - firstDay) / Double(lastDay - firstDay) * (Double(width) - left - right)
        }
        func y(_ value: Double) -> Double { top + (high - value) / (high - low) * (Double(height) - top - bottom) }
        var svg = open(width: width, height: height, label: label, className: "ind-series")
        for value in [baseline, target.value] {
            svg +=
                "<line class=\"tr-grid\" x1=\"\(fixed(left))\" y1=\"\(fixed(y(value)))\" x2=\"\(fixed(Double(width) - right))\" y2=\"\(fixed(y(value)))\"/>"
                + "<text class=\"tr-axis\" x=\"\(fixed(left - 4))\" y=\"\(fixed(y(value) + 4))\" text-anchor=\"end\">"
                + ReportEscaping.html(format.number(value)) + "</text>"
        }
        let end = CalendarDate(daysSinceEpoch: lastDay)
        for (date, anchor) in [(start, "start"), (end, "end")] {
            svg +=
                "<text class=\"tr-axis\" x=\"\(fixed(x(date)))\" y=\"\(height - 6)\" text-anchor=\"\(anchor)\">"
                + ReportEscaping.html(date.description) + "</text>"
        }
        if let due = target.date, due >= start {
            svg +=
                "<line class=\"ind-expected\" x1=\"\(fixed(x(start)))\" y1=\"\(fixed(y(baseline)))\" x2=\"\(fixed(x(due)))\" y2=\"\(fixed(y(target.value)))\"/>"
        }
        svg += "<circle class=\"ind-base\" cx=\"\(fixed(x(start)))\" cy=\"\(fixed(y(baseline)))\" r=\"3.5\"/>"
        let targetX = target.date.map { $0 >= start ? x($0) : x(start) } ?? x(end)
        svg += "<circle class=\"ind-target\" cx=\"\(fixed(targetX))\" cy=\"\(fixed(y(target.value)))\" r=\"5\"/>"
        let line = points.sorted { $0.date < $1.date }.map { "\(fixed(x($0.date))),\(fixed(y($0.value)))" }
        if line.count > 1 { svg += "<polyline class=\"tr-line\" points=\"\(line.joined(separator: " "))\"/>" }
        for point in points {
            svg += "<circle class=\"ind-latest\" cx=\"\(fixed(x(point.date)))\" cy=\"\(fixed(y(point.value)))\" r=\"3.5\"/>"
        }
        return svg + "</svg>"
    }

    /// The share of activities done at each month end as a line over the year, 0–100 %.
    static func trend(_ points: [Trend.Point], format: ReportFormat, label: String) -> String {
        let width = 600
        let height = 170
        let left = 40.0
        let right = 10.0
        let top = 10.0
        let bottom = 24.0
        let plotWidth = Double(width) - left - right
        let plotHeight = Double(height) - top - bottom
        let step = points.count > 1 ? plotWidth / Double(points.count - 1) : 0
        func y(_ share: Double) -> Double { top + (100 - share) / 100 * plotHeight }
        var svg = open(width: width, height: height, label: label, className: "trend")
        for share in [0.0, 50, 100] {
            svg +=
                "<line class=\"tr-grid\" x1=\"\(fixed(left))\" y1=\"\(fixed(y(share)))\" x2=\"\(fixed(Double(width) - right))\" y2=\"\(fixed(y(share)))\"/>"
            svg +=
                "<text class=\"tr-axis\" x=\"\(fixed(left - 6))\" y=\"\(fixed(y(share) + 4))\" text-anchor=\"end\">"
                + ReportEscaping.html(format.percent(share)) + "</text>"
        }
        var path: [String] = []
        for (index, point) in points.enumerated() {
            let x = left + Double(index) * step
            svg +=
                "<text class=\"tr-axis\" x=\"\(fixed(x))\" y=\"\(height - 6)\" text-anchor=\"middle\">"
                + ReportEscaping.html(format.monthAbbreviation(point.date.month)) + "</text>"
            guard point.commit != nil, let share = point.figures.doneShare else { continue }
            path.append("\(fixed(x)),\(fixed(y(share)))")
            svg += "<circle class=\"tr-point\" cx=\"\(fixed(x))\" cy=\"\(fixed(y(share)))\" r=\"3\"/>"
        }
        if path.count > 1 {
            svg += "<polyline class=\"tr-line\" points=\"\(path.joined(separator: " "))\"/>"
        }
        return svg + "</svg>"
    }
}
