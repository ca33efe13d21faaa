// What a snapshot holds for the roll-up: its plans, their files and their content digests.

extension IncrementalRollUp {
    /// Forgets what is known of the file at `path`.
    mutating func forget(_ path: String) {
        entries[path] = nil
        layoutFindings[path] = nil
        verdicts[path] = nil
        otherPaths.remove(path)
        guard case .document(let kind, let reference) = DocumentLayout.place(of: path), kind != .county, kind != .workspace,
            let plan = reference?.plan
        else { return }
        plans[plan]?.paths.remove(path)
        if plans[plan]?.paths.isEmpty == true { dropPlan(plan) }
    }

    mutating func dropPlan(_ plan: ItemReference) {
        plans[plan] = nil
        lastSummary.forget(plan)
        lastRuleErrors.forget(plan)
        lastPart.forget(plan)
    }

    /// Takes in a file: where it belongs (`place`, when worked out already), and what is
    /// wrong with it without reading it (as ``Workspace`` finds it).
    mutating func take(_ entry: SnapshotEntry, place: DocumentLayout.Place? = nil) {
        let path = entry.path
        let place = place ?? DocumentLayout.place(of: path)
        if let finding = Workspace.layoutFinding(for: entry, at: place) { layoutFindings[path] = finding }
        if case .unreadable = entry.kind { return }
        guard case .document(let kind, let reference) = place else { return }
        entries[path] = Placed(entry: entry, kind: kind, reference: reference)
        if kind == .county || kind == .workspace {
            if case .file = entry.kind { otherPaths.insert(path) }
        } else if let plan = reference?.plan {
            plans[plan, default: PlanDocuments()].paths.insert(path)
            plans[plan]?.digest = nil
        }
    }

    /// Lists the files of the plans among `references` that were taken in by folder.
    mutating func expand(_ references: some Sequence<ItemReference>) {
        guard let snapshot else { return }
        var listed: [SnapshotEntry] = []
        var byID: [(folder: String, id: String)] = []
        for plan in references where plans[plan]?.expanded == false {
            plans[plan]?.expanded = true
            let folder = DocumentLayout.folder(of: plan)
            if let id = folderID(of: plan) {
                byID.append((folder, id))
                continue
            }
            do {
                listed += try snapshot.entries(under: folder)
            } catch {
                if let corrupted = HistoryError.corruption(in: error) {
                    if damage == nil { damage = corrupted }
                    continue
                }
                layoutFindings[folder] = Finding(.error, rule: "file.unreadable", path: folder, message: "\(error)")
            }
        }
        // Folders with ids are listed by id on all cores when the snapshot can, else here.
        let reader = snapshot.concurrentReader
        let listings = ParallelMap.map(byID) { folder, id in Result { try reader?.files(under: folder, id: id) } }
        for ((folder, _), listing) in zip(byID, listings) {
            do {
                listed += try listing.get() ?? snapshot.entries(under: folder)
            } catch {
                if let corrupted = HistoryError.corruption(in: error) {
                    if damage == nil { damage = corrupted }
                    continue
                }
                layoutFindings[folder] = Finding(.error, rule: "file.unreadable", path: folder, message: "\(error)")
            }
        }
        // A cold roll-up lists every plan here: the paths are placed on all cores, and the
        // tables grow once instead of doubling their way up.
        let places = ParallelMap.map(listed) { DocumentLayout.place(of: $0.path) }
        entries.reserveCapacity(entries.count + listed.count)
        verdicts.reserveCapacity(verdicts.count + listed.count)
        for (entry, place) in zip(listed, places) { take(entry, place: place) }
    }

    /// Names a plan's content: its folder's id when the snapshot has one, else its
    /// documents' paths and blob ids, else (the working tree) a number that changes with
    /// every change. nil, and the plan is dropped, when its folder is gone.
    mutating func digest(of plan: ItemReference) -> MemoKey? {
        guard let documents = plans[plan] else { return nil }
        if let digest = documents.digest { return digest }
        if hasFolderIDs {
            guard let id = folderID(of: plan) else {
                dropPlan(plan)
                return nil
            }
            let digest = MemoKey(text: "t" + id, isPersistent: true)
            plans[plan]?.digest = digest
            return digest
        }
        expand([plan])
        guard let paths = plans[plan]?.paths, !paths.isEmpty else {
            dropPlan(plan)
            return nil
        }
        // Each document's digest is added up: the order of the paths (a set) does not matter.
        var sum = (UInt64(0), UInt64(0))
        var persistent = true
        for path in paths {
            var hash = ContentDigest()
            hash.add(path)
            let entry = entries[path]?.entry
            switch entry?.kind {
            case .file: hash.add("f")
            case .symlink(let target): hash.add("l " + target)
            case .other, .unreadable, nil: hash.add("o")
            }
            if let id = entry?.contentID { hash.add(id) } else { persistent = false }
            let (a, b) = hash.value
            sum = (sum.0 &+ a, sum.1 &+ b)
        }
        let digest: MemoKey
        if persistent {
            digest = MemoKey(text: "c" + ContentDigest.hex(sum.0) + ContentDigest.hex(sum.1), isPersistent: true)
        } else {
            volatileCount += 1
            digest = MemoKey(text: "v\(volatileCount)", isPersistent: false)
        }
        plans[plan]?.digest = digest
        return digest
    }

    /// The id of a plan's folder in the current snapshot (its county's folder is read once);
    /// nil when the snapshot names no folders or the plan's folder is gone.
    mutating func folderID(of plan: ItemReference) -> String? {
        guard hasFolderIDs, let snapshot else { return nil }
        let county = "\(DocumentLayout.plansFolder)/\(plan.county)"
        if folderIDs[county] == nil {
            folderIDs[county] = Self.subfolderIDs(of: try? snapshot.folder(county, id: countyIDs[county]))
        }
        return folderIDs[county]?[DocumentLayout.folder(of: plan)]
    }

    /// The ids of a folder level's subfolders, by path (empty for no level).
    static func subfolderIDs(of level: SnapshotFolder?) -> [String: String] {
        Dictionary(level?.subfolders.map { ($0.path, $0.id) } ?? [], uniquingKeysWith: { first, _ in first })
    }
}
