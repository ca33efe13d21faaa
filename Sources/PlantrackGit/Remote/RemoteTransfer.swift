import CGit2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How far a fetch or a push has come, as libgit2 reports it while the transfer runs.
public struct TransferProgress: Hashable, Sendable {
    /// Which way the objects travel.
    public enum Direction: String, Hashable, Sendable {
        case fetch, push
    }

    /// Which way the objects travel.
    public var direction: Direction
    /// Objects received (fetch) or written to the remote (push) so far.
    public var objects: Int
    /// Objects in the whole transfer, 0 while libgit2 does not know yet.
    public var totalObjects: Int
    /// Bytes received or sent so far.
    public var bytes: Int

    /// Creates a progress report from its parts.
    public init(direction: Direction, objects: Int, totalObjects: Int, bytes: Int) {
        self.direction = direction
        self.objects = objects
        self.totalObjects = totalObjects
        self.bytes = bytes
    }
}

/// What one pushed reference became on the remote.
public struct PushedReference: Hashable, Sendable {
    /// The remote reference, e.g. `refs/heads/main`.
    public var name: String
    /// The remote's reason for refusing the update (`non-fast-forward`,
    /// `pre-receive hook declined`), or nil when it was accepted.
    public var refusal: String?

    /// Creates a pushed reference from its parts.
    public init(name: String, refusal: String?) {
        self.name = name
        self.refusal = refusal
    }
}

/// What a transfer may use to reach a remote: where certificates and host keys are trusted
/// from and where credentials come from.
public struct TransferSettings: Sendable {
    /// A PEM file of certificate authorities to trust for HTTPS besides the system's, or nil.
    /// libgit2 keeps trusted authorities per process: HTTPS transfers apply it under a
    /// process-wide lock (see docs/transports.md).
    public var certificateAuthorityFile: String?
    /// The environment credentials and host keys are looked up in (`HOME` for
    /// `~/.ssh/known_hosts`, `PATH` and git's configuration variables for `git credential`,
    /// `SSH_AUTH_SOCK`, the variables of ``TransferEnvironment``).
    public var environment: [String: String]

    /// Creates settings; by default the system's certificate authorities and the process's
    /// environment.
    public init(certificateAuthorityFile: String? = nil, environment: [String: String]) {
        self.certificateAuthorityFile = certificateAuthorityFile
        self.environment = environment
    }
}

/// The callbacks one fetch or push hands to libgit2 (`git_remote_callbacks`), and what they
/// collected.
///
/// One instance serves one transfer; libgit2 calls back on the calling thread, so the class
/// needs no lock.
public final class TransferSession {
    /// Called as objects arrive or leave.
    public var onProgress: ((TransferProgress) -> Void)?
    /// The lines the remote printed on its side band (`remote: …`), e.g. why a
    /// `pre-receive` hook refused a push, in the order they came.
    public private(set) var remoteMessages: [String] = []
    /// What the remote said about each pushed reference.
    public private(set) var pushedReferences: [PushedReference] = []

    /// Bytes of a side-band line that has not ended yet.
    private var pendingMessage: [UInt8] = []

    /// Where certificates, host keys and credentials come from.
    public let settings: TransferSettings

    /// Why this session stopped the last transfer (credentials refused, a certificate or host
    /// key not trusted), in words for the user; nil when it did not. Never holds a secret.
    public internal(set) var failure: String?
    /// The remote's URL of the current transfer, as configured (it may hold a user name).
    var url: String = ""
    /// What the current transfer has tried to authenticate with.
    var attempts = CredentialAttempts()

    /// Creates a session; set ``onProgress`` before the transfer to follow it.
    public init(settings: TransferSettings, onProgress: ((TransferProgress) -> Void)? = nil) {
        self.settings = settings
        self.onProgress = onProgress
    }

