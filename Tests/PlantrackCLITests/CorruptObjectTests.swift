import Foundation
import PlantrackGit
import Testing

/// A loose object damaged on disk so that it still inflates (valid zlib, right checksum)
/// but holds other bytes than its id says: git reads it without complaint, only `git fsck`
/// notices. plantrack must fail on it, naming the object and the file, and print no figures.
@Suite("a corrupted object is an error, never a figure")
struct CorruptObjectTests {
    static let path = "Plans/sthlm/2021/activities/bu-p1.md"

    /// DiffHistory's two commits, with HEAD's `bu-p1.md` (status `done`) replaced on disk by
    /// the same document saying `planned`; returns the repository and the blob's id.
    static func damagedRepository() throws -> (TestRepository, String) {
        let repo = try DiffHistory.make()
        let recorded = DiffHistory.activity(
            "bu-p1", status: "done",
            extra: "completed: 2021-06-01\ntasks:\n  - title: Ta fram stödmaterial\n    done: true\n",
            body: "Vi stödjer alla kommuner i länet.\n")
        // Storing bytes that exist writes nothing and returns their id.
        let id = try repo.repository.createBlob(Array(recorded.utf8)).hex
        let committed = try repo.repository.snapshot(revision: "HEAD").entries(under: "Plans")
        #expect(committed.contains { $0.path == path && $0.contentID == id })
        let forged = recorded.replacingOccurrences(of: "status: done", with: "status: planned")
        let object = repo.url.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
        #expect(FileManager.default.fileExists(atPath: object.path))
        // Loose objects are written read-only; replace the file rather than open it.
        try FileManager.default.removeItem(at: object)
        let content = Array("blob \(forged.utf8.count)\0".utf8) + Array(forged.utf8)
        try Data(zlibStored(content)).write(to: object)
        return (repo, id)
    }

    /// `bytes` as a zlib stream of stored (uncompressed) deflate blocks: what any inflater
    /// reads back as `bytes`, checksum included (RFC 1950, 1951).
    static func zlibStored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let count = min(65_535, bytes.count - start)
            let final: UInt8 = start + count == bytes.count ? 1 : 0
            let length = UInt16(count)
            out += [final, UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8(~length >> 8)]
            out += bytes[start..<start + count]
            start += count
        } while start < bytes.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        let adler = (b << 16) | a
        out += [UInt8(adler >> 24), UInt8((adler >> 16) & 0xff), UInt8((adler >> 8) & 0xff), UInt8(adler & 0xff)]
        return out
    }

    @Test("the damaged object still inflates: git reads the forged bytes without an error")
    func forgeryIsReadable() throws {
        let (repo, id) = try Self.damagedRepository()
        let shown = try CLI.run(["cat-file", "blob", id], in: repo.url, executable: "/usr/bin/git")
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("status: planned"))
    }

    @Test(
        "show, validate --rev, rollup --rev, diff and trend fail, naming the object and the file",
        arguments: [
            ["show", "sthlm/2021/bu-p1", "--rev", "HEAD", "--format", "json"],
            ["validate", "--rev", "HEAD", "--format", "json"],
            ["rollup", "--rev", "HEAD", "--format", "json"],
            ["rollup", "--rev", "HEAD", "--by", "stream", "--format", "csv"],
            ["diff", "HEAD~1", "HEAD", "--format", "json"],
            ["trend", "--since", "2021-01-01", "--until", "2021-01-10", "--every", "week", "--format", "json"],
        ])
    func commandsFail(arguments: [String]) throws {
        let (repo, id) = try Self.damagedRepository()
        let result = try CLI.run(arguments, in: repo.url)
        #expect(result.status != 0, "\(arguments): \(result.stdout)")
        let said = result.stdout + result.stderr
        #expect(said.contains(id), "\(arguments): \(said)")
        #expect(said.contains(Self.path), "\(arguments): \(said)")
        #expect(said.contains("corrupted"), "\(arguments): \(said)")
        // No figure is printed (validate prints its findings, the error among them).
        if arguments[0] != "validate" {
            #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
        }
    }
}
