import CGit2
import PlantrackCore

// The domain's ``Author`` is what libgit2 calls a signature (`git_signature`): who made a
// commit or tag, and when. These are the conversions to and from libgit2's copy.
extension Author {
    /// Copies a signature libgit2 owns.
    init(_ signature: UnsafePointer<git_signature>) {
        let value = signature.pointee
        self.init(
            name: value.name.map { String(cString: $0) } ?? "",
            email: value.email.map { String(cString: $0) } ?? "",
            time: value.when.time,
            offsetMinutes: Int(value.when.offset))
    }

    /// The user's identity from the repository's git configuration (`user.name`,
    /// `user.email`) with the current time (`git_signature_default`).
    ///
    /// Throws ``GitError/Code/notFound`` with a plain explanation when no identity is
    /// configured.
    public static func `default`(in repository: Repository) throws -> Author {
        var signature: UnsafeMutablePointer<git_signature>?
        try GitError.check(
            git_signature_default(&signature, repository.pointer), "git_signature_default",
            context: "no git identity is configured (set user.name and user.email with git config)")
        guard let signature else {
            throw GitError(
                code: .other(-1), message: "returned success but no signature", function: "git_signature_default")
        }
        defer { git_signature_free(signature) }
        return Author(signature)
    }

    /// Lends a libgit2 copy of this author to `body` (`git_signature_new`), freed after.
    ///
    /// `git_signature_new` also rejects names and e-mails with angle brackets or newlines,
    /// and an offset beyond what libgit2 stores (an `Int32` of minutes).
    func withGitSignature<Result>(_ body: (UnsafePointer<git_signature>) throws -> Result) throws -> Result {
        guard let offset = Int32(exactly: offsetMinutes) else {
            throw GitError(
                code: .other(-1), message: "time zone offset \(offsetMinutes) minutes is out of range",
                function: "git_signature_new")
        }
        var signature: UnsafeMutablePointer<git_signature>?
        try GitError.check(
            git_signature_new(&signature, name, email, time, offset), "git_signature_new",
            context: "invalid signature '\(name) <\(email)>'")
        guard let signature else {
            throw GitError(code: .other(-1), message: "returned success but no signature", function: "git_signature_new")
        }
        defer { git_signature_free(signature) }
        return try body(signature)
    }
}
