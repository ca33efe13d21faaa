/// The field-by-field merge of a document's front matter, and the line merge of its body
/// (``DocumentMerge`` runs it). Their changes are made on our text with the in-place editor;
/// conflicts are wrapped in markers last, when the text is final.
struct FieldMerge {
    /// One step of a key path, named the way the sides agree on (not by position).
    enum Step: Hashable {
        case key(String)
        /// A record of a keyed list (`tasks[Ta fram stödmaterial]`): its key text and fields.
        case record(String, fields: [String])
        /// An element of a list of records without known keys.
        case position(Int)
    }

    /// A conflict found, before its lines are located.
    private struct Pending {
        var steps: [Step]
        var base: YAMLNode?
        var ours: YAMLNode?
        var theirs: YAMLNode?
    }

    private var editor: FrontMatterEditor
    private let theirsEditor: FrontMatterEditor
    private var pending: [Pending] = []

    private init(editor: FrontMatterEditor, theirsEditor: FrontMatterEditor) {
        self.editor = editor
        self.theirsEditor = theirsEditor
    }

    /// Merges a document (or, with `bareYAML`, a plain YAML file). Throws when a side cannot
    /// be parsed or an edit cannot be made; the caller then merges the lines of the whole file.
    static func merge(base: [UInt8]?, ours: [UInt8], theirs: [UInt8], bareYAML: Bool) throws(FrontMatterEditError) -> MergeResult {
        func side(_ bytes: [UInt8], _ name: String) throws(FrontMatterEditError) -> FrontMatterEditor {
            do {
                return try FrontMatterEditor(bytes, bareYAML: bareYAML)
            } catch {
                let place = error.location.map { " at line \($0.line), column \($0.column)" } ?? ""
                throw FrontMatterEditError("\(name) cannot be parsed\(place): \(error.message)")
            }
        }
        let baseEditor = try base.map { bytes throws(FrontMatterEditError) in try side(bytes, "the base") }
        var merge = FieldMerge(editor: try side(ours, "ours"), theirsEditor: try side(theirs, "theirs"))
        try merge.mergeMappings(
            baseEditor?.frontMatter ?? YAMLMapping(), merge.editor.frontMatter, merge.theirsEditor.frontMatter, at: [])

        // The text as edited, without a byte-order mark (the editor counts lines without it).
        var edited = merge.editor.bytes
        let byteOrderMark = edited.starts(with: TextChecks.byteOrderMark)
        if byteOrderMark { edited.removeFirst(3) }
        let text = String(decoding: edited, as: UTF8.self)
        let newline = LineMerge.newline(of: text[...])
        var head = text[...]
        var oursBody = ""[...]
        if !bareYAML {
            let split: FrontMatterSplit
            do {
                split = try FrontMatterSplit.split(edited[...])
            } catch {
                throw FrontMatterEditError(error.message, at: error.location)
            }
            oursBody = split.body
            head = text[..<text.utf8.index(text.utf8.endIndex, offsetBy: -split.body.utf8.count)]
        }
        let wrapped = merge.wrapConflicts(in: LineMerge.lines(head), newline: newline)
        let lines = wrapped.lines
        var conflicts = wrapped.conflicts
        var result = lines.joined()
        if !bareYAML {
            let regions = LineMerge.merge(
                base: LineMerge.lines(try body(of: base)), ours: LineMerge.lines(oursBody),
                theirs: LineMerge.lines(try body(of: theirs)))
            let (merged, markers) = LineMerge.render(regions, newline: newline, firstLine: lines.count + 1)
            result += merged
            var marker = markers.makeIterator()
            for case .conflict(let ours, let base, let theirs) in regions {
                conflicts.append(
                    MergeConflict(place: .body, base: base.joined(), ours: ours.joined(), theirs: theirs.joined(), line: marker.next()))
            }
        }
        return MergeResult(bytes: (byteOrderMark ? TextChecks.byteOrderMark : []) + Array(result.utf8), conflicts: conflicts)
    }

    /// The Markdown body of a document's bytes (empty for no base).
    private static func body(of bytes: [UInt8]?) throws(FrontMatterEditError) -> Substring {
        guard var bytes else { return "" }
        if bytes.starts(with: TextChecks.byteOrderMark) { bytes.removeFirst(3) }
        do {
            return try FrontMatterSplit.split(bytes[...]).body
        } catch {
            throw FrontMatterEditError(error.message, at: error.location)
        }
    }

    // MARK: The merge of values

