import Foundation
import Testing

@Suite("rollup and trend: the memo in .git/plantrack")
struct RollUpMemoCLITests {
    @Test("trend writes the memo, reuses it, and ignores it when corrupt")
    func trendMemo() throws {
        let fixture = try RollUpFixture()
        let arguments = [
            "trend", "--since", "2021-01-01", "--until", "2021-01-17", "--every", "week", "--format", "json",
            "--allow-invalid",
        ]
        let memoFile = fixture.repo.url.appendingPathComponent(".git/plantrack/rollup-memo.bin")
        let fresh = try CLI.run(arguments + ["--no-cache"], in: fixture.repo.url)
        #expect(!FileManager.default.fileExists(atPath: memoFile.path))
        let first = try CLI.run(arguments, in: fixture.repo.url)
        #expect(FileManager.default.fileExists(atPath: memoFile.path))
        let second = try CLI.run(arguments, in: fixture.repo.url)
        try Data("not a memo".utf8).write(to: memoFile)
        let corrupt = try CLI.run(arguments, in: fixture.repo.url)
        #expect(first.stdout == fresh.stdout)
        #expect(second.stdout == fresh.stdout)
        #expect(corrupt.stdout == fresh.stdout)
        #expect(corrupt.status == 0)
        // Rewritten as a good memo, with no temporary file left behind.
        let bytes = try Data(contentsOf: memoFile)
        #expect(bytes.starts(with: Data("PTRM".utf8)))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: memoFile.deletingLastPathComponent().path)
        #expect(leftovers == ["rollup-memo.bin"])
    }

    @Test("rollup --rev and --as-of give the same output warm as cold, in every format and grouping")
    func rollupMemo() throws {
        let fixture = try RollUpFixture()
        let memoFile = fixture.repo.url.appendingPathComponent(".git/plantrack/rollup-memo.bin")
        // The working tree is never memoised: its files have no blob ids.
        _ = try CLI.run(["rollup", "--format", "json"], in: fixture.repo.url)
        #expect(!FileManager.default.fileExists(atPath: memoFile.path))
        let runs: [[String]] = [
            ["rollup", "--rev", "HEAD", "--format", "json"],
            ["rollup", "--rev", "HEAD~1", "--by", "area", "--format", "csv"],
            ["rollup", "--as-of", "2021-01-10", "--by", "stream", "--format", "markdown"],
            ["rollup", "--rev", "HEAD", "--by", "priority", "--format", "table"],
        ]
        for arguments in runs {
            try? FileManager.default.removeItem(at: memoFile)
            // HEAD has a5, which has errors: the memo keeps why it is left out.
            let cold = try CLI.run(arguments + ["--allow-invalid"], in: fixture.repo.url)
            #expect(cold.status == 0, "\(arguments)")
            #expect(FileManager.default.fileExists(atPath: memoFile.path))
            let warm = try CLI.run(arguments + ["--allow-invalid"], in: fixture.repo.url)
            #expect(warm.stdout == cold.stdout, "\(arguments)")
            #expect(warm.stderr == cold.stderr, "\(arguments)")
            // Damaged in the middle: the output stays right.
            var bytes = try Data(contentsOf: memoFile)
            bytes[bytes.count / 2] ^= 0x5a
            try bytes.write(to: memoFile)
            let damaged = try CLI.run(arguments + ["--allow-invalid"], in: fixture.repo.url)
            #expect(damaged.stdout == cold.stdout, "\(arguments)")
        }
        // A memo made for a grouping serves figures without one, and the reverse.
        try? FileManager.default.removeItem(at: memoFile)
        let plain = try CLI.run(["rollup", "--rev", "HEAD", "--format", "json", "--allow-invalid"], in: fixture.repo.url)
        let grouped = try CLI.run(["rollup", "--rev", "HEAD", "--by", "area", "--format", "json", "--allow-invalid"], in: fixture.repo.url)
        try? FileManager.default.removeItem(at: memoFile)
        let groupedCold = try CLI.run(
            ["rollup", "--rev", "HEAD", "--by", "area", "--format", "json", "--allow-invalid"], in: fixture.repo.url)
        #expect(grouped.stdout == groupedCold.stdout)
        #expect(
            try CLI.run(["rollup", "--rev", "HEAD", "--format", "json", "--allow-invalid"], in: fixture.repo.url).stdout == plain.stdout)
    }

    @Test("rollup --rev ignores a memo written by a build of other sources, and rewrites it")
    func otherSourcesMemo() throws {
        let fixture = try RollUpFixture()
        let memoFile = fixture.repo.url.appendingPathComponent(".git/plantrack/rollup-memo.bin")
        let arguments = ["rollup", "--rev", "HEAD", "--format", "json", "--allow-invalid"]
        let fresh = try CLI.run(arguments, in: fixture.repo.url)
        #expect(fresh.status == 0)
        let written = try Data(contentsOf: memoFile)
        // `PTRM`, the fingerprint's length (64-bit little-endian), the fingerprint (SHA-256 in hex).
        let header = 4 + 8 + 64
        #expect(written.count > header && written.starts(with: Data("PTRM".utf8)))
        #expect(Array(written[4..<12]) == [64, 0, 0, 0, 0, 0, 0, 0])
        let fingerprint = Array(written[12..<header])
        // A warm run with this build's memo finds every record and leaves the file alone.
        let warm = try CLI.run(arguments, in: fixture.repo.url)
        #expect(warm.stdout == fresh.stdout)
        #expect(try Data(contentsOf: memoFile) == written)
        // The same records under another build's fingerprint: not one of them is used.
        var planted = written
        planted.replaceSubrange(12..<header, with: fingerprint.reversed())
        #expect(Array(planted[12..<header]) != fingerprint)
        try planted.write(to: memoFile)
        let rebuilt = try CLI.run(arguments, in: fixture.repo.url)
        #expect(rebuilt.status == 0)
        #expect(rebuilt.stdout == fresh.stdout)
        #expect(rebuilt.stderr == fresh.stderr)
        // Worked out again and written under this build's fingerprint, the same records.
        let rewritten = try Data(contentsOf: memoFile)
        #expect(rewritten != planted)
        #expect(Array(rewritten[12..<header]) == fingerprint)
        #expect(rewritten.count == written.count)
    }
}
