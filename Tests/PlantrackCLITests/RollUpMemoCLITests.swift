import Foundation
import Testing

@Suite("trend: persistent cache")
struct TrendCacheTests {
    @Test("the cache is written under .git/plantrack, reused, and ignored when corrupt")
    func persistentCache() throws {
        let fixture = try RollUpFixture()
        let arguments = ["trend", "--since", "2021-01-01", "--until", "2021-01-17", "--every", "week", "--format", "json"]
        let cacheFile = fixture.repo.url.appendingPathComponent(".git/plantrack/parsed-v1.cache")
        let fresh = try CLI.run(arguments + ["--no-cache"], in: fixture.repo.url)
        #expect(!FileManager.default.fileExists(atPath: cacheFile.path))
        let first = try CLI.run(arguments, in: fixture.repo.url)
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))
        let second = try CLI.run(arguments, in: fixture.repo.url)
        try Data("not a cache".utf8).write(to: cacheFile)
        let corrupt = try CLI.run(arguments, in: fixture.repo.url)
        #expect(first.stdout == fresh.stdout)
        #expect(second.stdout == fresh.stdout)
        #expect(corrupt.stdout == fresh.stdout)
        #expect(corrupt.status == 0)
        // Rewritten as a good cache.
        let bytes = try Data(contentsOf: cacheFile)
        #expect(bytes.starts(with: Data("PTDC".utf8)))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cacheFile.deletingLastPathComponent().path)
        #expect(leftovers == ["parsed-v1.cache"])
    }
}
