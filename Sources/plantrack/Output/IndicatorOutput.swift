import JSONSchema
import PlantrackCore

/// How `rollup` and `trend` render an indicator's figures (docs/rollup.md, "An indicator's
/// track and light"; docs/json.md).
enum IndicatorOutput {
    /// One indicator in `rollup --format json`: what it is, its progress against the straight
    /// line, its track and light, its latest value with its age, and its source.
    static func json(_ i: StatusFigures.IndicatorProgress) -> JSONValue {
        var o: JSONObject = [
            "goal": .string(i.goal), "id": .string(i.id), "progress": RollUpOutput.share(i.progress),
            "expected": RollUpOutput.share(i.expected), "behind": .bool(i.isBehind),
        ]
        for entry in judgementJSON(i).entries { o[entry.key] = entry.value }
        return .object(o)
    }

    /// `track`, `light`, `latest`, `no_value_since` and `source` of an indicator.
    static func judgementJSON(_ i: StatusFigures.IndicatorProgress) -> JSONObject {
        var o = JSONObject()
        o["track"] = .string(i.track.rawValue)
        o["light"] = i.light.map { .string($0.rawValue) } ?? .null
        o["latest"] =
            i.latest.map { latest in
                .object([
                    "date": latest.date.map { .string($0.description) } ?? .null, "value": number(latest.value),
                    "age_days": i.ageDays.map(RollUpOutput.int) ?? .null,
                ])
            } ?? .null
        o["no_value_since"] = i.missingSince.map { .string($0.description) } ?? .null
        o["source"] = i.isFromKolada ? sourceJSON(i.kolada) : .null
        return o
    }

    /// `{"name": "Kolada", "kpi": …, "municipality": …, "gender": …}`; the key figure's
    /// members are null when only the values' provenance says Kolada.
    static func sourceJSON(_ source: KoladaSource?) -> JSONValue {
        .object([
            "name": .string("Kolada"), "kpi": source.map { .string($0.kpi) } ?? .null,
            "municipality": source.map { .string($0.municipality) } ?? .null,
            "gender": source.map { .string($0.gender.rawValue) } ?? .null,
        ])
    }

    /// A measured value as JSON, exactly as recorded (an integer when whole).
    static func number(_ value: Double) -> JSONValue {
        if value == value.rounded(), abs(value) < 1e15 { return .number(.integer(Int64(value))) }
        return .number(.double(value))
    }

    /// A measured value as text, with a decimal comma in Swedish; as recorded, not rounded.
    static func valueText(_ value: Double?, _ language: ReportLanguage) -> String {
        guard let value else { return "-" }
        let text: String
        if value == value.rounded(), abs(value) < 1e15 { text = String(Int64(value)) } else { text = String(value) }
        return language == .sv ? String(text.map { $0 == "." ? "," : $0 }) : text
    }

    /// The cells of an indicator after what identifies it: latest value, its date, its age,
    /// progress, expected, track, light.
    static func cells(_ i: StatusFigures.IndicatorProgress, _ words: FigureWords) -> [String] {
        let iw = IndicatorWords(language: words.language)
        return [
            valueText(i.latest?.value, words.language), i.latest?.date?.description ?? "-",
            i.ageDays.map(String.init) ?? "-", RollUpOutput.shareText(i.progress, words.language),
            RollUpOutput.shareText(i.expected, words.language), iw.track(i.track), i.light.map(words.light) ?? "-",
        ]
    }

    /// `rollup --indicators`: one row per indicator of the plans of `years`, in plan and goal order.
    static func rows(_ rollUp: RollUp, years: [Int], _ words: FigureWords) -> [[String]] {
        let iw = IndicatorWords(language: words.language)
        return years.flatMap { year in
            rollUp.only(years: [year]).plans.flatMap { plan in
                plan.figures.indicators.map { i in
                    [i.goal, i.id] + cells(i, words) + [i.isFromKolada ? iw.kolada(i.kolada) : "-"]
                }
            }
        }
    }
}
