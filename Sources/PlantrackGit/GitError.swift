import CGit2

/// An error reported by libgit2, or by this layer about a libgit2 object.
///
/// Carries what libgit2 said (`message`), which C function failed (`function`), the return
/// code mapped to a ``Code`` callers can match, and libgit2's error class. When this layer
/// knows better words for the situation (`unknown revision 'nope'`) it puts them in
/// `context` and keeps libgit2's message beside them.
public struct GitError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is, from libgit2's return code (`git_error_code`).
    public enum Code: Hashable, Sendable {
        /// `GIT_ENOTFOUND`: the object, reference, revision, path or configuration is missing.
        case notFound
        /// `GIT_EEXISTS`: an object or reference with that name already exists.
        case exists
        /// `GIT_EAMBIGUOUS`: a short id or name matches more than one object.
        case ambiguous
        /// `GIT_EUNBORNBRANCH`: HEAD names a branch that has no commits yet.
        case unbornBranch
        /// `GIT_EINVALIDSPEC`: a revision or reference name is not well formed.
        case invalidSpec
        /// `GIT_EBAREREPO`: the operation needs a working tree.
        case bareRepository
        /// `GIT_ELOCKED`: a lock file (`index.lock`, a ref lock) is held by someone else.
        case locked
        /// `GIT_ECONFLICT`, `GIT_EMERGECONFLICT`, `GIT_EUNMERGED`: conflicts prevent the operation.
        case conflict
        /// `GIT_EMODIFIED`, `GIT_ENONFASTFORWARD`: a reference moved under us.
        case modified
        /// `GIT_EPEEL`: the object cannot be peeled to the requested type (a tree is not a commit).
        case peel
        /// `GIT_EINVALID`: invalid input (a bad path, a bad object id).
        case invalid
        /// `GIT_EOWNER`: the repository is owned by another user (safe.directory).
        case owner
        /// Any other negative return code, kept as is.
        case other(Int32)

        /// Maps a libgit2 return code to a case, comparing against the C constants.
        public init(returnCode: Int32) {
            switch returnCode {
            case GIT_ENOTFOUND.rawValue: self = .notFound
            case GIT_EEXISTS.rawValue: self = .exists
            case GIT_EAMBIGUOUS.rawValue: self = .ambiguous
            case GIT_EUNBORNBRANCH.rawValue: self = .unbornBranch
            case GIT_EINVALIDSPEC.rawValue: self = .invalidSpec
            case GIT_EBAREREPO.rawValue: self = .bareRepository
            case GIT_ELOCKED.rawValue: self = .locked
            case GIT_ECONFLICT.rawValue, GIT_EMERGECONFLICT.rawValue, GIT_EUNMERGED.rawValue:
                self = .conflict
            case GIT_EMODIFIED.rawValue, GIT_ENONFASTFORWARD.rawValue: self = .modified
            case GIT_EPEEL.rawValue: self = .peel
            case GIT_EINVALID.rawValue: self = .invalid
            case GIT_EOWNER.rawValue: self = .owner
            default: self = .other(returnCode)
            }
        }
    }

    /// The mapped return code.
    public var code: Code
    /// The raw libgit2 return code (negative), or -1 for errors raised by this layer.
    public var returnCode: Int32
    /// libgit2's error class (`git_error_t`, e.g. `GIT_ERROR_REFERENCE`), 0 when libgit2
    /// left no error record.
    public var errorClass: Int32
    /// libgit2's own message, or a description of the return code when it left none.
    public var message: String
    /// The C function that failed, e.g. `git_revparse_single`.
    public var function: String
    /// This layer's plain statement of what failed, when it has one (`unknown revision 'nope'`).
    public var context: String?

    /// Creates an error from its parts; use ``GitError/check(_:_:context:)`` for return codes.
    public init(
        code: Code, returnCode: Int32 = -1, errorClass: Int32 = 0, message: String,
        function: String, context: String? = nil
    ) {
        self.code = code
        self.returnCode = returnCode
        self.errorClass = errorClass
        self.message = message
        self.function = function
        self.context = context
    }

    /// `unknown revision 'nope' (git_revparse_single: revspec 'nope' not found)`, or
    /// `git_repository_open_ext: could not find repository at '/tmp/x'` without context.
    public var description: String {
        if let context {
            return "\(context) (\(function): \(message))"
        }
        return "\(function): \(message)"
    }

    /// Returns `result` when it is not negative; otherwise throws the error libgit2 recorded.
    ///
    /// `git_error_last()` is thread-local and is overwritten by the next failing call, so it is
    /// read here, at once, and cleared so a later failure that records nothing (libgit2 1.5
    /// has such paths, where `git_error_last()` returns NULL) cannot show this message.
    @discardableResult
    static func check(_ result: Int32, _ function: String, context: String? = nil) throws -> Int32 {
        guard result < 0 else { return result }
        throw GitError.last(returnCode: result, function: function, context: context)
    }

    /// Builds the error for a failed call from libgit2's thread-local error record.
    static func last(returnCode: Int32, function: String, context: String? = nil) -> GitError {
        var message = "failed with code \(returnCode)"
        var errorClass: Int32 = 0
        if let record = git_error_last() {
            if let text = record.pointee.message {
                // libgit2 messages may quote repository data (paths, ref names) that need
                // not be UTF-8; String(cString:) repairs ill-formed bytes instead of failing.
                message = String(cString: text)
            }
            errorClass = record.pointee.klass
        }
        git_error_clear()
        return GitError(
            code: Code(returnCode: returnCode), returnCode: returnCode, errorClass: errorClass,
            message: message, function: function, context: context)
    }
}
