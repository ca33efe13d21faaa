import Foundation
import Testing

@testable import PlantrackCore

@Suite("The sources' fingerprint")
struct SourceFingerprintTests {
    @Test("is the SHA-256 of what sha256sum prints for PlantrackCore's and JSONSchema's sources, as they are now")
    func matchesTheSources() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "find Sources/PlantrackCore Sources/JSONSchema -name '*.swift' | LC_ALL=C sort | xargs sha256sum | sha256sum",
        ]
        process.currentDirectoryURL = root
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let printed = String(decoding: data, as: UTF8.self).prefix(64)
        #expect(printed.count == 64)
        #expect(String(printed) == RollUpMemo.sourceFingerprint)
        #expect(SourceFingerprint.files > 100)
    }
}
