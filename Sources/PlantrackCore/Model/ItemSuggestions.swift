import JSONSchema

/// What to tell a coordinator who named an item that does not exist: the nearest
/// references that do, so that `show`, `update`, `log`, `diff --item`, `approve` and
/// `revise` all answer a typo the same way.
public enum ItemSuggestions {
    /// Up to `limit` existing references nearest to `written`, nearest first.
    ///
    /// A reference is near when the whole of it is within a small edit distance
    /// (`stockholm/2021/bu-p9` → `stockholm/2021/bu-p1`), when only its year differs
    /// (`stockholm/2022/bu-p1` → `stockholm/2021/bu-p1`), or, for a bare word such as
    /// `bu-p1`, when an item's id is that word or close to it (the `county/year/id` form is
    /// then what the coordinator meant). Ties go to the reference that sorts first.
    public static func nearest(to written: String, among existing: [ItemReference], limit: Int = 3) -> [ItemReference] {
        let wanted = ItemReference(written)
        let text = Array(written.lowercased().unicodeScalars)
        let threshold = max(1, min(3, text.count / 4))
        var scored: [(score: Int, reference: ItemReference)] = []
        for candidate in Set(existing) where candidate.description != written {
            var best = Int.max
            let whole = Suggestions.distance(text, Array(candidate.description.unicodeScalars), limit: threshold)
            if whole <= threshold { best = whole * 2 }
            if let wanted {
                // Same item in another year: the year is the only difference. Nearer than a
                // one-letter typo in the same plan: last year's activity that was not
                // carried is what `stockholm/2021/bu-p4` most likely means.
                if wanted.id != nil, wanted.id == candidate.id, wanted.county == candidate.county {
                    best = min(best, 1)
                }
                // A bare word names an id: suggest the items that have it (or nearly).
                if wanted.year == nil, let id = candidate.id {
                    let idThreshold = max(1, min(2, id.count / 4))
                    let d = Suggestions.distance(text, Array(id.unicodeScalars), limit: idThreshold)
                    if d <= idThreshold { best = min(best, d * 2) }
                }
                // Same plan, a near id.
                if let id = wanted.id, let other = candidate.id, wanted.plan == candidate.plan {
                    let idThreshold = max(1, min(2, id.count / 3))
                    let d = Suggestions.distance(Array(id.unicodeScalars), Array(other.unicodeScalars), limit: idThreshold)
                    if d <= idThreshold { best = min(best, d * 2) }
                }
            }
            if best != Int.max { scored.append((best, candidate)) }
        }
        // Among equally near ones, the nearest year first: 2022 was more likely meant as 2021 than 2020.
        func yearGap(_ reference: ItemReference) -> Int {
            guard let year = wanted?.year, let other = reference.year else { return 0 }
            return abs(year - other)
        }
        scored.sort { ($0.score, yearGap($0.reference), $0.reference) < ($1.score, yearGap($1.reference), $1.reference) }
        return scored.prefix(limit).map(\.reference)
    }

    /// The sentence that follows "no X in the working tree": the nearest references, or
    /// how references are written when nothing is near.
    public static func hint(for written: String, among existing: [ItemReference]) -> String {
        let near = nearest(to: written, among: existing)
        let form = "items are named county/year/id, plans county/year (e.g. stockholm/2021/bu-p1, stockholm/2021)"
        if near.isEmpty {
            if let wanted = ItemReference(written), let plan = wanted.plan,
                !existing.contains(where: { $0.plan == plan })
            {
                let plans = Set(existing.compactMap(\.plan).filter { $0.county == wanted.county }).sorted()
                if !plans.isEmpty {
                    return "\(wanted.county) has plans for \(plans.map { String($0.year ?? 0) }.joined(separator: ", "))"
                }
            }
            return form + "; plantrack list shows what exists"
        }
        let list = near.map(\.description)
        let joined = list.count == 1 ? list[0] : list.dropLast().joined(separator: ", ") + " or " + list[list.count - 1]
        return "did you mean \(joined)?" + (written.contains("/") ? "" : " (\(form))")
    }
}

extension ItemSuggestions {
    /// The counties, plans, goals and activities whose files a snapshot holds, by their
    /// place alone (nothing is parsed): the candidates for ``nearest(to:among:limit:)``.
    public static func references(in snapshot: some Snapshot) throws -> [ItemReference] {
        try snapshot.entries(under: DocumentLayout.plansFolder).compactMap { entry in
            guard case .document(_, let reference) = DocumentLayout.place(of: entry.path) else { return nil }
            return reference
        }
    }
}

extension ItemSuggestions {
    /// `no stockholm/2021/bu-p9 in the working tree; did you mean …?`: what every command
    /// says of an item, plan or county that is not in the snapshot labelled `label`.
    public static func notFound(_ written: String, in label: String, among existing: [ItemReference]) -> String {
        "no \(written) in \(source(label)); \(hint(for: written, among: existing))"
    }

    /// A snapshot's label as the object of "in": `the working tree`, `the index`, `HEAD (1a2b3c4)`.
    public static func source(_ label: String) -> String {
        label.hasPrefix("working tree") || label.hasPrefix("index") ? "the " + label : label
    }
}
