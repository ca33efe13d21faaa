/// The review stamp of one link, recorded in the linking document beside its links
/// (docs/review.md):
///
/// ```yaml
/// goals:
///   - bu-st-1
/// link_reviews:
///   bu-st-1:
///     fingerprint: 3fa90c1e
///     date: 2026-01-15
/// ```
///
/// The key is the linked goal's id (an activity's `goals` entry, a goal's `serves` entry);
/// `fingerprint` is ``GoalMeaning/fingerprint(of:)-(GoalMeaningTexts)`` of the goal as it
/// was when a person last confirmed the link, and `date` the day they did.
public struct LinkStamp: Hashable, Sendable {
    /// The front-matter field that holds the stamps.
    public static let field = "link_reviews"

    /// The linked goal's id.
    public var goal: String
    /// The goal's fingerprint when the link was reviewed; nil when absent or not text.
    public var fingerprint: String?
    /// The day of the review; nil when absent or not a date.
    public var date: CalendarDate?

    /// Creates a stamp.
    public init(goal: String, fingerprint: String?, date: CalendarDate?) {
        self.goal = goal
        self.fingerprint = fingerprint
        self.date = date
    }

    /// The stamps of a document's front matter, by goal id; entries that are not mappings
    /// are skipped (the schema reports them).
    public static func stamps(in frontMatter: YAMLMapping) -> [String: LinkStamp] {
        var stamps: [String: LinkStamp] = [:]
        for entry in frontMatter[field]?.mapping?.entries ?? [] {
            guard let fields = entry.value.mapping else { continue }
            stamps[entry.key] = LinkStamp(
                goal: entry.key, fingerprint: fields["fingerprint"]?.string,
                date: fields["date"]?.string.flatMap(CalendarDate.init))
        }
        return stamps
    }

    /// The stamp as the front matter holds it, for ``FrontMatterEditor/set(_:to:order:)``.
    public var editValue: EditValue {
        var fields: [EditField] = []
        if let fingerprint { fields.append(EditField("fingerprint", .string(fingerprint))) }
        if let date { fields.append(EditField("date", .string(date.description))) }
        return .mapping(fields)
    }

    /// Writes `stamp` into the document `editor` holds (replacing an earlier stamp of the
    /// same goal): only the stamp's lines change.
    public static func write(
        _ stamp: LinkStamp, into editor: inout FrontMatterEditor, kind: DocumentKind
    ) throws(FrontMatterEditError) {
        try editor.set([field, stamp.goal], to: stamp.editValue, order: FieldOrder.topLevel(kind))
    }
}
