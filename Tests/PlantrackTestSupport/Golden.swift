import Foundation
import Testing

/// Golden files: expected output kept in the repository and compared byte for byte.
///
/// With `PLANTRACK_UPDATE_GOLDEN=1` a comparison writes the output as the new golden file
/// and then fails, as swift-snapshot-testing's record mode does: a recording is never a
/// pass, so a wrong output cannot be re-recorded green. Run again without the variable,
/// and review the diff of the golden files before committing.
public enum Golden {
    /// Whether this run records golden files instead of checking them.
    public static var recording: Bool {
        ProcessInfo.processInfo.environment["PLANTRACK_UPDATE_GOLDEN"] == "1"
    }

    /// Checks `actual` against the golden file at `url`, or records it there when
    /// `recording`. Returns nil when the file holds exactly `actual`; otherwise why the
    /// test fails: the first differing line, the missing file, or that it was recorded.
    /// `filter` is the `swift test --filter` that regenerates the file.
    public static func check(
        _ actual: String, against url: URL, recording: Bool = Golden.recording, filter: String
    ) throws -> String? {
        if recording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return "recorded \(url.path); run again without PLANTRACK_UPDATE_GOLDEN to check"
        }
        let regenerate = "Regenerate with PLANTRACK_UPDATE_GOLDEN=1 swift test --filter \(filter) if the change is intended."
        guard FileManager.default.fileExists(atPath: url.path) else {
            return "no golden file at \(url.path). \(regenerate)"
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard actual != expected else { return nil }
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
        return """
            \(url.lastPathComponent) differs from the golden file at line \(line + 1):
              expected: \(line < want.count ? String(want[line]) : "(end of file)")
              got:      \(line < got.count ? String(got[line]) : "(end of file)")
            \(regenerate)
            """
    }

    /// Expects `actual` to equal the golden file at `url` (see ``check(_:against:recording:filter:)``),
    /// recording an issue at the caller when it does not or when the file was recorded.
    public static func expect(
        _ actual: String, matches url: URL, recording: Bool = Golden.recording, filter: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if let failure = try check(actual, against: url, recording: recording, filter: filter) {
            Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
        }
    }
}