    private static func same(_ a: YAMLNode?, _ b: YAMLNode?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x?, let y?): return FieldDiff.sameValue(x, y)
        default: return false
        }
    }

    private mutating func mergeMappings(_ base: YAMLMapping, _ ours: YAMLMapping, _ theirs: YAMLMapping, at steps: [Step])
        throws(FrontMatterEditError)
    {
        var keys = ours.keys
        for key in theirs.keys where ours[key] == nil { keys.append(key) }
        for key in keys {
            try merge(base[key], ours[key], theirs[key], at: steps + [.key(key)], name: key, order: theirs.keys)
        }
    }

    /// Merges one value. `name` is the field's key (it names the record keys of a list);
    /// `order` is their field order, where a field only they added is inserted.
    private mutating func merge(
        _ base: YAMLNode?, _ ours: YAMLNode?, _ theirs: YAMLNode?, at steps: [Step], name: String, order: [String]
    ) throws(FrontMatterEditError) {
        if Self.same(theirs, base) { return }
        if Self.same(ours, base) {
            try takeTheirs(ours, theirs, at: steps, name: name, order: order)
            return
        }
        if Self.same(ours, theirs) { return }
        guard let ours, let theirs else {
            if let theirs {
                // We deleted what they changed: their value stays, between markers.
                try add(theirs, at: steps, order: order)
            }
            pending.append(Pending(steps: steps, base: base, ours: ours, theirs: theirs))
            return
        }
        switch (base?.content, ours.content, theirs.content) {
        case (.mapping(let b)?, .mapping(let o), .mapping(let t)):
            try mergeMappings(b, o, t, at: steps)
        case (nil, .mapping(let o), .mapping(let t)):
            try mergeMappings(YAMLMapping(), o, t, at: steps)
        case (.sequence(let b)?, .sequence(let o), .sequence(let t)):
            try mergeSequences(b, o, t, at: steps, name: name, base: base)
        case (nil, .sequence(let o), .sequence(let t)):
            try mergeSequences([], o, t, at: steps, name: name, base: base)
        default:
            pending.append(Pending(steps: steps, base: base, ours: ours, theirs: theirs))
        }
    }

    /// Our side kept the base's value: theirs is taken, changing as little of our text as it can.
    private mutating func takeTheirs(_ ours: YAMLNode?, _ theirs: YAMLNode?, at steps: [Step], name: String, order: [String])
        throws(FrontMatterEditError)
    {
        switch (ours, theirs) {
        case (nil, nil):
            return
        case (_?, nil):
            try remove(at: steps)
        case (nil, let t?):
            try add(t, at: steps, order: order)
        case (let o?, let t?):
            switch (o.content, t.content) {
            case (.mapping(let om), .mapping(let tm)):
                try mergeMappings(om, om, tm, at: steps)
            case (.sequence(let os), .sequence(let ts)) where Self.smallEditsGiveTheirs(os, ts, name: name):
                try mergeSequences(os, os, ts, at: steps, name: name, base: o)
            case (.sequence, .sequence):
                // They renamed or reordered items: only their whole list keeps their order.
                try set(t, at: steps)
            default:
                try set(t, at: steps)
            }
        }
    }

    /// Whether merging their list into ours by small edits — removing what they removed,
    /// appending what they added, changing fields in place — gives their list in their
    /// order. When it does not (they renamed a record's key, or reordered), their whole list
    /// replaces ours, so a side that alone changed a list is taken as it is.
    static func smallEditsGiveTheirs(_ ours: [YAMLNode], _ theirs: [YAMLNode], name: String) -> Bool {
        if let fields = FieldDiff.recordKeys[name], let o = FieldDiff.keyed(ours, fields),
            let t = FieldDiff.keyed(theirs, fields)
        {
            let ourKeys = o.map(\.key)
            let theirKeys = t.map(\.key)
            let kept = ourKeys.filter { theirKeys.contains($0) }
            let added = theirKeys.filter { !ourKeys.contains($0) }
            return kept + added == theirKeys
        }
        let scalars = (ours + theirs).allSatisfy { node in
            switch node.content {
            case .mapping, .sequence: return false
            default: return true
            }
        }
        guard scalars else { return true }  // by position, or the whole list: theirs either way
        let kept = ours.filter { item in theirs.contains { FieldDiff.sameValue($0, item) } }
        let added = theirs.filter { item in !ours.contains { FieldDiff.sameValue($0, item) } }
        let result = kept + added
        return result.count == theirs.count && zip(result, theirs).allSatisfy { FieldDiff.sameValue($0, $1) }
    }

    private mutating func mergeSequences(
        _ base: [YAMLNode], _ ours: [YAMLNode], _ theirs: [YAMLNode], at steps: [Step], name: String, base baseNode: YAMLNode?
    ) throws(FrontMatterEditError) {
        if let fields = FieldDiff.recordKeys[name], let b = FieldDiff.keyed(base, fields), let o = FieldDiff.keyed(ours, fields),
            let t = FieldDiff.keyed(theirs, fields)
        {
            // Records by key: ours in our order, then the ones only they added.
            func lookup(_ list: [(key: String, node: YAMLNode)]) -> [String: YAMLNode] {
                Dictionary(list.map { ($0.key, $0.node) }, uniquingKeysWith: { first, _ in first })
            }
            let (bk, ok, tk) = (lookup(b), lookup(o), lookup(t))
            var keys = o.map(\.key)
            for (key, _) in t where ok[key] == nil { keys.append(key) }
            for key in keys {
                try merge(bk[key], ok[key], tk[key], at: steps + [.record(key, fields: fields)], name: name, order: [])
            }
            return
        }
        let scalars = (base + ours + theirs).allSatisfy { node in
            switch node.content {
            case .mapping, .sequence: return false
            default: return true
            }
        }
        if scalars {
            // A set: what they added and we do not have, less what they removed.
            for item in theirs
            where !base.contains(where: { FieldDiff.sameValue($0, item) }) && !ours.contains(where: { FieldDiff.sameValue($0, item) }) {
                try append(item, to: steps)
            }
            for item in base where !theirs.contains(where: { FieldDiff.sameValue($0, item) }) {
                try removeElement(item, of: steps)
            }
            return
        }
        if base.count == ours.count, ours.count == theirs.count {
            for index in ours.indices {
                try merge(base[index], ours[index], theirs[index], at: steps + [.position(index)], name: name, order: [])
            }
            return
        }
        guard let last = steps.last, case .key = last else {
            throw FrontMatterEditError("a list inside a list changed on both sides")
        }
        // Records without keys whose number changed: the whole list is one value.
        let theirsNode = YAMLNode(.sequence(theirs), at: SourceLocation(line: 1, column: 1))
        if let baseNode, FieldDiff.sameValue(baseNode, YAMLNode(.sequence(ours), at: baseNode.location)) {
            try set(theirsNode, at: steps)
        } else {
            pending.append(
                Pending(
                    steps: steps, base: baseNode, ours: YAMLNode(.sequence(ours), at: SourceLocation(line: 1, column: 1)),
                    theirs: theirsNode))
        }
    }

    // MARK: Edits on our text

    /// The editor's path (keys and list positions) of `steps` in `root`; nil when a step
    /// names nothing there.
    private static func path(of steps: [Step], in root: YAMLMapping) -> [String]? {
        var node = YAMLNode(.mapping(root), at: SourceLocation(line: 1, column: 1))
        var path: [String] = []
        for step in steps {
            switch step {
            case .key(let key):
                guard let next = node.mapping?[key] else { return nil }
                path.append(key)
                node = next
            case .record(let key, let fields):
                guard let items = node.sequence, let keyed = FieldDiff.keyed(items, fields),
                    let index = keyed.firstIndex(where: { $0.key == key })
                else { return nil }
                path.append(String(index))
                node = items[index]
            case .position(let index):
                guard let items = node.sequence, items.indices.contains(index) else { return nil }
                path.append(String(index))
                node = items[index]
            }
        }
        return path
    }

    private func path(of steps: [Step]) throws(FrontMatterEditError) -> [String] {
        guard let path = Self.path(of: steps, in: editor.frontMatter) else {
            throw FrontMatterEditError("\(Self.name(of: steps)) is not where the merge expects it")
        }
        return path
    }

    private mutating func set(_ value: YAMLNode, at steps: [Step]) throws(FrontMatterEditError) {
        try editor.set(try path(of: steps), to: EditValue(node: value))
    }

    private mutating func add(_ value: YAMLNode, at steps: [Step], order: [String]) throws(FrontMatterEditError) {
        guard let last = steps.last else { return }
        let parentSteps = Array(steps.dropLast())
        switch last {
        case .key(let key):
            try editor.set(try path(of: parentSteps) + [key], to: EditValue(node: value), order: order)
        case .record, .position:
            // The list may be gone: removing its last record removed the key. `append` makes it again.
            if let list = Self.path(of: parentSteps, in: editor.frontMatter) {
                try editor.append(EditValue(node: value), to: list)
            } else if case .key(let key)? = parentSteps.last {
                try editor.append(EditValue(node: value), to: try path(of: Array(parentSteps.dropLast())) + [key])
            } else {
                throw FrontMatterEditError("\(Self.name(of: parentSteps)) is not where the merge expects it")
            }
        }
    }

    private mutating func remove(at steps: [Step]) throws(FrontMatterEditError) {
        let path = try path(of: steps)
        guard let last = steps.last, let position = path.last else { return }
        switch last {
        case .key: try editor.remove(path)
        case .record, .position:
            guard let index = Int(position) else { return }
            try editor.removeItem(at: index, of: Array(path.dropLast()))
        }
    }

    private mutating func append(_ item: YAMLNode, to steps: [Step]) throws(FrontMatterEditError) {
        try editor.append(EditValue(node: item), to: try path(of: steps))
    }

    private mutating func removeElement(_ item: YAMLNode, of steps: [Step]) throws(FrontMatterEditError) {
        let path = try path(of: steps)
        let root = YAMLNode(.mapping(editor.frontMatter), at: SourceLocation(line: 1, column: 1))
        guard let items = root.node(at: path)?.sequence, let index = items.firstIndex(where: { FieldDiff.sameValue($0, item) })
        else { return }
        try editor.removeItem(at: index, of: path)
    }

    // MARK: Markers

    /// The key path as `plantrack diff` writes it.
    static func name(of steps: [Step]) -> String {
        var text = ""
        for step in steps {
            switch step {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .record(let key, _): text += "[\(key)]"
            case .position(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// Our lines of each conflict, and theirs, between markers; the conflicts in file order.
    private func wrapConflicts(in lines: [String], newline: String) -> (lines: [String], conflicts: [MergeConflict]) {
        struct Located {
            var range: ClosedRange<Int>
            var ours: [String]
            var theirs: [String]
            var conflict: MergeConflict
        }
        let theirsText: String = {
            var bytes = theirsEditor.bytes
            if bytes.starts(with: TextChecks.byteOrderMark) { bytes.removeFirst(3) }
            return String(decoding: bytes, as: UTF8.self)
        }()
        let theirsLines = LineMerge.lines(theirsText[...])
        func slice(_ lines: [String], _ range: ClosedRange<Int>?) -> [String] {
            guard let range, range.lowerBound >= 1, range.upperBound <= lines.count else { return [] }
            return Array(lines[(range.lowerBound - 1)...(range.upperBound - 1)])
        }
        var located: [Located] = []
        var unplaced: [MergeConflict] = []
        for conflict in pending {
            let record = MergeConflict(
                place: .field(Self.name(of: conflict.steps)), base: conflict.base?.json.description,
                ours: conflict.ours?.json.description, theirs: conflict.theirs?.json.description, line: nil)
            guard let path = Self.path(of: conflict.steps, in: editor.frontMatter), let range = editor.lineRange(of: path) else {
                unplaced.append(record)
                continue
            }
            let here = slice(lines, range)
            switch (conflict.ours, conflict.theirs) {
            case (nil, _):
                // Their value was written for a field we deleted.
                located.append(Located(range: range, ours: [], theirs: here, conflict: record))
            case (_, nil):
                located.append(Located(range: range, ours: here, theirs: [], conflict: record))
            default:
                let theirsRange = Self.path(of: conflict.steps, in: theirsEditor.frontMatter).flatMap(theirsEditor.lineRange(of:))
                let theirs = Self.reindent(slice(theirsLines, theirsRange), like: here)
                located.append(Located(range: range, ours: here, theirs: theirs, conflict: record))
            }
        }
        located.sort { $0.range.lowerBound < $1.range.lowerBound }
        var output: [String] = []
        var conflicts: [MergeConflict] = []
        var next = 1
        var lastMarker: Int?
        for item in located {
            guard item.range.lowerBound >= next else {
                // Inside lines already wrapped (a field of a record wrapped whole).
                var conflict = item.conflict
                conflict.line = lastMarker
                conflicts.append(conflict)
                continue
            }
            if item.range.lowerBound > next { output += lines[(next - 1)..<(item.range.lowerBound - 1)] }
            if let last = output.last, last.utf8.last != 10 { output[output.count - 1] += newline }
            lastMarker = output.count + 1
            output.append(LineMerge.oursMarker + newline)
            output += Self.ended(item.ours, newline)
            output.append(LineMerge.separatorMarker + newline)
            output += Self.ended(item.theirs, newline)
            output.append(LineMerge.theirsMarker + newline)
            var conflict = item.conflict
            conflict.line = lastMarker
            conflicts.append(conflict)
            next = item.range.upperBound + 1
        }
        if next <= lines.count { output += lines[(next - 1)...] }
        return (output, conflicts + unplaced)
    }

    /// The lines, the last given a line end when it has none.
    private static func ended(_ lines: [String], _ newline: String) -> [String] {
        var lines = lines
        if let last = lines.last, last.utf8.last != 10 { lines[lines.count - 1] = last + newline }
        return lines
    }

    /// Their lines moved left or right to start at our first line's indentation.
    private static func reindent(_ lines: [String], like ours: [String]) -> [String] {
        func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        guard let theirFirst = lines.first, let ourFirst = ours.first else { return lines }
        let shift = indent(ourFirst) - indent(theirFirst)
        guard shift != 0 else { return lines }
        return lines.map { line in
            shift > 0 ? String(repeating: " ", count: shift) + line : String(line.dropFirst(min(-shift, indent(line))))
        }
    }
}
