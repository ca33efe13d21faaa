import ArgumentParser
import JSONSchema
import PlantrackCore
import PlantrackGit

/// `plantrack log ITEM`: an item's history across commits and, through `carried_from`,
/// across plan years.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show an item's history: every commit that changed it, with the fields it changed.",
        discussion: """
            Commits are read from HEAD back (first-parent comparison), newest first. When the item says \
            carried_from, the history of the item it was carried from follows, and so on back through the \
            years. A version of the item that is part of an approved plan version is marked with that \
            version's tag, e.g. (tag: stockholm/2021/v4). JSON output is described in docs/json.md.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The item: county/year/id, county/year (a plan) or county.", valueName: "item"))
    var item: String

    @Option(help: "Output format.")
    var format: ListFormat = .text

    func validate() throws {
        guard ItemReference(item) != nil else {
            throw ValidationError("'\(item)' is not an item reference: write county, county/year or county/year/id (e.g. stockholm/2021/bu-p1).")
        }
    }

    /// One commit's change to one item.
    struct Entry {
        var item: ItemReference
        var revision: FileRevision
        var change: String
        var fields: [FieldChange]
        /// The tags of the item's plan (`county/year/vN`) whose version of the file is this one.
        var tags: [String] = []
    }

    func run() throws {
        try reportingErrors {
            guard let start = ItemReference(item) else { throw CLIError("bad item reference '\(item)'") }
            let access = try WorkspaceAccess(workspace)
            let repository = access.repository
            var entries: [Entry] = []
            var visited: Set<ItemReference> = []
            var next: ItemReference? = start
            var isFirst = true
            while let reference = next, visited.insert(reference).inserted {
                next = nil
                guard let path = try Self.path(of: reference, in: repository, root: access.root) else {
                    if isFirst {
                        let existing = (try? ItemSuggestions.references(in: DirectorySnapshot(root: access.root))) ?? []
                        throw CLIError.notFound(reference.description, in: "working tree, HEAD or its history",
                                                among: existing)
                    }
                    break
                }
                isFirst = false
                let revisions: [FileRevision]
                do {
                    revisions = try repository.history(ofPath: path)
                } catch {
                    throw CLIError("cannot read the history of \(path): \(error)")
                }
                var newest: YAMLMapping?
                let firstOfItem = entries.count
                for revision in revisions {
                    let old = try Self.frontMatter(revision.oldBlob, path: path, reference: reference, in: repository)
                    let new = try Self.frontMatter(revision.newBlob, path: path, reference: reference, in: repository)
                    if newest == nil { newest = new ?? old }
                    let change = revision.oldBlob == nil ? "added" : revision.newBlob == nil ? "removed" : "modified"
                    entries.append(Entry(item: reference, revision: revision, change: change,
                                         fields: FieldDiff.compare(old ?? YAMLMapping(), new ?? YAMLMapping())))
                }
                try Self.markTags(of: reference, path: path, in: repository, entries: &entries[firstOfItem...])
                if newest == nil, let bytes = FileSystem.readBytes(access.root + "/" + path) {
                    newest = Self.read(bytes, path: path, reference: reference)
                }
                // Items come from carried_from, plans from the plan they revise.
                next = (newest?["carried_from"] ?? newest?["revises"])?.string.flatMap(ItemReference.init)
                if next == nil, let earliest = revisions.last, earliest.oldBlob == nil, reference.id != nil,
                   let year = reference.year {
                    // The same id in the year before is the same item (docs/format.md).
                    let previous = ItemReference(county: reference.county, year: year - 1, id: reference.id)
                    if try Self.path(of: previous, in: repository, root: nil) != nil { next = previous }
                }
            }
            switch format {
            case .json:
                Terminal.standardOutput.write(Self.json(start, entries).prettyText + "\n")
            case .text:
                Terminal.standardOutput.write(Self.text(start, entries, style: Style(for: .standardOutput)))
            }
        }
    }

    /// Gives each tag of the item's plan (`county/year/*`; of a county: `county/*`) to the
    /// entry whose version of the file the tagged commit holds: the newest entry that wrote
    /// that blob and that the tagged commit is built on. A tag whose commit does not hold the
    /// file marks nothing.
    static func markTags(of reference: ItemReference, path: String, in repository: Repository,
                         entries: inout ArraySlice<Entry>) throws {
        guard !entries.isEmpty else { return }
        let pattern = reference.year.map { "\(reference.county)/\($0)/*" } ?? "\(reference.county)/*"
        do {
            for (name, tagged) in try repository.tagTargets(matching: pattern) {
                guard let blob = try repository.commit(tagged).tree().entry(atPath: path)?.id else { continue }
                for i in entries.indices where entries[i].revision.newBlob == blob {
                    guard try repository.isAncestor(entries[i].revision.commit, of: tagged) else { continue }
                    entries[i].tags.append(name)
                    break
                }
            }
        } catch {
            throw CLIError("cannot read the tags of \(reference): \(error)")
        }
    }

    /// Where the item's file is: in HEAD's tree, in its history (a removed item) or on disk.
    static func path(of reference: ItemReference, in repository: Repository, root: String?) throws -> String? {
        let kinds: [DocumentKind] = reference.year == nil ? [.county] : reference.id == nil ? [.plan] : [.activity, .goal]
        let paths = kinds.map { DocumentLayout.path(of: $0, reference) }
        if !repository.isHeadUnborn, let tree = try? repository.head().tree() {
            for path in paths where (try? tree.entry(atPath: path)) != nil { return path }
        }
        for path in paths where !((try? repository.history(ofPath: path)) ?? []).isEmpty { return path }
        if let root { for path in paths where FileSystem.exists(root + "/" + path) { return path } }
        return nil
    }

    private static func frontMatter(
        _ blob: ObjectID?, path: String, reference: ItemReference, in repository: Repository
    ) throws -> YAMLMapping? {
        guard let blob else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try repository.blobBytes(blob)
        } catch {
            throw CLIError("cannot read \(path) at blob \(blob.hex): \(error)")
        }
        return read(bytes, path: path, reference: reference) ?? YAMLMapping()
    }

    private static func read(_ bytes: [UInt8], path: String, reference: ItemReference) -> YAMLMapping? {
        guard case .document(let kind, _) = DocumentLayout.place(of: path) else { return nil }
        return try? DocumentReader().read(bytes, path: path, kind: kind, reference: reference).get().frontMatter
    }

    /// `2026-11-23T12:02:51+01:00`.
    static func timestamp(_ signature: Signature) -> String {
        let local = signature.time + Int64(signature.offsetMinutes) * 60
        let day = CalendarDate(secondsSinceEpoch: local)
        let seconds = Int(((local % 86_400) + 86_400) % 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let offset = Int(signature.offsetMinutes)
        let sign = offset < 0 ? "-" : "+"
        return "\(day)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
            + "\(sign)\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
    }

    static func text(_ start: ItemReference, _ entries: [Entry], style: Style) -> String {
        guard !entries.isEmpty else { return "\(start): no commits change it yet\n" }
        var out = ""
        var current: ItemReference?
        for entry in entries {
            if entry.item != current {
                current = entry.item
                let note = entry.item == start ? "" : " (earlier year of \(start))"
                out += style.bold("\(entry.item)") + note + " — " + style.dim(entry.revision.path) + "\n"
            }
            let summary = entry.revision.message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            let tags = entry.tags.isEmpty ? "" : " " + style.green("(" + entry.tags.map { "tag: \($0)" }.joined(separator: ", ") + ")")
            out += "  " + style.yellow(String(entry.revision.commit.hex.prefix(7))) + tags + " "
                + String(timestamp(entry.revision.author).prefix(16)).replacingT() + " "
                + entry.revision.author.name + ": " + summary + "\n"
            if entry.change != "modified" { out += "      \(entry.change)\n" }
            if entry.change == "modified" {
                for line in CommitMessage.changeLines(entry.fields) { out += "      \(line)\n" }
                if entry.fields.isEmpty { out += "      (body only)\n" }
            }
        }
        return out
    }

    static func json(_ start: ItemReference, _ entries: [Entry]) -> JSONValue {
        var root = JSONObject()
        root["item"] = .string(start.description)
        root["history"] = .array(entries.map { entry in
            var object = JSONObject()
            object["item"] = .string(entry.item.description)
            object["path"] = .string(entry.revision.path)
            object["commit"] = .string(entry.revision.commit.hex)
            object["date"] = .string(timestamp(entry.revision.author))
            var author = JSONObject()
            author["name"] = .string(entry.revision.author.name)
            author["email"] = .string(entry.revision.author.email)
            object["author"] = .object(author)
            object["message"] = .string(entry.revision.message)
            object["change"] = .string(entry.change)
            object["fields"] = .array(entry.fields.map(DiffJSON.field))
            object["tags"] = .array(entry.tags.map { .string($0) })
            return .object(object)
        })
        return .object(root)
    }
}

extension String {
    fileprivate func replacingT() -> String {
        split(separator: "T", maxSplits: 1).joined(separator: " ")
    }
}
