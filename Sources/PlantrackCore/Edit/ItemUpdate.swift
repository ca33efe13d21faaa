/// What `plantrack update` changes in one document, and the rules that come with it:
/// `completed` is set when an activity becomes done (and removed when it stops being
/// done); a cancellation needs a reason (removed again when the activity is taken up).
public struct ItemUpdate: Sendable {
    /// One new measurement of a goal's indicator.
    public struct Measurement: Hashable, Sendable {
        public var indicator: String
        public var value: Double
        public var date: CalendarDate

        public init(indicator: String, value: Double, date: CalendarDate) {
            self.indicator = indicator
            self.value = value
            self.date = date
        }

        /// Parses `INDICATOR=VALUE@DATE` (`andel-sip=42.5@2021-06-30`); nil when malformed.
        public init?(parsing text: String) {
            guard let equals = text.firstIndex(of: "="), let at = text.lastIndex(of: "@"), equals < at else { return nil }
            let indicator = String(text[..<equals])
            guard Identifier.isValid(indicator),
                let value = Double(text[text.index(after: equals)..<at]), value.isFinite,
                let date = CalendarDate(String(text[text.index(after: at)...]))
            else { return nil }
            self.init(indicator: indicator, value: value, date: date)
        }
    }

    /// New status (activities: planned, in-progress, done, delayed, cancelled).
    public var status: String?
    /// New progress, 0–100.
    public var progress: Int?
    /// New `spent_sek`.
    public var spentSEK: Int?
    /// New assessment of a goal.
    public var assessment: String?
    /// Measurements to add to goals' indicators.
    public var measurements: [Measurement] = []
    /// A follow-up note to add to an activity.
    public var note: String?
    /// Who writes the note (the follow-up's `by`).
    public var noteBy: String?
    /// The `completed` date when the status becomes done (default: `today`).
    public var completed: CalendarDate?
    /// The reason when the status becomes cancelled.
    public var cancelledReason: String?
    /// Other fields: a dotted path (`period.end`, `x-kontakt`) and the value as typed. The
    /// text has YAML 1.2 core-schema meaning (`42` a number, `true` a boolean), except that a
    /// field that holds text keeps holding text (`code: "01"` set to `03` stays quoted).
    public var fields: [(path: [String], text: String)] = []
    /// Entries to add to, change in or remove from list fields, in order (``ListEdit``).
    public var listEdits: [ListEdit] = []
    /// The day for `completed` and a note's date.
    public var today: CalendarDate

    /// Creates an empty update as of `today`.
    public init(today: CalendarDate) {
        self.today = today
    }

    /// Whether the update asks for any change at all.
    public var isEmpty: Bool {
        status == nil && progress == nil && spentSEK == nil && assessment == nil && measurements.isEmpty
            && note == nil && cancelledReason == nil && completed == nil && fields.isEmpty && listEdits.isEmpty
    }

    /// Applies the update to a document of `kind` held by `editor`.
    public func apply(to editor: inout FrontMatterEditor, kind: DocumentKind) throws(FrontMatterEditError) {
        func set(_ path: [String], _ value: EditValue) throws(FrontMatterEditError) {
            try editor.set(path, to: value, order: FieldOrder.order(for: path, kind: kind))
        }
        func require(_ wanted: DocumentKind, _ option: String) throws(FrontMatterEditError) {
            guard kind == wanted else {
                throw FrontMatterEditError(
                    "\(option) applies to \(EnglishWords.withArticle(wanted.rawValue)), not to \(EnglishWords.withArticle(kind.rawValue))")
            }
        }
        for (path, text) in fields {
            let holdsText = YAMLNode(.mapping(editor.frontMatter), at: SourceLocation(line: 1, column: 1)).node(at: path)?.string != nil
            try set(path, holdsText ? .string(text) : EditValue(commandLine: text))
        }
        if let progress {
            try require(.activity, "--progress")
            try set(["progress"], .integer(progress))
        }
        if let spentSEK {
            try require(.activity, "--spent")
            try set(["spent_sek"], .integer(spentSEK))
        }
        if let assessment {
            try require(.goal, "--assessment")
            try set(["assessment"], .string(assessment))
        }
        if let status {
            guard kind == .activity || kind == .plan else {
                throw FrontMatterEditError(
                    "--status applies to an activity or a plan, not to \(EnglishWords.withArticle(kind.rawValue)); goals have --assessment")
            }
            try set(["status"], .string(status))
        }
        if kind == .activity {
            try keepProgressConsistent(in: &editor)
        }
        if kind == .activity, status != nil || completed != nil || cancelledReason != nil {
            try applyStatusRules(to: &editor)
        } else if completed != nil || cancelledReason != nil {
            throw FrontMatterEditError("--completed and --reason apply to activities")
        }
        for measurement in measurements {
            try require(.goal, "--measure")
            try add(measurement, to: &editor)
        }
        try applyListEdits(to: &editor, kind: kind)
        if let note {
            try require(.activity, "--note")
            var fields = [EditField("date", .string(today.description)), EditField("note", .string(note))]
            if let noteBy { fields.append(EditField("by", .string(noteBy))) }
            try editor.append(.mapping(fields), to: ["followups"], order: FieldOrder.topLevel(.activity))
        }
    }

