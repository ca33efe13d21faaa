import JSONSchema
import PlantrackCore

/// How `indicators import` (and `indicators fetch`) show what recording values did: text for
/// people, JSON for programs (docs/json.md, "indicators import and fetch").
enum IndicatorsOutput {
    /// The text report: what was added and revised (old → new, both fetch days), what Kolada
    /// has no value for, what was not recorded and why, the unchanged count, and the commit.
    static func text(
        _ outcome: RecordingOutcome, fetched: CalendarDate, written: WorkspaceWriteOutcome?, dryRun: Bool, style: Style
    ) -> String {
        var lines: [String] = []
        func value(_ v: Double?) -> String { IndicatorRecording.text(v) }
        if !outcome.added.isEmpty {
            lines.append(style.bold("added \(outcome.added.count)") + ":")
            for v in outcome.added {
                lines.append("  + \(v.goal) \(v.indicator) \(v.period): \(value(v.value))")
            }
        }
        if !outcome.revised.isEmpty {
            lines.append(style.bold("revised \(outcome.revised.count)") + " (Kolada changed the value; the old one is kept in revisions):")
            for r in outcome.revised {
                lines.append(
                    "  ~ \(r.new.goal) \(r.new.indicator) \(r.new.period): \(value(r.oldValue)) → \(value(r.new.value)) "
                        + "(fetched \(r.oldFetched?.description ?? "?") → \(fetched))")
            }
        }
        if !outcome.missing.isEmpty {
            lines.append("no value from Kolada (null, recorded as value: null) \(outcome.missing.count):")
            for v in outcome.missing { lines.append("  \(v.goal) \(v.indicator) \(v.period)") }
        }
        if !outcome.withoutValues.isEmpty {
            lines.append("no value in the file for \(EnglishWords.count(outcome.withoutValues.count, "sourced indicator")):")
            for s in outcome.withoutValues {
                lines.append("  \(s.goal) \(s.indicator) (\(s.source.kpi) \(s.source.municipality) \(s.source.gender.rawValue))")
            }
        }
        if !outcome.skipped.isEmpty {
            lines.append("not recorded \(outcome.skipped.count):")
            for s in outcome.skipped {
                let v = s.value.value
                let what = "\(v.kpi) \(v.municipality) \(v.gender.rawValue) \(v.period): \(value(v.value))"
                switch s.reason {
                case .noIndicator:
                    lines.append("  \(what): no indicator names this key figure and municipality")
                case .handTyped(let goal, let indicator):
                    lines.append(
                        "  \(what): \(goal) \(indicator) has a measurement typed by hand on "
                            + "\(IndicatorRecording.date(ofPeriod: v.period)), which is kept")
                case .periodNotOver(let goal, let indicator):
                    lines.append("  \(what): \(goal) \(indicator): the period has not ended on \(fetched)")
                }
            }
        }
        lines.append("unchanged \(outcome.unchanged)")
        var text = lines.joined(separator: "\n") + "\n"
        if dryRun {
            text += "dry run: nothing written (\(EnglishWords.count(outcome.files.count, "file")) would change)\n"
        } else if let written, !written.paths.isEmpty {
            text += "wrote \(written.paths.joined(separator: ", "))\n" + CommitMessage.outcome(written)
        } else {
            text += "nothing changed\n"
        }
        return text
    }

    /// The JSON report (docs/json.md).
    static func json(
        _ outcome: RecordingOutcome, fetched: CalendarDate, written: WorkspaceWriteOutcome?, dryRun: Bool
    ) -> JSONValue {
        func number(_ v: Double?) -> JSONValue { v.map { JSONValue.number(.double($0)) } ?? .null }
        func recorded(_ v: RecordedValue) -> JSONValue {
            .object([
                "goal": .string(v.goal.description), "path": .string(v.path), "indicator": .string(v.indicator),
                "period": .number(.integer(Int64(v.period))), "date": .string(v.date.description),
                "value": number(v.value), "url": .string(v.request),
            ])
        }
        var object = JSONObject()
        object["fetched"] = .string(fetched.description)
        object["dry_run"] = .bool(dryRun)
        object["added"] = .array(outcome.added.map(recorded))
        object["revised"] = .array(
            outcome.revised.map { r in
                var item: JSONObject = [
                    "goal": .string(r.new.goal.description), "path": .string(r.new.path),
                    "indicator": .string(r.new.indicator), "period": .number(.integer(Int64(r.new.period))),
                    "date": .string(r.new.date.description),
                ]
                item["old"] = .object([
                    "value": number(r.oldValue), "fetched": r.oldFetched.map { .string($0.description) } ?? .null,
                    "url": r.oldRequest.map(JSONValue.string) ?? .null,
                ])
                item["new"] = .object([
                    "value": number(r.new.value), "fetched": .string(fetched.description), "url": .string(r.new.request),
                ])
                return .object(item)
            })
        object["unchanged"] = .number(.integer(Int64(outcome.unchanged)))
        object["missing"] = .array(outcome.missing.map(recorded))
        object["without_values"] = .array(
            outcome.withoutValues.map { s in
                .object([
                    "goal": .string(s.goal.description), "path": .string(s.path), "indicator": .string(s.indicator),
                    "kpi": .string(s.source.kpi), "municipality": .string(s.source.municipality),
                    "gender": .string(s.source.gender.rawValue),
                ])
            })
        object["skipped"] = .array(
            outcome.skipped.map { s in
                let v = s.value.value
                var item: JSONObject = [
                    "kpi": .string(v.kpi), "municipality": .string(v.municipality), "gender": .string(v.gender.rawValue),
                    "period": .number(.integer(Int64(v.period))), "value": number(v.value), "url": .string(s.value.request),
                ]
                switch s.reason {
                case .noIndicator:
                    item["reason"] = "no-indicator"
                case .handTyped(let goal, let indicator):
                    item["reason"] = "hand-typed"
                    item["goal"] = .string(goal.description)
                    item["indicator"] = .string(indicator)
                case .periodNotOver(let goal, let indicator):
                    item["reason"] = "period-not-over"
                    item["goal"] = .string(goal.description)
                    item["indicator"] = .string(indicator)
                }
                return .object(item)
            })
        object["files"] = .array((written?.paths ?? outcome.files.keys.sorted()).map(JSONValue.string))
        object["commit"] = written?.commit.map { .string($0.id) } ?? .null
        return .object(object)
    }
}
