/// Confirms links after a person has looked at them again: writes each link's review stamp
/// (``LinkStamp``) with the linked goal's fingerprint now and the day (`plantrack review
/// --accept`, `--all`). Only the stamps' lines change.
public enum LinkReview {
    /// What to confirm.
    public enum Target: Hashable, Sendable {
        /// The links of one activity or goal; with `goal`, only the link to that goal.
        case item(ItemReference, goal: String?)
        /// Every link of every activity and goal of a plan (`county/year`), of a county's
        /// plans (`county`), or of the whole workspace (nil).
        case plans(ItemReference?)
    }

    /// Why nothing could be confirmed.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// What to tell the user.
        public var message: String
        /// Whether the item or plan named does not exist (exit 1), rather than a usage error.
        public var notFound: Bool
        public var description: String { message }
    }

    /// One link confirmed.
    public struct Stamped: Hashable, Sendable {
        /// The linking item.
        public var item: ItemReference
        /// The linked goal's id.
        public var goal: String
        /// The stamp written.
        public var stamp: LinkStamp
        /// The stamp it replaced, when there was one.
        public var previous: LinkStamp?
    }

    /// The new bytes of the documents whose stamps change, and what was stamped. Links whose
    /// stamp already holds the goal's fingerprint are left as they are (their date too).
    public static func accept(
        _ target: Target, in snapshot: some Snapshot, on day: CalendarDate
    ) throws(Failure) -> (files: [String: [UInt8]], stamped: [Stamped]) {
        let reader = DocumentReader()
        func read(_ path: String) throws(Failure) -> Document? {
            guard case .document(let kind, let reference) = DocumentLayout.place(of: path) else { return nil }
            let bytes: [UInt8]
            do {
                bytes = try snapshot.contents(of: SnapshotEntry(path: path, kind: .file))
            } catch {
                return nil
            }
            switch reader.read(bytes, path: path, kind: kind, reference: reference) {
            case .success(let document): return document
            case .failure(let finding): throw Failure(message: finding.description, notFound: false)
            }
        }
        let meaning = GoalMeaning(settings: try read(DocumentLayout.settingsPath))
        var documents: [Document] = []
        switch target {
        case .item(let item, _):
            guard let plan = item.plan, item.id != nil else {
                throw Failure(message: "\(item) is not an item: name an activity or goal as county/year/id", notFound: false)
            }
            var found = try read(DocumentLayout.path(of: .activity, item))
            if found == nil { found = try read(DocumentLayout.path(of: .goal, item)) }
            guard let document = found else {
                throw Failure(
                    message: "there is no activity or goal \(item) in \(snapshot.label) (\(DocumentLayout.folder(of: plan))/)",
                    notFound: true)
            }
            documents = [document]
        case .plans(let scope):
            let folder: String
            let what: String
            if let scope, scope.year != nil {
                folder = DocumentLayout.folder(of: scope)
                what = "plan \(scope)"
            } else if let scope {
                folder = DocumentLayout.plansFolder + "/" + scope.county
                what = "county \(scope.county)"
            } else {
                folder = DocumentLayout.plansFolder
                what = "workspace"
            }
            let entries: [SnapshotEntry]
            do {
                entries = try snapshot.entries(under: folder)
            } catch {
                throw Failure(message: "there is no \(what) in \(snapshot.label) (\(folder)/)", notFound: true)
            }
            for entry in entries.sorted(by: { $0.path < $1.path }) {
                guard case .document(let kind, _) = DocumentLayout.place(of: entry.path), kind == .activity || kind == .goal,
                    let document = try read(entry.path)
                else { continue }
                documents.append(document)
            }
            guard !documents.isEmpty else {
                throw Failure(message: "there is no goal or activity of the \(what) in \(snapshot.label) (\(folder)/)", notFound: true)
            }
        }
        // By reference: every plan has goals of its own under the same ids.
        var goalFingerprints: [ItemReference: String?] = [:]
        func fingerprint(of goal: String, in plan: ItemReference) throws(Failure) -> String? {
            let reference = ItemReference(county: plan.county, year: plan.year ?? 0, id: goal)
            if let known = goalFingerprints[reference] { return known }
            let made = try read(DocumentLayout.path(of: .goal, reference)).map { meaning.fingerprint(of: $0) }
            goalFingerprints[reference] = made
            return made
        }
        var files: [String: [UInt8]] = [:]
        var stamped: [Stamped] = []
        for document in documents {
            guard let item = document.reference, let plan = item.plan else { continue }
            let field = document.kind == .activity ? "goals" : "serves"
            let links = (document.frontMatter[field]?.sequence ?? []).compactMap(\.string)
            var chosen = links
            if case .item(_, let goal?) = target {
                guard links.contains(goal) else {
                    throw Failure(
                        message: "\(document.kind.rawValue) \(item) has no link to goal \(goal) "
                            + "(its \(field): \(links.isEmpty ? "none" : links.joined(separator: ", ")))",
                        notFound: true)
                }
                chosen = [goal]
            }
            let stamps = LinkStamp.stamps(in: document.frontMatter)
            var editor: FrontMatterEditor?
            for goal in chosen {
                // A link to a goal the plan does not have is ref.goal-missing's finding.
                guard let now = try fingerprint(of: goal, in: plan), stamps[goal]?.fingerprint != now else { continue }
                let stamp = LinkStamp(goal: goal, fingerprint: now, date: day)
                do {
                    if editor == nil {
                        editor = try FrontMatterEditor(try snapshot.contents(of: SnapshotEntry(path: document.path, kind: .file)))
                    }
                    if var open = editor {
                        try LinkStamp.write(stamp, into: &open, kind: document.kind)
                        editor = open
                    }
                } catch let error as FrontMatterEditError {
                    let place = error.location.map { ":\($0)" } ?? ""
                    throw Failure(message: "\(document.path)\(place): \(error.message)", notFound: false)
                } catch {
                    throw Failure(message: "\(document.path): \(error)", notFound: false)
                }
                stamped.append(Stamped(item: item, goal: goal, stamp: stamp, previous: stamps[goal]))
            }
            if let editor { files[document.path] = editor.bytes }
        }
        return (files, stamped)
    }
}

