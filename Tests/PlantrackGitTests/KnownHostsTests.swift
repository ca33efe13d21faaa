import Foundation
import PlantrackGit
import Testing

/// known_hosts parsing and matching, and reading remote URLs, without a server.
@Suite struct KnownHostsTests {
    // Two ed25519 keys made with ssh-keygen for these tests; the hashed line is
    // `ssh-keygen -H` of `[127.0.0.1]:2222 <first key>`.
    static let first = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEnhrXgQ3d/z3yF31P50aerlplNRCjzWtitnJYJQupsR"
    static let second = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIM0+8oIm2W63t5jK1hfg25SmGGib6L6v7RaiK9hf1KWB"
    static let hashed = "|1|ccQfn4UiztnbRolQCWoOoO4O+44=|XlV7CMqDWJSdZA3wEZ9zYozc4jE= " + first

    static func blob(_ line: String) throws -> [UInt8] {
        let field = try #require(line.split(separator: " ").last)
        return Array(try #require(Data(base64Encoded: String(field))))
    }

    @Test func aPlainEntryTrustsItsKeyOnItsPortOnly() throws {
        let hosts = KnownHosts(text: "# comment\n[127.0.0.1]:2222 \(Self.first)\ngit.example.se,10.0.0.1 \(Self.second)\n")
        let key = try Self.blob(Self.first)
        #expect(hosts.verify(name: "[127.0.0.1]:2222", key: key, sha256: nil) == .trusted)
        #expect(hosts.verify(name: "[127.0.0.1]:2222", key: try Self.blob(Self.second), sha256: nil) == .mismatch)
        #expect(hosts.verify(name: "127.0.0.1", key: key, sha256: nil) == .unknownHost)
        #expect(hosts.verify(name: "10.0.0.1", key: try Self.blob(Self.second), sha256: nil) == .trusted)
    }

    @Test func aHashedEntryMatchesByHMAC() throws {
        let hosts = KnownHosts(text: Self.hashed + "\n")
        #expect(hosts.verify(name: "[127.0.0.1]:2222", key: try Self.blob(Self.first), sha256: nil) == .trusted)
        #expect(hosts.verify(name: "[127.0.0.1]:2223", key: try Self.blob(Self.first), sha256: nil) == .unknownHost)
        #expect(hosts.verify(name: "[127.0.0.1]:2222", key: try Self.blob(Self.second), sha256: nil) == .mismatch)
    }

    @Test func aRevokedKeyIsNotTrustedAndMarkersAreSkipped() throws {
        let text = "@revoked [127.0.0.1]:2222 \(Self.first)\n[127.0.0.1]:2222 \(Self.first)\n@cert-authority * \(Self.second)\n"
        let hosts = KnownHosts(text: text)
        #expect(hosts.verify(name: "[127.0.0.1]:2222", key: try Self.blob(Self.first), sha256: nil) == .mismatch)
        #expect(hosts.verify(name: "other", key: try Self.blob(Self.second), sha256: nil) == .unknownHost)
    }

    @Test func remoteURLsAreReadAndPrintedWithoutUserinfo() {
        let https = RemoteLocation("https://anna:hemligt@127.0.0.1:8443/plans.git")
        #expect(https.scheme == "https")
        #expect(https.user == "anna")
        #expect(https.hadPassword)
        #expect(https.port == 8443)
        #expect(https.redacted == "https://127.0.0.1:8443/plans.git")
        #expect(!https.redacted.contains("hemligt"))
        let scp = RemoteLocation("git@git.example.se:plans.git")
        #expect(scp.scheme == "ssh")
        #expect(scp.user == "git")
        #expect(scp.knownHostsName == "git.example.se")
        #expect(scp.redacted == "ssh://git.example.se/plans.git")
        let ssh = RemoteLocation("ssh://root@127.0.0.1:2222/srv/plans.git")
        #expect(ssh.knownHostsName == "[127.0.0.1]:2222")
        #expect(RemoteLocation("/srv/git/plans.git").redacted == "/srv/git/plans.git")
        #expect(RemoteLocation("file:///srv/git/plans.git").redacted == "file:///srv/git/plans.git")
        #expect(RemoteLocation("https://anna%40lan@host/x").user == "anna@lan")
    }
}