    /// Collects side-band bytes into whole lines (git ends them with `\n`, or `\r` when a
    /// line is redrawn as progress).
    fileprivate func receiveSideband(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                finishMessage(keep: byte == UInt8(ascii: "\n"))
            } else {
                pendingMessage.append(byte)
            }
        }
    }

    /// Ends the pending side-band line; redrawn progress lines (`\r`) are dropped.
    fileprivate func finishMessage(keep: Bool = true) {
        defer { pendingMessage.removeAll(keepingCapacity: true) }
        guard keep, !pendingMessage.isEmpty else { return }
        remoteMessages.append(String(decoding: pendingMessage, as: UTF8.self))
    }

    func recordPushed(name: String, refusal: String?) {
        pushedReferences.append(PushedReference(name: name, refusal: refusal))
    }

    /// Drops what was recorded for references under `prefix` (a local push's staging ones).
    func forgetPushed(startingWith prefix: String) {
        pushedReferences.removeAll { $0.name.hasPrefix(prefix) }
    }

    /// Fills `callbacks` so libgit2 reports to this session and asks it for credentials and
    /// whether to trust the server; the session must outlive the call.
    fileprivate func install(into callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, url, userFromURL, allowed, payload in
            guard let payload, let out else { return GIT_EAUTH.rawValue }
            let session = Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue()
            return session.acquireCredential(
                out, url: url.map { String(cString: $0) }, userFromURL: userFromURL.map { String(cString: $0) },
                allowed: allowed)
        }
        callbacks.certificate_check = { certificate, valid, host, payload in
            guard let payload, let certificate else { return GIT_ECERTIFICATE.rawValue }
            let session = Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue()
            return session.checkCertificate(certificate, valid: valid != 0, host: host.map { String(cString: $0) } ?? "")
        }
        callbacks.sideband_progress = { text, length, payload in
            guard let payload, let text, length > 0 else { return 0 }
            let session = Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue()
            text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                session.receiveSideband(UnsafeBufferPointer(start: $0, count: Int(length)))
            }
            return 0
        }
        callbacks.transfer_progress = { stats, payload in
            guard let payload, let stats else { return 0 }
            let session = Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue()
            session.onProgress?(
                TransferProgress(
                    direction: .fetch, objects: Int(stats.pointee.received_objects),
                    totalObjects: Int(stats.pointee.total_objects), bytes: Int(stats.pointee.received_bytes)))
            return 0
        }
        callbacks.push_transfer_progress = { current, total, bytes, payload in
            guard let payload else { return 0 }
            let session = Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue()
            session.onProgress?(
                TransferProgress(direction: .push, objects: Int(current), totalObjects: Int(total), bytes: Int(bytes)))
            return 0
        }
        callbacks.push_update_reference = { name, status, payload in
            guard let payload, let name else { return 0 }
            let session = Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue()
            session.recordPushed(name: String(cString: name), refusal: status.map { String(cString: $0) })
            return 0
        }
    }
}

extension Repository {
    /// The URL configured for remote `name` (`remote.NAME.url`), or nil when there is no
    /// such remote (`git_remote_lookup`).
    public func remoteURL(_ name: String) throws -> String? {
        var remote: OpaquePointer?
        let result = git_remote_lookup(&remote, pointer, name)
        if result == GIT_ENOTFOUND.rawValue || result == GIT_EINVALIDSPEC.rawValue {
            git_error_clear()
            return nil
        }
        try GitError.check(result, "git_remote_lookup", context: "cannot read remote '\(name)'")
        guard let remote else { return nil }
        defer { git_remote_free(remote) }
        return git_remote_url(remote).map { String(cString: $0) }
    }

