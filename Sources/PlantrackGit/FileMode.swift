import CGit2

/// The mode of a tree or index entry (`git_filemode_t`).
public enum FileMode: Hashable, Sendable {
    /// A regular file (`GIT_FILEMODE_BLOB`, 100644).
    case file
    /// An executable file (`GIT_FILEMODE_BLOB_EXECUTABLE`, 100755).
    case executable
    /// A symbolic link; the blob holds the link text (`GIT_FILEMODE_LINK`, 120000).
    case symlink
    /// A submodule: the id is a commit of another repository (`GIT_FILEMODE_COMMIT`, 160000).
    case submodule
    /// A folder (`GIT_FILEMODE_TREE`, 040000).
    case tree
    /// Any other value found in a tree or index.
    case unknown(UInt32)

    /// Maps libgit2's raw mode value.
    public init(rawValue: UInt32) {
        switch rawValue {
        case GIT_FILEMODE_BLOB.rawValue: self = .file
        case GIT_FILEMODE_BLOB_EXECUTABLE.rawValue: self = .executable
        case GIT_FILEMODE_LINK.rawValue: self = .symlink
        case GIT_FILEMODE_COMMIT.rawValue: self = .submodule
        case GIT_FILEMODE_TREE.rawValue: self = .tree
        default: self = .unknown(rawValue)
        }
    }

    /// libgit2's raw mode value.
    public var rawValue: UInt32 {
        switch self {
        case .file: GIT_FILEMODE_BLOB.rawValue
        case .executable: GIT_FILEMODE_BLOB_EXECUTABLE.rawValue
        case .symlink: GIT_FILEMODE_LINK.rawValue
        case .submodule: GIT_FILEMODE_COMMIT.rawValue
        case .tree: GIT_FILEMODE_TREE.rawValue
        case .unknown(let value): value
        }
    }

    /// Whether the entry is a regular or executable file, the only kind read as a document.
    public var isRegularFile: Bool { self == .file || self == .executable }
}
