/// One change to an entry of a list field, made by `plantrack update`: goals, partners,
/// tasks and follow-ups of an activity; `serves` and indicators of a goal; funding streams
/// and areas of a plan.
///
/// Adding to a list that is missing creates it after the field that precedes it in the
/// format's order (``FieldOrder``); removing its last entry removes the key (an absent list
/// and an empty one mean the same). Adding an entry that is already there changes nothing.
/// Whether a reference resolves (a goal of the plan, a long-term goal to serve) is the
/// validation's to say: the change is validated before anything is written.
public enum ListEdit: Hashable, Sendable {
    /// Activity: adds a goal id to `goals`.
    case addGoal(String)
    /// Activity: removes a goal id from `goals`.
    case removeGoal(String)
    /// Activity: adds a partner to `partners`.
    case addPartner(String)
    /// Activity: removes a partner from `partners`.
    case removePartner(String)
    /// Activity: adds a task (not done) to `tasks`.
    case addTask(String)
    /// Activity: marks a task done; the task is named by its number (1 = the first) or title.
    case markTaskDone(String)
    /// Activity: removes a task, named by its number or title.
    case removeTask(String)
    /// Activity: removes a follow-up, named by its date (when only one has it) or number.
    case removeFollowup(String)
    /// Goal: adds a long-term goal id to `serves`.
    case addServes(String)
    /// Goal: removes a goal id from `serves`.
    case removeServes(String)
    /// Plan: adds a funding stream or changes its amount.
    case setFunding(stream: String, amountSEK: Int)
    /// Plan: removes a funding stream.
    case removeFunding(String)
    /// Goal: adds an indicator or changes the fields given of an existing one.
    case setIndicator(IndicatorChange)
    /// Goal: removes an indicator by id.
    case removeIndicator(String)
    /// Plan: adds an area (`parent` for a sub-area).
    case addArea(id: String, title: String, parent: String?)
    /// Plan: removes an area by id.
    case removeArea(String)

    /// The kind of document the edit applies to, and the option that asks for it.
    var target: (kind: DocumentKind, option: String) {
        switch self {
        case .addGoal: return (.activity, "--add-goal")
        case .removeGoal: return (.activity, "--remove-goal")
        case .addPartner: return (.activity, "--add-partner")
        case .removePartner: return (.activity, "--remove-partner")
        case .addTask: return (.activity, "--add-task")
        case .markTaskDone: return (.activity, "--task-done")
        case .removeTask: return (.activity, "--remove-task")
        case .removeFollowup: return (.activity, "--remove-followup")
        case .addServes: return (.goal, "--add-serves")
        case .removeServes: return (.goal, "--remove-serves")
        case .setFunding: return (.plan, "--funding")
        case .removeFunding: return (.plan, "--remove-funding")
        case .setIndicator: return (.goal, "--indicator")
        case .removeIndicator: return (.goal, "--remove-indicator")
        case .addArea: return (.plan, "--add-area")
        case .removeArea: return (.plan, "--remove-area")
        }
    }
}

/// What `update --indicator ID …` says about one indicator of a goal; fields left nil are
/// kept as they are.
public struct IndicatorChange: Hashable, Sendable {
    /// A value on a day: a baseline or a target (`VALUE@DATE`).
    public struct Point: Hashable, Sendable {
        public var value: Double
        public var date: CalendarDate

        public init(value: Double, date: CalendarDate) {
            self.value = value
            self.date = date
        }

        /// Parses `VALUE@DATE` (`42.5@2021-12-31`); nil when malformed.
        public init?(parsing text: String) {
            guard let at = text.lastIndex(of: "@"), let value = Double(text[..<at]), value.isFinite,
                let date = CalendarDate(String(text[text.index(after: at)...]))
            else { return nil }
            self.init(value: value, date: date)
        }

        var editValue: EditValue {
            .mapping([EditField("value", EditValue(number: value)), EditField("date", .string(date.description))])
        }
    }

    public var id: String
    public var title: String?
    public var unit: String?
    public var direction: String?
    public var baseline: Point?
    public var target: Point?

    public init(
        id: String, title: String? = nil, unit: String? = nil, direction: String? = nil,
        baseline: Point? = nil, target: Point? = nil
    ) {
        self.id = id
        self.title = title
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.target = target
    }

