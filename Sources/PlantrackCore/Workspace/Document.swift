/// One document of a workspace, read and parsed: its place, its front matter and its body.
public struct Document: Sendable, Hashable {
    /// Workspace-relative path, `/`-separated.
    public var path: String
    /// The kind its place in the layout gives it.
    public var kind: DocumentKind
    /// The reference its folders give it (`stockholm/2021/bu-p1`); nil for workspace.yaml.
    public var reference: ItemReference?
    /// The git blob id of its bytes, when read from the index or a commit.
    public var contentID: String?
    /// The front matter (for `workspace.yaml`, the whole file).
    public var frontMatter: YAMLMapping
    /// Where the front matter's YAML starts: findings about a missing field point here.
    public var frontMatterLocation: SourceLocation
    /// The Markdown body, exactly as in the file.
    public var body: String
    /// The file line on which the body starts.
    public var bodyFirstLine: Int

    /// Creates a document.
    public init(
        path: String, kind: DocumentKind, reference: ItemReference?, contentID: String? = nil,
        frontMatter: YAMLMapping, frontMatterLocation: SourceLocation = SourceLocation(line: 2, column: 1),
        body: String = "", bodyFirstLine: Int = 1
    ) {
        self.path = path
        self.kind = kind
        self.reference = reference
        self.contentID = contentID
        self.frontMatter = frontMatter
        self.frontMatterLocation = frontMatterLocation
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }

    /// The front matter's `title` (or `name`, for counties and the workspace).
    public var title: String? {
        frontMatter["title"]?.string ?? frontMatter["name"]?.string
    }
}
