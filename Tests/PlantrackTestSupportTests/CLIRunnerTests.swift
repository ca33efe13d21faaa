import Foundation
import PlantrackTestSupport
import Testing

@Suite struct CLIRunnerTests {
    /// A program that fills stderr's pipe (64 KiB on Linux) long before it writes to
    /// stdout: a runner that read stdout to its end first would wait for ever.
    @Test func aProgramFillingStderrBeforeStdoutCompletes() throws {
        let result = try CLI.run(
            ["-c", "head -c 2000000 /dev/zero >&2; echo done"], executable: "/bin/sh", timeout: 120)
        #expect(result.status == 0)
        #expect(result.stdout == "done\n")
        #expect(result.stderr.utf8.count == 2_000_000)
    }

    @Test func bothStreamsAndTheStatusAreKeptApart() throws {
        let result = try CLI.run(["-c", "printf ut; printf fel >&2; exit 3"], executable: "/bin/sh")
        #expect(result == CLIResultParts(stdout: "ut", stderr: "fel", status: 3))
    }

    @Test func aProgramPastItsTimeIsKilledAndTheRunFailsNamingIt() throws {
        let started = Date()
        let error = try #require(throws: ProcessTimedOut.self) {
            try CLI.run(["30"], executable: "/bin/sleep", timeout: 1)
        }
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(error.command == "/bin/sleep 30")
        #expect(error.description.contains("`/bin/sleep 30` did not finish within 1.0 s"))
    }

    /// The shell is killed, but a child it left holding the pipes must not make the run
    /// wait beyond its time either.
    @Test func aChildHoldingThePipesOpenDoesNotOutlastTheTimeout() throws {
        let started = Date()
        #expect(throws: ProcessTimedOut.self) {
            try CLI.run(["-c", "sleep 30 & sleep 30"], executable: "/bin/sh", timeout: 1)
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }
}

/// The parts of a ``CLIResult`` compared at once.
private struct CLIResultParts: Equatable {
    var stdout: String
    var stderr: String
    var status: Int32
}

private func == (result: CLIResult, parts: CLIResultParts) -> Bool {
    CLIResultParts(stdout: result.stdout, stderr: result.stderr, status: result.status) == parts
}
