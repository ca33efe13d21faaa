import CGit2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The certificate authorities HTTPS transfers trust, which libgit2 keeps process-wide
/// (`GIT_OPT_SET_SSL_CERT_LOCATIONS`).
///
/// Debian's libgit2 1.5 uses mbedTLS, where naming locations replaces the authorities loaded
/// before. So a transfer with a CA file names that file and the system's folder of
/// authorities (`/etc/ssl/certs`), and one without names the system's bundle again. Because
/// the setting is global, HTTPS transfers take a process-wide lock for their whole length
/// (a handshake may happen late in a push), so two transfers in one process with different
/// CA files cannot see each other's. The CLI makes one transfer per process; tests make many.
enum CertificateAuthorities {
    /// The system's bundle of authorities, the first of the usual places that exists.
    static let systemBundle: String? = [
        "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem",
    ].first { access($0, R_OK) == 0 }

    /// The system's folder of authorities, if it exists.
    static let systemFolder: String? = access("/etc/ssl/certs", R_OK) == 0 ? "/etc/ssl/certs" : nil

    /// Guards libgit2's global locations and ``applied``.
    private static let lock = TransferLock()
    /// The CA file applied last; `.some(nil)` once the system's defaults were named again.
    nonisolated(unsafe) private static var applied: String?? = .none

    /// Runs `body` with `file` (plus the system's authorities) trusted, or the system's alone
    /// when `file` is nil, holding the lock throughout.
    static func withTrusted<Result>(_ file: String?, _ body: () throws -> Result) throws -> Result {
        lock.lock()
        defer { lock.unlock() }
        try Libgit2.ensureInitialized()
        if applied != .some(file) {
            if let file {
                guard access(file, R_OK) == 0 else {
                    throw GitError(
                        code: .notFound, message: "cannot read '\(file)'",
                        function: "git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS)",
                        context: "the certificate authority file '\(file)' cannot be read")
                }
                try GitError.check(
                    plantrack_git_set_ssl_cert_locations(file, systemFolder),
                    "git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS)",
                    context: "cannot load the certificate authorities in '\(file)'")
            } else if let systemBundle {
                try GitError.check(
                    plantrack_git_set_ssl_cert_locations(systemBundle, nil),
                    "git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS)",
                    context: "cannot load the system's certificate authorities from '\(systemBundle)'")
            }
            applied = .some(file)
        }
        return try body()
    }
}

/// A plain mutex (pthreads), for state libgit2 keeps per process.
final class TransferLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        return mutex
    }()

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }
}
