import Foundation

/// A certificate authority made for one test with `openssl`, and a server certificate it
/// signed for 127.0.0.1 (subjectAltName IP:127.0.0.1, and DNS:127.0.0.1 for TLS libraries
/// that match names only, as mbedTLS 2.28 does).
public final class TestCertificateAuthority {
    /// The folder holding the keys and certificates.
    public let folder: TemporaryFolder

    /// Makes a new authority and a server certificate; `name` goes into their subjects.
    public init(name: String = "plantrack test CA") throws {
        folder = try TemporaryFolder()
        let openssl = "/usr/bin/openssl"
        let dir = folder.url
        try ServerSupport.run(
            openssl,
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2", "-subj", "/CN=\(name)",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", dir.appendingPathComponent("ca.key").path, "-out", certificate.path,
            ])
        try ServerSupport.run(
            openssl,
            [
                "req", "-newkey", "rsa:2048", "-nodes", "-sha256", "-subj", "/CN=127.0.0.1",
                "-keyout", serverKey.path, "-out", dir.appendingPathComponent("server.csr").path,
            ])
        try folder.write(
            "server.ext",
            "subjectAltName=IP:127.0.0.1,DNS:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n")
        try ServerSupport.run(
            openssl,
            [
                "x509", "-req", "-sha256", "-days", "2", "-in", dir.appendingPathComponent("server.csr").path,
                "-CA", certificate.path, "-CAkey", dir.appendingPathComponent("ca.key").path, "-CAcreateserial",
                "-extfile", dir.appendingPathComponent("server.ext").path, "-out", serverCertificate.path,
            ])
    }

    /// The authority's certificate (PEM): what `--ca-file` names.
    public var certificate: URL { folder.url.appendingPathComponent("ca.pem") }
    /// The server's certificate (PEM), signed by the authority.
    public var serverCertificate: URL { folder.url.appendingPathComponent("server.pem") }
    /// The server's private key (PEM).
    public var serverKey: URL { folder.url.appendingPathComponent("server.key") }
}