    /// The fields given, in the format's order (without `id`).
    var fields: [EditField] {
        var fields: [EditField] = []
        if let title { fields.append(EditField("title", .string(title))) }
        if let unit { fields.append(EditField("unit", .string(unit))) }
        if let direction { fields.append(EditField("direction", .string(direction))) }
        if let baseline { fields.append(EditField("baseline", baseline.editValue)) }
        if let target { fields.append(EditField("target", target.editValue)) }
        return fields
    }
}

extension EditValue {
    /// A number written as an integer when it is whole.
    init(number: Double) {
        self = number == number.rounded() && abs(number) < 1e15 ? .integer(Int(number)) : .number(number)
    }
}

extension ItemUpdate {
    /// Applies `listEdits` in order to a document of `kind`.
    func applyListEdits(to editor: inout FrontMatterEditor, kind: DocumentKind) throws(FrontMatterEditError) {
        for edit in listEdits {
            let (wanted, option) = edit.target
            guard kind == wanted else {
                throw FrontMatterEditError(
                    "\(option) applies to \(RuleText.indefinite(wanted.rawValue)), not to \(RuleText.indefinite(kind.rawValue))")
            }
            try apply(edit, to: &editor, kind: kind)
        }
    }

    private func apply(_ edit: ListEdit, to editor: inout FrontMatterEditor, kind: DocumentKind) throws(FrontMatterEditError) {
        let order = FieldOrder.topLevel(kind)
        switch edit {
        case .addGoal(let id): try addText(id, to: "goals", in: &editor, order: order)
        case .removeGoal(let id): try removeText(id, from: "goals", named: "goal", in: &editor)
        case .addPartner(let name): try addText(name, to: "partners", in: &editor, order: order)
        case .removePartner(let name): try removeText(name, from: "partners", named: "partner", in: &editor)
        case .addServes(let id): try addText(id, to: "serves", in: &editor, order: order)
        case .removeServes(let id): try removeText(id, from: "serves", named: "goal in serves", in: &editor)
        case .addTask(let title):
            let tasks = records("tasks", in: editor)
            guard !tasks.contains(where: { $0["title"]?.string == title }) else { return }
            try editor.append(
                .mapping([EditField("title", .string(title)), EditField("done", .bool(false))]),
                to: ["tasks"], order: order)
        case .markTaskDone(let name):
            let index = try task(named: name, in: editor)
            try editor.set(["tasks", String(index), "done"], to: .bool(true), order: FieldOrder.nested("tasks"))
        case .removeTask(let name):
            try editor.removeItem(at: try task(named: name, in: editor), of: ["tasks"])
        case .removeFollowup(let name):
            try editor.removeItem(at: try followup(named: name, in: editor), of: ["followups"])
        case .setFunding(let stream, let amount):
            let streams = records("funding", in: editor)
            if let index = streams.firstIndex(where: { $0["stream"]?.string == stream }) {
                try editor.set(
                    ["funding", String(index), "amount_sek"], to: .integer(amount),
                    order: FieldOrder.nested("funding"))
            } else {
                try editor.append(
                    .mapping([EditField("stream", .string(stream)), EditField("amount_sek", .integer(amount))]),
                    to: ["funding"], order: order)
            }
        case .removeFunding(let stream):
            let streams = records("funding", in: editor).map { $0["stream"]?.string ?? "" }
            guard let index = streams.firstIndex(of: stream) else {
                throw absent("funding stream", stream, among: streams)
            }
            try editor.removeItem(at: index, of: ["funding"])
        case .setIndicator(let change):
            let ids = records("indicators", in: editor).map { $0["id"]?.string ?? "" }
            if let index = ids.firstIndex(of: change.id) {
                let path = ["indicators", String(index)]
                for field in change.fields {
                    try editor.set(path + [field.key], to: field.value, order: FieldOrder.nested("indicators"))
                }
            } else {
                guard change.title != nil, change.unit != nil else {
                    throw FrontMatterEditError(
                        "the goal has no indicator '\(change.id)' yet"
                            + (ids.isEmpty ? "" : " (it has: \(ids.joined(separator: ", ")))")
                            + "; a new indicator needs --title and --unit (percent, count, days, sek or ratio)")
                }
                try editor.append(
                    .mapping([EditField("id", .string(change.id))] + change.fields),
                    to: ["indicators"], order: order)
            }
        case .removeIndicator(let id):
            let ids = records("indicators", in: editor).map { $0["id"]?.string ?? "" }
            guard let index = ids.firstIndex(of: id) else { throw absent("indicator", id, among: ids) }
            try editor.removeItem(at: index, of: ["indicators"])
        case .addArea(let id, let title, let parent):
            let ids = records("areas", in: editor).map { $0["id"]?.string ?? "" }
            guard !ids.contains(id) else {
                throw FrontMatterEditError(
                    "the plan already has an area '\(id)'; change its title with --set areas.\(ids.firstIndex(of: id) ?? 0).title=…")
            }
            var fields = [EditField("id", .string(id)), EditField("title", .string(title))]
            if let parent { fields.append(EditField("parent", .string(parent))) }
            try editor.append(.mapping(fields), to: ["areas"], order: order)
        case .removeArea(let id):
            let ids = records("areas", in: editor).map { $0["id"]?.string ?? "" }
            guard let index = ids.firstIndex(of: id) else { throw absent("area", id, among: ids) }
            try editor.removeItem(at: index, of: ["areas"])
        }
    }