    /// Fetches `refspecs` from `remote`, a configured remote's name or a URL or path
    /// (`git_remote_lookup`, else `git_remote_create_anonymous`; then `git_remote_fetch`).
    ///
    /// Tags are fetched only as the refspecs say (`GIT_REMOTE_DOWNLOAD_TAGS_NONE`), and
    /// remote-tracking references are not pruned, so the caller decides where every fetched
    /// reference lands. Returns the number of objects received.
    @discardableResult
    public func fetch(remote: String, refspecs: [String], session: TransferSession) throws -> Int {
        let handle = try openRemote(remote)
        defer { git_remote_free(handle) }
        var options = git_fetch_options()
        try GitError.check(
            git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        options.prune = GIT_FETCH_NO_PRUNE
        session.install(into: &options.callbacks)
        defer { session.finishMessage() }
        let shown = try beginTransfer(handle, remote: remote, session: session)
        // The reflog names the remote without userinfo (libgit2 would write the URL as is).
        let reflogMessage = "fetch \(shown)"
        try withStringArray(refspecs) { array in
            try transfer(session, "git_remote_fetch", context: "cannot fetch from \(shown)") {
                git_remote_fetch(handle, &array, &options, reflogMessage)
            }
        }
        return Int(git_remote_stats(handle)?.pointee.received_objects ?? 0)
    }

    /// Pushes `refspecs` (`refs/heads/main:refs/heads/main`) to `remote`, a configured
    /// remote's name or a URL or path (`git_remote_push`).
    ///
    /// A reference the remote refuses (someone pushed meanwhile, a hook declined) does not
    /// throw: it is in the session's ``TransferSession/pushedReferences`` with its reason,
    /// and the remote's words in ``TransferSession/remoteMessages``. A push libgit2 itself
    /// refuses before sending (not a fast-forward of what the remote has) throws
    /// ``GitError`` with code ``GitError/Code/modified``.
    ///
    /// To a repository on this machine (a path, `file://`), each reference is moved with a
    /// compare-and-swap after the objects arrived, as a server would (see `LocalPush.swift`).
    public func push(remote: String, refspecs: [String], session: TransferSession) throws {
        let location = RemoteLocation(try remoteURL(remote) ?? remote)
        if location.scheme == "local" || location.scheme == "file" {
            try pushLocally(to: location.path, remote: remote, refspecs: refspecs, session: session)
        } else {
            try pushObjects(remote: remote, refspecs: refspecs, session: session)
        }
    }

    /// `git_remote_push` of `refspecs`, as libgit2's transport for the remote does it.
    func pushObjects(remote: String, refspecs: [String], session: TransferSession) throws {
        let handle = try openRemote(remote)
        defer { git_remote_free(handle) }
        var options = git_push_options()
        try GitError.check(
            git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
        session.install(into: &options.callbacks)
        defer { session.finishMessage() }
        let shown = try beginTransfer(handle, remote: remote, session: session)
        try withStringArray(refspecs) { array in
            try transfer(session, "git_remote_push", context: "cannot push to \(shown)") {
                git_remote_push(handle, &array, &options)
            }
        }
    }

    /// Tells `session` where the transfer goes; returns how to name the remote in messages:
    /// `'origin' (https://host/plans.git)` or `'https://host/plans.git'`, user and password
    /// removed.
    private func beginTransfer(_ handle: OpaquePointer, remote: String, session: TransferSession) throws -> String {
        let url = git_remote_url(handle).map { String(cString: $0) } ?? remote
        session.begin(url: url)
        let redacted = RemoteLocation(url).redacted
        let name = git_remote_name(handle).map { String(cString: $0) }
        return name.map { "'\($0)' (\(redacted))" } ?? "'\(redacted)'"
    }

    /// Runs one libgit2 transfer call: under the trusted certificate authorities for HTTPS,
    /// approving a working password afterwards. A failure throws ``GitError`` whose context
    /// is the session's own reason when it stopped the transfer (credentials refused, server
    /// not trusted), else `context`.
    private func transfer(
        _ session: TransferSession, _ function: String, context: String, _ call: () -> Int32
    ) throws {
        _ = brokenConnectionsAreErrors
        let result =
            session.location.scheme == "https"
            ? try CertificateAuthorities.withTrusted(session.settings.certificateAuthorityFile, call) : call()
        session.finish(succeeded: result >= 0)
        if result < 0 {
            throw GitError.last(returnCode: result, function: function, context: session.failure ?? context)
        }
    }

    /// A remote handle for a configured remote's name, else for `remote` taken as a URL or path.
    private func openRemote(_ remote: String) throws -> OpaquePointer {
        var handle: OpaquePointer?
        let lookup = git_remote_lookup(&handle, pointer, remote)
        if lookup == 0, let handle { return handle }
        git_error_clear()
        guard lookup == GIT_ENOTFOUND.rawValue || lookup == GIT_EINVALIDSPEC.rawValue else {
            try GitError.check(lookup, "git_remote_lookup", context: "cannot read remote '\(remote)'")
            throw GitError(code: .notFound, message: "no remote", function: "git_remote_lookup")
        }
        try GitError.check(
            git_remote_create_anonymous(&handle, pointer, remote), "git_remote_create_anonymous",
            context: "'\(remote)' is neither a configured remote nor a URL")
        return try unwrap(handle, "git_remote_create_anonymous")
    }
}

/// A write to a connection the other side closed raises SIGPIPE, which kills the process
/// unless ignored; libgit2 leaves that to its caller. Ignored once, before the first
/// transfer, so a connection broken in the middle of a push is an error libgit2 reports
/// (EPIPE) like any other. Process-wide (docs/transports.md).
private let brokenConnectionsAreErrors: Bool = {
    signal(SIGPIPE, SIG_IGN)
    return true
}()

/// Lends `strings` to a C call as a `git_strarray` whose strings live for the call only.
@discardableResult
func withStringArray<Result>(_ strings: [String], _ body: (inout git_strarray) throws -> Result) rethrows -> Result {
    var copies = strings.map { strdup($0) }
    defer {
        for copy in copies { free(copy) }
    }
    return try copies.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return try body(&array)
    }
}
