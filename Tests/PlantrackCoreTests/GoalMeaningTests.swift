import PlantrackCore
import Testing

@Suite("Goal meaning: fingerprints and the goal_meaning setting")
struct GoalMeaningTests {
    private func goal(_ frontMatter: String, body: String = "Kortsiktigt mål.\n") throws -> Document {
        let text = "---\n" + frontMatter + "---\n\n" + body
        let reference = ItemReference(county: "c", year: 2026, id: "s")
        switch DocumentReader().read(Array(text.utf8), path: "Plans/c/2026/goals/s.md", kind: .goal, reference: reference) {
        case .success(let document): return document
        case .failure(let finding): throw finding
        }
    }

    private let base = """
        kind: goal
        id: s
        title: S
        term: short
        serves:
          - g
          - h
        assessment: on-track
        indicators:
          - id: i1
            title: Andel
            unit: percent
            baseline: {value: 40, date: 2026-01-01}
            target: {value: 80, date: 2026-12-31}
            measurements:
              - {date: 2026-06-30, value: 50}

        """

    @Test func fingerprintIsEightHexDigitsAndStable() throws {
        let meaning = GoalMeaning()
        let print = meaning.fingerprint(of: try goal(base))
        #expect(print.count == 8)
        #expect(print.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(meaning.fingerprint(of: try goal(base)) == print)
    }

    @Test func layoutAndNoiseDoNotChangeIt() throws {
        let meaning = GoalMeaning()
        let print = meaning.fingerprint(of: try goal(base))
        let variants = [
            // 80.0 is 80; key order inside a record does not matter; nor does the order of serves.
            base.replacingOccurrences(of: "value: 80,", with: "value: 80.0,"),
            base.replacingOccurrences(
                of: "target: {value: 80, date: 2026-12-31}", with: "target:\n      date: 2026-12-31\n      value: 80"),
            base.replacingOccurrences(of: "  - g\n  - h\n", with: "  - h\n  - g\n"),
            // Fields outside the list: the assessment, measurements, an extension field.
            base.replacingOccurrences(of: "assessment: on-track", with: "assessment: at-risk"),
            base.replacingOccurrences(of: "value: 50}", with: "value: 55}\n      - {date: 2026-09-30, value: 60}"),
            base + "x-anteckning: granskad\n",
        ]
        for variant in variants {
            #expect(meaning.fingerprint(of: try goal(variant)) == print, "\(variant)")
        }
        // CRLF and trailing blanks in the body.
        #expect(meaning.fingerprint(of: try goal(base, body: "Kortsiktigt mål.  \r\n\r\n")) == print)
    }

    @Test func meaningChangesChangeIt() throws {
        let meaning = GoalMeaning()
        let print = meaning.fingerprint(of: try goal(base))
        let variants = [
            base.replacingOccurrences(of: "value: 80,", with: "value: 90,"),
            base.replacingOccurrences(of: "date: 2026-12-31", with: "date: 2027-12-31"),
            base.replacingOccurrences(of: "value: 40,", with: "value: 45,"),
            base.replacingOccurrences(of: "title: S\n", with: "title: S2\n"),
            base.replacingOccurrences(of: "term: short", with: "term: long"),
            base.replacingOccurrences(of: "  - h\n", with: ""),
            base.replacingOccurrences(of: "unit: percent", with: "unit: count"),
        ]
        for variant in variants {
            #expect(meaning.fingerprint(of: try goal(variant)) != print, "\(variant)")
        }
        #expect(meaning.fingerprint(of: try goal(base, body: "Ett annat mål.\n")) != print)
    }

    @Test func settingsChooseTheFields() throws {
        let yaml = Array("goal_meaning: [title, indicators.target, nonsense]\n".utf8)
        let settings = try DocumentReader().read(yaml, path: "Plans/workspace.yaml", kind: .workspace, reference: nil).get()
        let meaning = GoalMeaning(settings: settings)
        #expect(meaning.fields == ["title", "indicators.target"])
        #expect(GoalMeaning(settings: nil).fields == GoalMeaning.defaultFields)
        let print = meaning.fingerprint(of: try goal(base))
        // The body and the baseline no longer count; the target does.
        #expect(meaning.fingerprint(of: try goal(base, body: "Annat.\n")) == print)
        #expect(meaning.fingerprint(of: try goal(base.replacingOccurrences(of: "value: 40,", with: "value: 45,"))) == print)
        #expect(meaning.fingerprint(of: try goal(base.replacingOccurrences(of: "value: 80,", with: "value: 90,"))) != print)
        // A field diff path counts when its field is listed.
        #expect(meaning.counts("indicators[i1].target.value"))
        #expect(!meaning.counts("indicators[i1].baseline.value"))
        #expect(!meaning.counts("indicators[i1].measurements[2026-06-30].value"))
        #expect(meaning.counts("title"))
        #expect(!meaning.counts("assessment"))
    }

    @Test func stampsAreReadAndWrittenInPlace() throws {
        let text = "---\nkind: activity\nid: a1\ngoals:\n  - s\nstatus: planned # kommentar\n---\n\nText.\n"
        var editor = try FrontMatterEditor(Array(text.utf8))
        let day = try #require(CalendarDate("2026-03-01"))
        try LinkStamp.write(LinkStamp(goal: "s", fingerprint: "0a1b2c3d", date: day), into: &editor, kind: .activity)
        let written = String(decoding: editor.bytes, as: UTF8.self)
        #expect(
            written
                == "---\nkind: activity\nid: a1\ngoals:\n  - s\nlink_reviews:\n  s:\n    fingerprint: 0a1b2c3d\n    date: 2026-03-01\n"
                + "status: planned # kommentar\n---\n\nText.\n")
        let stamps = LinkStamp.stamps(in: editor.frontMatter)
        #expect(stamps["s"] == LinkStamp(goal: "s", fingerprint: "0a1b2c3d", date: day))
        // A fingerprint YAML would read as a number is quoted.
        try LinkStamp.write(LinkStamp(goal: "s", fingerprint: "12345678", date: day), into: &editor, kind: .activity)
        #expect(LinkStamp.stamps(in: editor.frontMatter)["s"]?.fingerprint == "12345678")
    }
}
