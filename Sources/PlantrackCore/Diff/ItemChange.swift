/// How one county, plan, goal or activity differs between two versions.
public struct ItemChange: Hashable, Sendable {
    /// What happened to the item.
    public enum Change: String, Hashable, Sendable, CaseIterable {
        /// Only the new side has it.
        case added
        /// Only the old side has it.
        case removed
        /// Both sides have it under the same identity.
        case modified
        /// Both sides have it, but it changed place or id: a file moved with its id kept,
        /// or an item carried over from an earlier one (`carried_from`).
        case moved
    }

    /// How the two sides were matched.
    public enum Match: String, Hashable, Sendable {
        /// Same `county/year/id` (between plan years: same id).
        case identity
        /// Same id, different place.
        case id
        /// The new item's `carried_from` names the old one.
        case carriedFrom = "carried_from"
    }

    /// The item's name on the new side (the old side's when removed), or the path for
    /// documents without a reference (`Plans/workspace.yaml`).
    public var item: String
    /// The item's name on the old side, when it differs from ``item``.
    public var oldItem: String?
    /// The kind of document.
    public var kind: DocumentKind
    /// What happened.
    public var change: Change
    /// How the sides were matched; nil when added or removed.
    public var match: Match?
    /// The path on the new side (the old side's when removed).
    public var path: String
    /// The path on the old side, when it differs from ``path``.
    public var oldPath: String?
    /// Front-matter changes (empty when added, removed or unparseable).
    public var fields: [FieldChange]
    /// A goal's measurements added, removed or revised (``MeasurementChange``); empty for
    /// other documents and when added or removed.
    public var measurements: [MeasurementChange] = []
    /// The body comparison (against an empty body when added or removed).
    public var body: BodyDiff
    /// The activity's status or the goal's assessment on each side, for the summary.
    public var oldStatus: String?
    /// See ``oldStatus``.
    public var newStatus: String?
    /// Why one side could not be parsed: then ``text`` holds a line diff of the whole files
    /// and ``fields`` is empty.
    public var problems: [Finding]
    /// The whole files compared line by line, when a side could not be parsed.
    public var text: BodyDiff?

    /// Creates a change.
    public init(
        item: String, oldItem: String? = nil, kind: DocumentKind, change: Change, match: Match? = nil,
        path: String, oldPath: String? = nil, fields: [FieldChange] = [], body: BodyDiff = BodyDiff(lines: []),
        oldStatus: String? = nil, newStatus: String? = nil, problems: [Finding] = [], text: BodyDiff? = nil
    ) {
        self.item = item
        self.oldItem = oldItem
        self.kind = kind
        self.change = change
        self.match = match
        self.path = path
        self.oldPath = oldPath
        self.fields = fields
        self.body = body
        self.oldStatus = oldStatus
        self.newStatus = newStatus
        self.problems = problems
        self.text = text
        self.plan = ItemReference(item)?.plan?.description
    }

    /// The item's title (a county's name) on the new side, or the old side's when removed.
    public var title: String?

    /// Between plan years: an old year's goal or activity with no counterpart in the new
    /// year was not carried over, which is the plan's decision, not a deletion.
    public var notCarried: NotCarried?

    /// How an item that was not carried into the new plan year ended in the old one.
    public struct NotCarried: Hashable, Sendable {
        /// The activity's status or the goal's assessment (`done`, `cancelled`, `achieved`).
        public var status: String?
        /// When it was completed (an activity's `completed`), as written.
        public var completed: String?
        /// Why it was cancelled (an activity's `cancelled_reason`).
        public var reason: String?

        /// Creates the description.
        public init(status: String?, completed: String? = nil, reason: String? = nil) {
            self.status = status
            self.completed = completed
            self.reason = reason
        }
    }

    /// For a goal that changed (modified or moved), the items that link to it on the new
    /// side (``LinkingItems``): "affects 3 activities". Nil for other changes, and when the
    /// diff was made without reading the new side's plans (one file, as git's diff drivers
    /// give it).
    public var affects: LinkingItems?

    /// The plan the change is summarised under (`stockholm/2021`): the item's plan, or
    /// when comparing plan years the new plan; nil for counties and the workspace.
    public var plan: String?
}
