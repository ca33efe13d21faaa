import Foundation
import PlantrackCore
import PlantrackGit
import PlantrackTestSupport
import Testing

/// The two ways ``TestRepository`` builds history keep their fixed authors and dates, which
/// the tests of the other targets rely on.
@Suite struct TestRepositoryTests {
    @Test func workingTreeCommitsAreADayApartFrom2021() throws {
        let repo = try TestRepository()
        try repo.stage("Plans/a.md", "a\n")
        let first = try repo.commit("första\n")
        try repo.write("Plans/b.md", "utanför indexet\n")
        try repo.stage("Plans/a.md", "a2\n")
        let second = try repo.commit("andra\n")
        let third = try repo.commit("tredje\n", time: 1_700_000_000)

        let commits = try [first, second, third].map { try repo.repository.commit($0) }
        let day: Int64 = 86_400
        let expectedTimes: [Int64] = [1_609_459_200 + day, 1_609_459_200 + 2 * day, 1_700_000_000]
        #expect(commits.map(\.author.time) == expectedTimes)
        #expect(commits.allSatisfy { $0.author.name == "Test Samordnare" && $0.author.email == "samordnare@example.se" })
        #expect(try repo.repository.head().id == third)
        let staged = try repo.repository.snapshot(revision: "HEAD").entries(under: "Plans").map(\.path)
        #expect(staged == ["Plans/a.md"])
        #expect(try String(contentsOf: repo.url.appendingPathComponent("Plans/b.md"), encoding: .utf8) == "utanför indexet\n")
        // Commits through the working tree are not the ones made from trees.
        #expect(repo.commits.isEmpty)
    }

    @Test func treeCommitsAreAnHourApartFrom2024AndSideCommitsLeaveHEAD() throws {
        let repo = try TestRepository()
        let first = try repo.commit("första", ["Plans/a.md": TestFile("a"), "Plans/b.md": TestFile("b")])
        let second = try repo.commit("andra", ["Plans/b.md": nil])
        let side = try repo.sideCommit("sidan", parent: first, ["Plans/c.md": TestFile("c")])
        let merge = try repo.commit("ihop", [:], parents: [side])

        #expect(repo.commits == [first, second, merge])
        #expect(repo.files.keys.sorted() == ["Plans/a.md"])
        let times = try [first, second, side, merge].map { try repo.repository.commit($0).author.time }
        let expectedTimes: [Int64] = [1_704_067_200, 1_704_070_800, 1_704_076_200, 1_704_074_400]
        #expect(times == expectedTimes)
        #expect(try repo.repository.commit(merge).author == TestRepository.author.withTime(1_704_074_400))
        #expect(try repo.repository.head().id == merge)
        let sidePaths = try repo.repository.snapshot(revision: side.hex).entries(under: "Plans").map(\.path)
        // The files of the last commit from trees (b removed), plus the side change.
        #expect(sidePaths == ["Plans/a.md", "Plans/c.md"])
    }

    @Test func aBareRepositoryAndItsFolderGoAway() throws {
        var repo: TestRepository? = try TestRepository(bare: true)
        let folder = try #require(repo?.directory)
        #expect(repo?.repository.isBare == true)
        #expect(FileManager.default.fileExists(atPath: folder.path))
        repo = nil
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}

extension Author {
    fileprivate func withTime(_ time: Int64) -> Author {
        var signature = self
        signature.time = time
        return signature
    }
}