    /// The entries of a list of records (empty when absent).
    private func records(_ key: String, in editor: FrontMatterEditor) -> [YAMLMapping] {
        (editor.frontMatter[key]?.sequence ?? []).map { $0.mapping ?? YAMLMapping() }
    }

    private func addText(_ text: String, to key: String, in editor: inout FrontMatterEditor, order: [String]) throws(FrontMatterEditError) {
        if let list = editor.frontMatter[key]?.sequence, list.contains(where: { $0.string == text }) { return }
        try editor.append(.string(text), to: [key], order: order)
    }

    private func removeText(_ text: String, from key: String, named: String, in editor: inout FrontMatterEditor)
        throws(FrontMatterEditError)
    {
        let entries = (editor.frontMatter[key]?.sequence ?? []).map { $0.string ?? "" }
        guard let index = entries.firstIndex(of: text) else { throw absent(named, text, among: entries) }
        try editor.removeItem(at: index, of: [key])
    }

    /// The position of the task named by its number (1 = the first) or its title.
    private func task(named name: String, in editor: FrontMatterEditor) throws(FrontMatterEditError) -> Int {
        let titles = records("tasks", in: editor).map { $0["title"]?.string ?? "" }
        if let number = Int(name), number >= 1, titles.indices.contains(number - 1) { return number - 1 }
        if let index = titles.firstIndex(of: name) { return index }
        let listed = titles.enumerated().map { "\($0.offset + 1). \($0.element)" }
        throw FrontMatterEditError(
            "the activity has no task '\(name)'"
                + (titles.isEmpty
                    ? " (it has no tasks)"
                    : "\(RuleText.didYouMean(name, among: titles)); its tasks are: \(listed.joined(separator: "; "))")
                + "; name a task by its number or its title")
    }

    /// The position of the follow-up named by its number or by its date (when only one has it).
    private func followup(named name: String, in editor: FrontMatterEditor) throws(FrontMatterEditError) -> Int {
        let dates = records("followups", in: editor).map { $0["date"]?.string ?? "" }
        if let number = Int(name), number >= 1, dates.indices.contains(number - 1) { return number - 1 }
        let matching = dates.indices.filter { dates[$0] == name }
        if matching.count == 1, let index = matching.first { return index }
        let listed = dates.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "; ")
        if matching.count > 1 {
            throw FrontMatterEditError(
                "\(matching.count) follow-ups are dated \(name) (numbers "
                    + "\(matching.map { String($0 + 1) }.joined(separator: ", "))); name the one to remove by its number")
        }
        throw FrontMatterEditError(
            "the activity has no follow-up '\(name)'"
                + (dates.isEmpty ? " (it has none)" : "; its follow-ups are: \(listed)")
                + "; name a follow-up by its date (YYYY-MM-DD) or its number")
    }

    /// "the … has no X 'y' (did you mean …); it has: …"
    private func absent(_ what: String, _ name: String, among existing: [String]) -> FrontMatterEditError {
        let known = existing.filter { !$0.isEmpty }
        return FrontMatterEditError(
            "there is no \(what) '\(name)' to remove"
                + (known.isEmpty
                    ? " (there are none)" : "\(RuleText.didYouMean(name, among: known)); there are: \(known.joined(separator: ", "))"))
    }
}
