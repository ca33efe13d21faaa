import PlantrackGit
import Testing

@Suite struct RevisionTests {
    @Test func revisionThatDoesNotExist() throws {
        let test = try TestRepository()
        try test.commit("Första", ["a.md": TestFile("1")])
        let error = try #require(throws: GitError.self) { try test.repository.resolveCommit("nope") }
        #expect(error.code == .notFound)
        #expect(error.context == "unknown revision 'nope'")
        #expect(error.function == "git_revparse_single")
        #expect(error.description.hasPrefix("unknown revision 'nope' (git_revparse_single: "))

        let tooFar = try #require(throws: GitError.self) { try test.repository.resolveCommit("HEAD~5") }
        #expect(tooFar.code == .notFound)
        #expect(tooFar.context == "unknown revision 'HEAD~5'")

        let snapshotError = try #require(throws: GitError.self) { try test.repository.snapshot(revision: "nope") }
        #expect(snapshotError.code == .notFound)
    }

    @Test func relativeTagBranchAndIdSpecs() throws {
        let test = try TestRepository()
        let first = try test.commit("Första", ["a.md": TestFile("1")])
        let second = try test.commit("Andra", ["a.md": TestFile("2")])
        let repository = test.repository

        #expect(try repository.resolveCommit("HEAD").id == second)
        #expect(try repository.resolveCommit("HEAD~1").id == first)
        #expect(try repository.resolveCommit("HEAD^").id == first)
        #expect(try repository.resolveCommit("main").id == second)
        #expect(try repository.resolveCommit("refs/heads/main~1").id == first)
        #expect(try repository.resolveCommit(first.hex).id == first)
        #expect(try repository.resolveCommit(String(first.hex.prefix(10))).id == first)

        let firstCommit = try repository.commit(first)
        try repository.createTag(
            named: "plan-2024", target: firstCommit, tagger: TestRepository.author, message: "Fastställd plan\n")
        try repository.createLightweightTag(named: "lätt", target: firstCommit)
        try repository.createBranch(named: "utkast", at: firstCommit)
        #expect(try repository.resolveCommit("plan-2024").id == first)
        #expect(try repository.resolveCommit("refs/tags/plan-2024").id == first)
        #expect(try repository.resolveCommit("lätt").id == first)
        #expect(try repository.resolveCommit("utkast").id == first)
        #expect(try repository.tagNames() == ["lätt", "plan-2024"])
        #expect(try repository.tagNames(matching: "plan-*") == ["plan-2024"])

        let duplicate = try #require(throws: GitError.self) {
            try repository.createTag(named: "plan-2024", target: firstCommit, tagger: TestRepository.author, message: "x")
        }
        #expect(duplicate.code == .exists)
        #expect(duplicate.function == "git_tag_create")
    }

    @Test func aTreeIsNotACommit() throws {
        let test = try TestRepository()
        try test.commit("Första", ["a.md": TestFile("1")])
        let error = try #require(throws: GitError.self) { try test.repository.resolveCommit("HEAD^{tree}") }
        #expect(error.context == "revision 'HEAD^{tree}' is not a commit")
        #expect(error.function == "git_object_peel")
    }

    @Test func invalidSpec() throws {
        let test = try TestRepository()
        try test.commit("Första", ["a.md": TestFile("1")])
        let error = try #require(throws: GitError.self) { try test.repository.resolveCommit("HEAD@{") }
        #expect(error.code == .invalidSpec)
        #expect(error.context == "invalid revision 'HEAD@{'")
    }

    @Test func referencesAndHead() throws {
        let test = try TestRepository()
        let first = try test.commit("Första", ["a.md": TestFile("1")])
        let head = try test.repository.reference(named: "HEAD")
        #expect(head.symbolicTarget == "refs/heads/main")
        #expect(head.target == nil)
        #expect(try head.resolved().target == first)
        #expect(try head.peelToCommit().id == first)
        try test.repository.setReference(named: "refs/heads/annan", to: first)
        try test.repository.setHead("refs/heads/annan")
        #expect(try test.repository.reference(named: "HEAD").symbolicTarget == "refs/heads/annan")
        let missing = try #require(throws: GitError.self) { try test.repository.reference(named: "refs/heads/saknas") }
        #expect(missing.code == .notFound)
    }

    @Test func historyWalksFirstParentAndTopologically() throws {
        let test = try TestRepository()
        let first = try test.commit("1", ["a.md": TestFile("1")])
        let side = try test.sideCommit("sidospår", parent: first, ["b.md": TestFile("b")])
        let second = try test.commit("2", ["a.md": TestFile("2")])
        let merge = try test.commit("sammanfogning", ["b.md": TestFile("b")], parents: [side])
        let repository = test.repository
        #expect(try repository.commit(merge).parentIDs == [second, side])

        let all = try repository.history(from: merge)
        #expect(all.count == 4)
        #expect(all.first == merge)
        #expect(all.last == first)
        #expect(Set(all) == [first, side, second, merge])
        #expect(try repository.history(from: merge, firstParentOnly: true) == [merge, second, first])

        let walk = try RevisionWalk(repository: repository, order: [.topological, .reverse])
        try walk.pushHead()
        try walk.hide(second)
        #expect(try walk.remaining() == [side, merge])
        try walk.reset()
        try walk.push(second)
        #expect(try walk.remaining() == [first, second])
    }
}
