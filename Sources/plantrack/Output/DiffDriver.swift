import PlantrackCore

/// The modes git calls: `--textconv FILE` and `--git-external-diff` with git's 7 arguments.
enum DiffDriver {
    /// Prints a document canonically: a header, one `field: value` line per scalar (keyed
    /// list paths, as `diff` names fields), then the body. A file that cannot be parsed is
    /// printed as it is, with a warning on stderr, so git still shows a text diff.
    static func textconv(_ file: String) throws {
        let bytes = try readFile(file)
        let text = canonicalText(bytes, path: file)
        Terminal.standardOutput.write(text)
    }

    /// The canonical text of a document's bytes (see ``textconv(_:)``).
    static func canonicalText(_ bytes: [UInt8], path: String) -> String {
        let kind = frontMatterKind(bytes)
        switch DocumentReader().read(bytes, path: path, kind: kind, reference: nil) {
        case .success(let document):
            var out = "kind: \(document.frontMatter["kind"].flatMap(FieldDiff.scalarText) ?? kind.rawValue)\n"
            for line in FieldDiff.flatten(document.frontMatter) where !line.hasPrefix("kind: ") { out += line + "\n" }
            out += "---\n" + document.body
            if !out.hasSuffix("\n") { out += "\n" }
            return out
        case .failure(let finding):
            Terminal.standardError.write("plantrack: warning: \(finding): showing the file as text\n")
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// git's external diff call: `path old-file old-hex old-mode new-file new-hex new-mode`
    /// (and two more for a rename). `/dev/null` stands for a missing side.
    static func externalDiff(_ arguments: [String], format: DiffFormat, language: ReportLanguage) throws {
        guard arguments.count == 7 || arguments.count == 9 else {
            Terminal.standardError.write(
                "plantrack: error: --git-external-diff takes git's 7 arguments: path old-file old-hex old-mode new-file new-hex new-mode\n")
            throw ExitStatus.usage
        }
        let path = arguments.count == 9 ? arguments[7] : arguments[0]
        func side(_ file: String) throws -> [UInt8]? { file == "/dev/null" ? nil : try readFile(file) }
        let result = SemanticDiff.compareFile(path: path, old: try side(arguments[1]), new: try side(arguments[4]))
        DiffOutput.write(result, format: format, statOnly: false, header: false, language: language)
    }

    /// The `kind:` a front matter states, read leniently; `activity` when there is none,
    /// which only decides how a document without a path is named.
    private static func frontMatterKind(_ bytes: [UInt8]) -> DocumentKind {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("kind:") {
            let value = line.dropFirst(5).trimmingCharacters(in: " \t\r\"'")
            if let kind = DocumentKind(rawValue: value), kind != .workspace { return kind }
        }
        return .activity
    }

    /// Reads a file named on the command line (absolute, or relative to the current folder).
    static func readFile(_ file: String) throws -> [UInt8] {
        let absolute = file.hasPrefix("/")
        let snapshot = DirectorySnapshot(root: absolute ? "" : FileSystem.currentDirectory())
        let relative = absolute ? String(file.dropFirst()) : file
        do {
            return try snapshot.contents(of: SnapshotEntry(path: relative, kind: .file))
        } catch {
            Terminal.standardError.write("plantrack: error: \(file): cannot be read\n")
            throw ExitStatus.usage
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
