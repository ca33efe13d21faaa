import CGit2

/// Who made a commit or tag, and when (`git_signature`), as a plain value.
public struct Signature: Hashable, Sendable {
    /// The person's name, decoded leniently from the repository's bytes.
    public var name: String
    /// The e-mail address.
    public var email: String
    /// Seconds since 1970-01-01 00:00 UTC.
    public var time: Int64
    /// The time zone's offset from UTC in minutes (`+0100` is 60).
    public var offsetMinutes: Int32

    /// Creates a signature.
    public init(name: String, email: String, time: Int64, offsetMinutes: Int32 = 0) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// Copies a signature libgit2 owns.
    init(_ signature: UnsafePointer<git_signature>) {
        let value = signature.pointee
        name = value.name.map { String(cString: $0) } ?? ""
        email = value.email.map { String(cString: $0) } ?? ""
        time = value.when.time
        offsetMinutes = value.when.offset
    }

    /// The user's identity from the repository's git configuration (`user.name`,
    /// `user.email`) with the current time (`git_signature_default`).
    ///
    /// Throws ``GitError/Code/notFound`` with a plain explanation when no identity is
    /// configured.
    public static func `default`(in repository: Repository) throws -> Signature {
        var signature: UnsafeMutablePointer<git_signature>?
        try GitError.check(
            git_signature_default(&signature, repository.pointer), "git_signature_default",
            context: "no git identity is configured (set user.name and user.email with git config)")
        guard let signature else {
            throw GitError(code: .other(-1), message: "returned success but no signature", function: "git_signature_default")
        }
        defer { git_signature_free(signature) }
        return Signature(signature)
    }

    /// Lends a libgit2 copy of this signature to `body` (`git_signature_new`), freed after.
    ///
    /// `git_signature_new` also rejects names and e-mails with angle brackets or newlines.
    func withGitSignature<Result>(_ body: (UnsafePointer<git_signature>) throws -> Result) throws -> Result {
        var signature: UnsafeMutablePointer<git_signature>?
        try GitError.check(
            git_signature_new(&signature, name, email, time, offsetMinutes), "git_signature_new",
            context: "invalid signature '\(name) <\(email)>'")
        guard let signature else {
            throw GitError(code: .other(-1), message: "returned success but no signature", function: "git_signature_new")
        }
        defer { git_signature_free(signature) }
        return try body(signature)
    }
}
