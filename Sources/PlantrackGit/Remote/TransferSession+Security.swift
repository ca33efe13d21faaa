import CGit2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The environment variables a transfer reads credentials from (docs/transports.md).
public enum TransferEnvironment {
    /// The user name for HTTP(S) basic authentication when git's credential helpers have
    /// none; the URL's user name when unset.
    public static let username = "PLANTRACK_GIT_USERNAME"
    /// The password (or access token) for HTTP(S) basic authentication when git's credential
    /// helpers have none.
    public static let password = "PLANTRACK_GIT_PASSWORD"
    /// A private key file for SSH, tried before ssh-agent (for CI); its `.pub` beside it is
    /// used when present.
    public static let sshKey = "PLANTRACK_SSH_KEY"
    /// The passphrase of ``sshKey``, when it has one.
    public static let sshPassphrase = "PLANTRACK_SSH_PASSPHRASE"
}

/// What one transfer has tried so far to authenticate; reset when a transfer begins.
struct CredentialAttempts {
    /// The password credential handed to libgit2 last; a second request means it was refused.
    var offered: PasswordCredential?
    /// The user of a password credential the server refused, for the error message.
    var refusedUser: String?
    var askedGit = false
    var readEnvironment = false
    var offeredKeyFile = false
    var offeredAgent = false
    /// The SSH user name offered, for the error message.
    var sshUser: String?
}

extension TransferSession {
    /// Where the transfer goes, as the caller named it; set when it begins.
    var location: RemoteLocation { RemoteLocation(url) }

    /// Starts a transfer to `url`: forgets what the last one tried and why it failed.
    func begin(url: String) {
        self.url = url
        attempts = CredentialAttempts()
        failure = nil
    }

    /// Ends a transfer: a password from git's helpers that worked is approved, so a helper
    /// such as `store` or `cache` keeps it.
    func finish(succeeded: Bool) {
        if succeeded, let offered = attempts.offered, offered.source == .gitCredentialHelper {
            GitCredentialHelper(environment: settings.environment).report(offered, for: location, accepted: true)
        }
        attempts.offered = nil
    }

    /// Records why this session stopped the transfer, and returns the code for libgit2.
    private func refuse(_ reason: String, _ code: git_error_code) -> Int32 {
        failure = reason
        return code.rawValue
    }