extension LinkReview {
    /// The links a document's front matter `after` has that `before` did not (nil: the
    /// document is new): the entries of an activity's `goals:` or a goal's `serves:`, in
    /// the order written.
    public static func addedLinks(kind: DocumentKind, before: YAMLMapping?, after: YAMLMapping) -> [String] {
        let field: String
        switch kind {
        case .activity: field = "goals"
        case .goal: field = "serves"
        default: return []
        }
        let old = Set((before?[field]?.sequence ?? []).compactMap(\.string))
        var seen: Set<String> = []
        return (after[field]?.sequence ?? []).compactMap(\.string).filter { !old.contains($0) && seen.insert($0).inserted }
    }

    /// The bytes of `item`'s document (at `path`, reading `bytes` once written) with its links
    /// to `goals` stamped with the goals' fingerprints in `snapshot` and `day`, as ``accept(_:in:on:)``
    /// stamps them: `new` and `update` stamp the links they add, so a link made to a goal
    /// is not suspect until the goal changes. A link to a goal the plan does not have is
    /// left without a stamp (`ref.goal-missing` reports it). `bytes` unchanged when there
    /// is nothing to stamp.
    public static func stamping(
        _ goals: [String], of item: ItemReference, path: String, bytes: [UInt8], in snapshot: some Snapshot,
        on day: CalendarDate
    ) throws(Failure) -> [UInt8] {
        var overlay = OverlaySnapshot(snapshot, files: [path: bytes])
        for goal in goals {
            let (files, _) = try accept(.item(item, goal: goal), in: overlay, on: day)
            if let stamped = files[path] { overlay.files[path] = stamped }
        }
        return overlay.files[path] ?? bytes
    }
}
