import CGit2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Pushing to a repository on this machine's file system (a path, `file://`: a bare
/// repository on a file share), with the same guarantee a git server gives.
///
/// libgit2's local transport copies the objects and then sets the remote's references
/// unconditionally: two pushes at the same moment could both pass its fast-forward check
/// and the later overwrite the earlier. A server's `receive-pack` updates a reference only
/// from the value it was told. So the objects travel through libgit2 to a private staging
/// reference (`refs/plantrack/incoming/<token>/…`), and each real reference is then moved
/// here with a compare-and-swap under git's reference lock (`git_reference_create_matching`),
/// which git and libgit2 writers both honour; a reference that moved meanwhile is refused
/// as a server would refuse it, and the staging references are removed.
extension Repository {
    /// Pushes `refspecs` to the repository at `path` (see the type's comment); refusals are
    /// recorded in `session` as a server's would be.
    func pushLocally(to path: String, remote: String, refspecs: [String], session: TransferSession) throws {
        let token = (0..<4).map { _ in String(UInt32.random(in: .min ... .max), radix: 16) }.joined()
        let updates = try refspecs.map { refspec in
            guard let update = LocalUpdate(refspec: refspec, token: token) else {
                throw GitError(
                    code: .invalidSpec, message: "'\(refspec)' is not SOURCE:DESTINATION", function: "git_remote_push",
                    context: "cannot push to '\(remote)'")
            }
            return update
        }
        try pushObjects(remote: remote, refspecs: updates.map(\.stagingRefspec), session: session)
        session.forgetPushed(startingWith: LocalUpdate.stagingPrefix)
        let target = try Repository.open(at: path)
        defer {
            for update in updates { target.removeStagingReference(update.staging) }
        }
        for update in updates {
            session.recordPushed(name: update.destination, refusal: try target.compareAndSwap(update))
        }
    }

    /// Moves `update.destination` to what its staging reference names, if it still is what
    /// it was when read; returns the refusal, or nil when it moved.
    private func compareAndSwap(_ update: LocalUpdate) throws -> String? {
        var staged = git_oid()
        try GitError.check(
            git_reference_name_to_id(&staged, pointer, update.staging), "git_reference_name_to_id",
            context: "the pushed objects did not arrive in '\(path)'")
        var current = git_oid()
        let lookup = git_reference_name_to_id(&current, pointer, update.destination)
        let exists = lookup == 0
        if !exists {
            git_error_clear()
            guard lookup == GIT_ENOTFOUND.rawValue else {
                try GitError.check(lookup, "git_reference_name_to_id", context: "cannot read '\(update.destination)'")
                return nil
            }
        }
        if exists && git_oid_equal(&current, &staged) == 1 { return nil }
        if exists && !update.force {
            if update.destination.hasPrefix("refs/tags/") { return "already exists" }
            var isDescendant = git_graph_descendant_of(pointer, &staged, &current)
            if isDescendant < 0 {
                // An annotated tag or an object this repository cannot walk: not a fast-forward.
                git_error_clear()
                isDescendant = 0
            }
            if isDescendant == 0 { return "non-fast-forward" }
        }
        var reference: OpaquePointer?
        defer { git_reference_free(reference) }
        let message = "push"
        let result =
            exists
            ? git_reference_create_matching(&reference, pointer, update.destination, &staged, 1, &current, message)
            : git_reference_create(&reference, pointer, update.destination, &staged, 0, message)
        switch result {
        case 0: return nil
        case GIT_EMODIFIED.rawValue, GIT_ELOCKED.rawValue, GIT_EEXISTS.rawValue:
            git_error_clear()
            return "failed to update ref: it was modified meanwhile (fetch first)"
        default:
            try GitError.check(result, "git_reference_create_matching", context: "cannot update '\(update.destination)'")
            return nil
        }
    }

    /// Removes a staging reference; one already gone is fine.
    private func removeStagingReference(_ name: String) {
        if git_reference_remove(pointer, name) < 0 { git_error_clear() }
    }
}

/// One reference of a local push: where it goes and where its objects are staged.
private struct LocalUpdate {
    static let stagingPrefix = "refs/plantrack/incoming/"

    var source: String
    var destination: String
    var force: Bool
    var staging: String

    init?(refspec: String, token: String) {
        var text = Substring(refspec)
        force = text.hasPrefix("+")
        if force { text = text.dropFirst() }
        guard let colon = text.lastIndex(of: ":") else { return nil }
        source = String(text[..<colon])
        destination = String(text[text.index(after: colon)...])
        guard !source.isEmpty, destination.hasPrefix("refs/") else { return nil }
        staging = Self.stagingPrefix + token + "/" + destination.dropFirst("refs/".count)
    }

    var stagingRefspec: String { "+\(source):\(staging)" }
}