    /// The `credentials` callback: a password for HTTP(S), a key for SSH (docs/transports.md).
    func acquireCredential(
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, url callbackURL: String?, userFromURL: String?, allowed: UInt32
    ) -> Int32 {
        let location = callbackURL.map(RemoteLocation.init) ?? self.location
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 {
            return acquirePassword(out, location: location, userFromURL: userFromURL)
        }
        let user = userFromURL ?? settings.environment["USER"] ?? "git"
        attempts.sshUser = user
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
            return git_credential_username_new(out, user)
        }
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            if !attempts.offeredKeyFile, let key = settings.environment[TransferEnvironment.sshKey], !key.isEmpty {
                attempts.offeredKeyFile = true
                let publicKey = access(key + ".pub", R_OK) == 0 ? key + ".pub" : nil
                return git_credential_ssh_key_new(
                    out, user, publicKey, key, settings.environment[TransferEnvironment.sshPassphrase])
            }
            // libssh2 reaches the agent through this process's own SSH_AUTH_SOCK.
            if !attempts.offeredAgent, settings.environment["SSH_AUTH_SOCK"] != nil {
                attempts.offeredAgent = true
                return git_credential_ssh_key_from_agent(out, user)
            }
            if attempts.offeredKeyFile || attempts.offeredAgent {
                return refuse(
                    "authentication failed for \(location.redacted) (user \(user)): the server accepted no key "
                        + "from ssh-agent or \(TransferEnvironment.sshKey)", GIT_EAUTH)
            }
            return refuse(
                "no SSH key for \(location.redacted) (user \(user)): add one to ssh-agent (ssh-add) "
                    + "or name a key file in \(TransferEnvironment.sshKey)", GIT_EAUTH)
        }
        return refuse("\(location.redacted) asks for a kind of authentication plantrack does not offer", GIT_EAUTH)
    }

    /// A user name and password for HTTP(S): git's credential helpers first, then
    /// ``TransferEnvironment/username`` and ``TransferEnvironment/password``. A second request
    /// means the server refused the last one: git's helpers are told (`reject`), and after
    /// both sources the transfer stops.
    private func acquirePassword(
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, location: RemoteLocation, userFromURL: String?
    ) -> Int32 {
        let helper = GitCredentialHelper(environment: settings.environment)
        if let refused = attempts.offered {
            if refused.source == .gitCredentialHelper { helper.report(refused, for: location, accepted: false) }
            attempts.refusedUser = refused.username
            attempts.offered = nil
        }
        var candidate: PasswordCredential?
        if !attempts.askedGit {
            attempts.askedGit = true
            candidate = helper.fill(location, username: userFromURL)
        }
        if candidate == nil, !attempts.readEnvironment {
            attempts.readEnvironment = true
            if let password = settings.environment[TransferEnvironment.password], !password.isEmpty,
                let user = nonEmpty(settings.environment[TransferEnvironment.username]) ?? userFromURL
            {
                candidate = PasswordCredential(username: user, password: password, source: .environment)
            }
        }
        guard let candidate else {
            if let user = attempts.refusedUser {
                return refuse("authentication failed for \(location.redacted) (user \(user))", GIT_EAUTH)
            }
            return refuse(
                "no credentials for \(location.redacted): configure a git credential helper "
                    + "or set \(TransferEnvironment.username) and \(TransferEnvironment.password)", GIT_EAUTH)
        }
        attempts.offered = candidate
        return git_credential_userpass_plaintext_new(out, candidate.username, candidate.password)
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// The `certificate_check` callback: HTTPS certificates as the TLS library judged them
    /// (against the system's authorities and the CA file), SSH host keys against
    /// `~/.ssh/known_hosts`. Nothing is accepted that neither vouches for.
    func checkCertificate(_ certificate: UnsafeMutablePointer<git_cert>, valid: Bool, host: String) -> Int32 {
        let location = self.location
        if certificate.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 {
            return checkHostKey(
                UnsafeMutableRawPointer(certificate).assumingMemoryBound(to: git_cert_hostkey.self).pointee,
                host: host, location: location)
        }
        if valid { return 0 }
        let shown = "\(location.scheme)://\(location.hostAndPort)"
        return refuse(
            "the certificate of \(shown) is not trusted; name the authority that issued it with --ca-file",
            GIT_ECERTIFICATE)
    }

    private func checkHostKey(_ key: git_cert_hostkey, host: String, location: RemoteLocation) -> Int32 {
        var server = location
        server.host = host
        let name = server.knownHostsName
        let home = settings.environment["HOME"] ?? ""
        let file = home + "/.ssh/known_hosts"
        let shownFile = home.isEmpty ? file : "~/.ssh/known_hosts"
        let raw: [UInt8]? =
            key.type.rawValue & GIT_CERT_SSH_RAW.rawValue == 0
            ? nil
            : key.hostkey.map { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: key.hostkey_len) {
                    Array(UnsafeBufferPointer(start: $0, count: key.hostkey_len))
                }
            }
        let sha256: [UInt8]? =
            key.type.rawValue & GIT_CERT_SSH_SHA256.rawValue != 0
            ? withUnsafeBytes(of: key.hash_sha256) { Array($0) } : nil
        let knownHosts = KnownHosts(text: readTextFile(file) ?? "")
        switch knownHosts.verify(name: name, key: raw, sha256: sha256) {
        case .trusted:
            return 0
        case .unknownHost:
            return refuse(
                "no known_hosts entry for \(name) in \(shownFile) (\(file)); check the server's key and add it, "
                    + "e.g. with ssh-keyscan", GIT_ECERTIFICATE)
        case .mismatch:
            return refuse(
                "the host key of \(name) does not match \(shownFile) (\(file)) (possible man-in-the-middle)",
                GIT_ECERTIFICATE)
        }
    }
}

/// The text of a small file, or nil when it cannot be read (POSIX; no Foundation here).
func readTextFile(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16384)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            bytes += chunk[0..<count]
        } else if count < 0 && errno == EINTR {
            continue
        } else if count < 0 {
            return nil
        } else {
            break
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