    /// Keeps status and progress saying the same thing (the rules `status.done-progress` and
    /// `status.planned-with-progress`): an activity that becomes done is at 100 %, and one
    /// that is planned starts (in-progress) when progress or money is recorded without a
    /// new status. A done status with a lower `--progress` is refused.
    private func keepProgressConsistent(in editor: inout FrontMatterEditor) throws(FrontMatterEditError) {
        let order = FieldOrder.topLevel(.activity)
        let current = editor.frontMatter["status"]?.string
        if status == "done" {
            if let progress, progress < 100 {
                throw FrontMatterEditError(
                    "--status done with --progress \(progress): a done activity is at 100; "
                        + "leave out --progress (done sets it to 100), or give another status")
            }
            // Progress is a number: 37.5 is as much below 100 as 37 is.
            if let existing = editor.frontMatter["progress"]?.number, existing != 100 {
                try editor.set(["progress"], to: .integer(100), order: order)
            }
        } else if status == nil, current == "planned", (progress ?? 0) > 0 || (spentSEK ?? 0) > 0 {
            try editor.set(["status"], to: .string("in-progress"), order: order)
        }
    }

    private func applyStatusRules(to editor: inout FrontMatterEditor) throws(FrontMatterEditError) {
        let order = FieldOrder.topLevel(.activity)
        let current = editor.frontMatter["status"]?.string
        if current == "done" {
            if let completed {
                try editor.set(["completed"], to: .string(completed.description), order: order)
            } else if editor.frontMatter["completed"] == nil {
                try editor.set(["completed"], to: .string(today.description), order: order)
            }
        } else if completed != nil {
            throw FrontMatterEditError("--completed is only for an activity that is done (status: \(current ?? "none"))")
        } else if editor.frontMatter["completed"] != nil {
            try editor.remove(["completed"])
        }
        if current == "cancelled" {
            if let cancelledReason {
                try editor.set(["cancelled_reason"], to: .string(cancelledReason), order: order)
            } else if editor.frontMatter["cancelled_reason"] == nil {
                throw FrontMatterEditError("cancelling an activity needs a reason: add --reason TEXT")
            }
        } else if cancelledReason != nil {
            throw FrontMatterEditError("--reason is only for an activity that is cancelled (status: \(current ?? "none"))")
        } else if editor.frontMatter["cancelled_reason"] != nil {
            try editor.remove(["cancelled_reason"])
        }
    }

    private func add(_ measurement: Measurement, to editor: inout FrontMatterEditor) throws(FrontMatterEditError) {
        let indicators = editor.frontMatter["indicators"]?.sequence ?? []
        guard let index = indicators.firstIndex(where: { $0.mapping?["id"]?.string == measurement.indicator }) else {
            let known = indicators.compactMap { $0.mapping?["id"]?.string }
            throw FrontMatterEditError(
                "the goal has no indicator '\(measurement.indicator)'"
                    + (known.isEmpty ? " (it has no indicators)" : " (it has: \(known.joined(separator: ", ")))"))
        }
        let value: EditValue =
            measurement.value == measurement.value.rounded() && abs(measurement.value) < 1e15
            ? .integer(Int(measurement.value)) : .number(measurement.value)
        let item = EditValue.mapping([EditField("date", .string(measurement.date.description)), EditField("value", value)])
        try editor.append(item, to: ["indicators", String(index), "measurements"], order: [])
    }
}

extension EditValue {
    /// Reads a value given on the command line with YAML 1.2 core-schema meaning:
    /// `42` is a number, `true` a boolean, `2021-03-15` and `no` are text.
    public init(commandLine text: String) {
        switch CoreSchema.resolvePlain(text) {
        case .integer(let i): self = .integer(i)
        case .float(let d) where d.isFinite: self = .number(d)
        case .bool(let b): self = .bool(b)
        default: self = .string(text)
        }
    }
}
