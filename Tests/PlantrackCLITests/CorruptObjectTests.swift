import Foundation
import PlantrackGit
import Testing

/// A loose object damaged on disk so that it still inflates (valid zlib, right checksum)
/// but holds other bytes than its id says: git reads it without complaint, only `git fsck`
/// notices. plantrack must fail on it, naming the object and the file, and print no figures.
@Suite("a corrupted object is an error, never a figure")
struct CorruptObjectTests {
    static let path = "Plans/sthlm/2021/activities/bu-p1.md"

    /// HEAD's `bu-p1.md` as DiffHistory commits it (status `done`).
    static let recorded = DiffHistory.activity(
        "bu-p1", status: "done",
        extra: "completed: 2021-06-01\ntasks:\n  - title: Ta fram stödmaterial\n    done: true\n",
        body: "Vi stödjer alla kommuner i länet.\n")

    /// DiffHistory's two commits, with HEAD's `bu-p1.md` (status `done`) replaced on disk by
    /// the same document saying `planned`; returns the repository and the blob's id.
    static func damagedRepository() throws -> (TestRepository, String) {
        let repo = try DiffHistory.make()
        // Storing bytes that exist writes nothing and returns their id.
        let id = try repo.repository.createBlob(Array(recorded.utf8)).hex
        let committed = try repo.repository.snapshot(revision: "HEAD").entries(under: "Plans")
        #expect(committed.contains { $0.path == path && $0.contentID == id })
        let forged = recorded.replacingOccurrences(of: "status: done", with: "status: planned")
        try storeLoose(forged, as: id, in: repo)
        return (repo, id)
    }

    /// Writes `text` as the loose object file of blob `id`, whatever `text` hashes to.
    static func storeLoose(_ text: String, as id: String, in repo: TestRepository) throws {
        let object = repo.url.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
        #expect(FileManager.default.fileExists(atPath: object.path))
        // Loose objects are written read-only; replace the file rather than open it.
        try FileManager.default.removeItem(at: object)
        let content = Array("blob \(text.utf8.count)\0".utf8) + Array(text.utf8)
        try Data(zlibStored(content)).write(to: object)
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
        "every command that reads the commit fails, naming the object and the file",
        arguments: [
            ["show", "sthlm/2021/bu-p1", "--rev", "HEAD", "--format", "json"],
            ["show", "sthlm/2021/bu-p1", "--rev", "HEAD"],
            ["list", "--rev", "HEAD"],
            ["validate", "--rev", "HEAD", "--format", "json"],
            ["validate", "--rev", "HEAD"],
            ["rollup", "--rev", "HEAD", "--format", "json"],
            ["rollup", "--rev", "HEAD", "--by", "stream", "--format", "csv"],
            // Documents left out are counted as incomplete figures; a corrupted one is not.
            ["rollup", "--rev", "HEAD", "--allow-invalid", "--format", "json"],
            ["rollup", "--rev", "HEAD", "--allow-invalid", "--by", "stream", "--format", "csv"],
            ["report", "--rev", "HEAD", "--year", "2021"],
            ["report", "--rev", "HEAD", "--year", "2021", "--allow-invalid", "--format", "markdown"],
            ["diff", "HEAD~1", "HEAD", "--format", "json"],
            ["trend", "--since", "2021-01-01", "--until", "2021-01-10", "--every", "week", "--format", "json"],
            ["trend", "--since", "2021-01-01", "--until", "2021-01-10", "--every", "week", "--allow-invalid"],
            ["log", "sthlm/2021/bu-p1"],
        ])
    func commandsFail(arguments: [String]) throws {
        let (repo, id) = try Self.damagedRepository()
        let result = try CLI.run(arguments, in: repo.url)
        #expect(result.status != 0, "\(arguments): \(result.stdout)")
        let said = result.stdout + result.stderr
        #expect(said.contains(id), "\(arguments): \(said)")
        #expect(said.contains(Self.path), "\(arguments): \(said)")
        #expect(said.contains("corrupted"), "\(arguments): \(said)")
        // No figure and no finding is printed: the damage is no property of a document.
        #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
        #expect(!said.contains("file.unreadable"), "\(arguments): \(said)")
    }

    @Test("the error names the file first, then the object: plantrack's one-line form")
    func errorLine() throws {
        let (repo, id) = try Self.damagedRepository()
        let result = try CLI.run(["rollup", "--rev", "HEAD", "--allow-invalid"], in: repo.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("plantrack: error: \(Self.path): object \(id) is corrupted: "), "\(result.stderr)")
    }

    @Test("nothing of a corrupted object is memoised: repaired, it gives the right figures")
    func repairedObject() throws {
        let (repo, id) = try Self.damagedRepository()
        let memoFile = repo.url.appendingPathComponent(".git/plantrack/rollup-memo.bin")
        // A memo made while the object is damaged: the commit before, whose other files
        // HEAD shares, and the walks and roll-ups that meet the damage.
        #expect(try CLI.run(["rollup", "--rev", "HEAD~1", "--allow-invalid", "--format", "json"], in: repo.url).status == 0)
        for arguments in [
            ["rollup", "--rev", "HEAD", "--allow-invalid", "--format", "json"],
            ["rollup", "--rev", "HEAD", "--format", "json"],
            ["trend", "--since", "2021-01-01", "--every", "week", "--allow-invalid", "--format", "json"],
        ] {
            #expect(try CLI.run(arguments, in: repo.url).status != 0, "\(arguments)")
        }
        #expect(FileManager.default.fileExists(atPath: memoFile.path))

        // Fetched again: the loose object holds the recorded bytes.
        try Self.storeLoose(Self.recorded, as: id, in: repo)
        let withMemo = try CLI.run(["rollup", "--rev", "HEAD", "--format", "json"], in: repo.url)
        #expect(withMemo.status == 0, "\(withMemo.stderr)")
        #expect(withMemo.stderr.isEmpty, "\(withMemo.stderr)")
        try FileManager.default.removeItem(at: memoFile)
        let fresh = try CLI.run(["rollup", "--rev", "HEAD", "--format", "json"], in: repo.url)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(withMemo.stdout == fresh.stdout)
        // bu-p1 is counted as the commit says: done.
        #expect(fresh.stdout.contains("\"done\" : 1") || fresh.stdout.contains("\"done\": 1"), "\(fresh.stdout)")
    }
}
