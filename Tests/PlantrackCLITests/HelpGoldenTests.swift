import Foundation
import Testing

/// Every `--help` of the binary compared byte for byte with the files in Golden/help/, so
/// that reorganising the commands' declarations (option groups, type names) cannot change
/// what a user reads. After an intended change of a help text, record them again with
///
///     PLANTRACK_UPDATE_GOLDEN=1 swift test --filter HelpGoldenTests
///
/// (which writes the files and fails, so a recording never passes by itself), review the
/// diff of Tests/PlantrackCLITests/Golden/help/ and run the tests again.
@Suite("help golden files")
struct HelpGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent("help")

    /// Each command path, from the root command to the nested ones.
    static let commands: [[String]] = [
        [],
        ["list"], ["show"], ["validate"], ["hooks"], ["hooks", "install"], ["diff"], ["rollup"], ["trend"],
        ["report"], ["init"], ["new"], ["update"], ["revise"], ["approve"], ["log"],
        ["schemas"], ["schemas", "update"], ["guard"], ["sync"], ["review"], ["indicators"], ["indicators", "import"],
        ["indicators", "fetch"], ["allocation"],
    ]

    /// Commands hidden from the help that lists them (git runs them, people do not); their
    /// own --help still has a golden file.
    static let hidden: [[String]] = [["merge-driver"]]

    /// `help.txt` for the root, `help-schemas-update.txt` for `schemas update`.
    static func fileName(_ command: [String]) -> String {
        (["help"] + command).joined(separator: "-") + ".txt"
    }

    /// Runs `plantrack <command> --help` at the width help text wraps to without a terminal.
    static func help(_ command: [String]) throws -> CLIResult {
        try CLI.run(command + ["--help"], environment: ["COLUMNS": "80"])
    }

    @Test("each --help equals its golden file", arguments: commands + hidden)
    func golden(command: [String]) throws {
        let result = try Self.help(command)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        try Golden.expect(
            result.stdout, matches: Self.folder.appendingPathComponent(Self.fileName(command)),
            filter: "HelpGoldenTests")
    }

    @Test("every command the help lists has a golden file")
    func everyCommandCovered() throws {
        // The subcommands each help lists under SUBCOMMANDS, by name, found from the root.
        var listed: [[String]] = []
        var pending: [[String]] = [[]]
        while let command = pending.popLast() {
            listed.append(command)
            let text = try Self.help(command).stdout
            guard let start = text.range(of: "SUBCOMMANDS:\n") else { continue }
            for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
                guard line.hasPrefix("  ") else { break }
                // A name at two spaces; a wrapped abstract is indented further.
                guard !line.hasPrefix("   "), let name = line.split(separator: " ").first else { continue }
                if name == "help" { continue }
                pending.append(command + [String(name)])
            }
        }
        #expect(Set(listed) == Set(Self.commands))
    }
}
