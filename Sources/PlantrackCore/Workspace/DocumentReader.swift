/// Turns a file's bytes into a ``Document``, or into findings that say exactly why not.
public struct DocumentReader: Sendable {
    /// Files larger than this are refused unread: front matter plus prose is never this big,
    /// and a runaway file must not stall a whole workspace.
    public var maxSize: Int = 1 << 20
    /// The YAML parser and its limits.
    public var parser = YAMLParser()

    /// Creates a reader with the default limits.
    public init() {}

    /// Reads the document at `path` of the given kind from its bytes.
    public func read(
        _ bytes: [UInt8], path: String, kind: DocumentKind, reference: ItemReference?, contentID: String? = nil
    ) -> Result<Document, Finding> {
        func failure(_ rule: String, _ message: String, _ location: SourceLocation? = nil) -> Result<Document, Finding> {
            .failure(Finding(.error, rule: rule, path: path, location: location, message: message))
        }
        if bytes.count > maxSize {
            return failure("file.too-large", "the file is \(bytes.count) bytes; documents may be at most \(maxSize) bytes (1 MiB)")
        }
        var content = bytes[...]
        if content.starts(with: TextChecks.byteOrderMark) { content = content.dropFirst(3) }
        if let bad = TextChecks.firstInvalidUTF8(in: content) {
            return failure("file.not-utf8", "the file is not valid UTF-8 text (save it as UTF-8)", bad)
        }
        // Markers a merge left would read as a YAML error far from the cause; they come first.
        // The first marker is the failure; `Workspace.read` reports every marker line.
        if let first = ConflictMarkers.findings(in: content, path: path).first {
            return .failure(first)
        }
        do {
            if kind == .workspace {
                let root = try parser.parse(content, firstLine: 1)
                let mapping = try Self.topMapping(root)
                return .success(
                    Document(
                        path: path, kind: kind, reference: reference, contentID: contentID,
                        frontMatter: mapping, frontMatterLocation: SourceLocation(line: 1, column: 1)))
            }
            let split = try FrontMatterSplit.split(content)
            let root = try parser.parse(split.yaml, firstLine: split.yamlFirstLine)
            let mapping = try Self.topMapping(root)
            return .success(
                Document(
                    path: path, kind: kind, reference: reference, contentID: contentID, frontMatter: mapping,
                    frontMatterLocation: SourceLocation(line: split.yamlFirstLine, column: 1),
                    body: String(split.body), bodyFirstLine: split.bodyFirstLine))
        } catch {
            return failure(error.rule, error.message, error.location)
        }
    }

    /// An empty front matter is an empty mapping; anything but a mapping is an error.
    private static func topMapping(_ root: YAMLNode?) throws(YAMLError) -> YAMLMapping {
        guard let root else { return YAMLMapping() }
        switch root.content {
        case .mapping(let m): return m
        case .null: return YAMLMapping()
        default:
            throw YAMLError(
                rule: "frontmatter.not-mapping",
                message: "front matter must be a mapping of fields (key: value), not \(root.typeDescription)",
                location: root.location)
        }
    }
}
