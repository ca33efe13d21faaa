import Foundation
import Testing

/// The README's tour, read as examples: each fenced block that starts with `$ ` is a
/// session of commands, each followed by what it prints. A block may end in a line `...`
/// (indented or not) where the rest of the output is left out.
enum ReadmeExamples {
    /// One command of a block and the output the README shows for it.
    struct Step {
        /// The command line as written, without the `$ `.
        var commandLine: String
        /// The words of the command line (double quotes group words, as in a shell).
        var words: [String]
        /// The output lines shown, without the `...` marker.
        var output: [String]
        /// Whether the README leaves the rest of the output out (`...`).
        var truncated: Bool
    }

    /// Every `$ `-block of README.md, as its steps.
    static func blocks() throws -> [[Step]] {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var blocks: [String] = []
        var inside: String?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let block = inside { blocks.append(block) }
                inside = inside == nil ? "" : nil
            } else if let block = inside {
                inside = block + line + "\n"
            }
        }
        return blocks.filter { $0.hasPrefix("$ ") }.map(steps(of:))
    }

    /// The blocks of exactly one `plantrack COMMAND` step (the bundled Plans/ examples).
    static func singleCommandBlocks(_ command: String) throws -> [Step] {
        try blocks().compactMap { steps in
            guard steps.count == 1, steps[0].words.count >= 2,
                steps[0].words[0] == "plantrack", steps[0].words[1] == command
            else { return nil }
            return steps[0]
        }
    }

    static func steps(of block: String) -> [Step] {
        var steps: [Step] = []
        var lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        for line in lines {
            if line.hasPrefix("$ ") {
                let commandLine = String(line.dropFirst(2))
                steps.append(Step(commandLine: commandLine, words: words(of: commandLine), output: [], truncated: false))
            } else if line.trimmingCharacters(in: .whitespaces) == "..." {
                steps[steps.count - 1].truncated = true
            } else {
                steps[steps.count - 1].output.append(line)
            }
        }
        return steps
    }

    /// Splits a command line at spaces; double quotes keep spaces inside a word.
    static func words(of commandLine: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quoted = false
        var inWord = false
        for character in commandLine {
            if character == "\"" {
                quoted.toggle()
                inWord = true
            } else if character == " " && !quoted {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// Runs the step's `plantrack` command in `directory` and expects the exit status and,
    /// line for line, the output the README shows (stdout; or the prefix shown when the
    /// README leaves the rest out).
    static func expectBinaryPrints(
        _ step: Step, in directory: URL? = nil, status: Int32 = 0,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(step.words.first == "plantrack", "\(step.commandLine)", sourceLocation: sourceLocation)
        let result = try CLI.run(Array(step.words.dropFirst()), in: directory)
        #expect(result.status == status, "\(step.commandLine): \(result.stderr)", sourceLocation: sourceLocation)
        var actual = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if actual.last == "" { actual.removeLast() }
        if step.truncated { actual = Array(actual.prefix(step.output.count)) }
        #expect(actual == step.output, "\(step.commandLine)", sourceLocation: sourceLocation)
    }
}

@Suite("README examples")
struct ReadmeExamplesTests {
    @Test func theReaderSplitsWordsAndSteps() {
        #expect(
            ReadmeExamples.words(of: #"plantrack new plan x/2026 --title "Plan 2026" --area bu="Barn och unga""#)
                == ["plantrack", "new", "plan", "x/2026", "--title", "Plan 2026", "--area", "bu=Barn och unga"])
        let steps = ReadmeExamples.steps(of: "$ plantrack a\none\n  two\n$ plantrack b\nthree\n  ...\n")
        #expect(steps.map(\.commandLine) == ["plantrack a", "plantrack b"])
        #expect(steps.map(\.output) == [["one", "  two"], ["three"]])
        #expect(steps.map(\.truncated) == [false, true])
    }

    /// The `list`, `show`, `validate` and `indicators` examples on the bundled Plans/ are
    /// what the binary prints there.
    @Test(arguments: [("list", 2), ("show", 1), ("validate", 1), ("indicators", 1)])
    func theBundledPlansExamplesMatchTheBinary(command: String, atLeast: Int) throws {
        let examples = try ReadmeExamples.singleCommandBlocks(command)
        #expect(examples.count >= atLeast, "README examples of \(command)")
        for example in examples { try ReadmeExamples.expectBinaryPrints(example) }
    }

    /// The example of a document with mistakes: the document the README shows, beside
    /// Stockholm's county.md, gives the findings the README shows and exit 1.
    @Test func theValidateExampleWithMistakesMatchesTheBinary() throws {
        let block = try #require(try ReadmeExamples.blocks().first { $0.first?.commandLine.hasPrefix("cat Plans/") == true })
        #expect(block.count == 2)
        let (show, validate) = (block[0], block[1])
        #expect(!show.truncated && show.words.count == 2)
        let repo = try TestRepository()
        let county = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Plans/stockholm/county.md"), encoding: .utf8)
        try repo.write("Plans/stockholm/county.md", county)
        try repo.write(show.words[1], show.output.joined(separator: "\n") + "\n")
        #expect(validate.commandLine == "plantrack validate")
        try ReadmeExamples.expectBinaryPrints(validate, in: repo.url, status: 1)
    }
}
