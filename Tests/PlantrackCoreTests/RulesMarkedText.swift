import PlantrackCore

/// Text with markers `⟦rule-id /pointer⟧` standing exactly where a finding must point.
///
/// The markers are cut out; each remembers the 1-based line and column (in Unicode scalars,
/// like ``SourceLocation``) of the character that follows it in the stripped text. Several
/// markers may stand at one place. The pointer part is optional.
struct MarkedText {
    /// One expected finding.
    struct Marker: Hashable, CustomStringConvertible {
        var rule: String
        var pointer: String?
        var line: Int
        var column: Int

        var description: String { "\(line):\(column) [\(rule)] \(pointer ?? "-")" }
    }

    /// The text without its markers.
    let text: String
    /// The markers, in text order.
    let markers: [Marker]

    init(_ marked: String) {
        var text = String.UnicodeScalarView()
        var markers: [Marker] = []
        var line = 1
        var column = 1
        var marker: String.UnicodeScalarView?
        for scalar in marked.unicodeScalars {
            if var open = marker {
                if scalar == "⟧" {
                    let body = String(open)
                    let parts = body.split(separator: " ", maxSplits: 1).map(String.init)
                    markers.append(
                        Marker(
                            rule: parts.first ?? "", pointer: parts.count > 1 ? parts[1] : nil,
                            line: line, column: column))
                    marker = nil
                } else {
                    open.append(scalar)
                    marker = open
                }
                continue
            }
            if scalar == "⟦" {
                marker = String.UnicodeScalarView()
                continue
            }
            text.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.text = String(text)
        self.markers = markers
    }
}

/// A workspace built from marked files: the files as a ``MemorySnapshot`` and the findings
/// the markers expect.
struct MarkedWorkspace {
    /// One expected or actual finding, in the terms the markers can say.
    struct Expectation: Hashable, CustomStringConvertible {
        var rule: String
        var path: String
        var line: Int
        var column: Int
        var pointer: String?

        var description: String { "\(path):\(line):\(column) [\(rule)] \(pointer ?? "-")" }

        init(rule: String, path: String, line: Int, column: Int, pointer: String?) {
            self.rule = rule
            self.path = path
            self.line = line
            self.column = column
            self.pointer = pointer
        }

        init(_ finding: Finding) {
            self.init(
                rule: finding.rule, path: finding.path, line: finding.location?.line ?? 0,
                column: finding.location?.column ?? 0, pointer: finding.pointer)
        }
    }

    let snapshot: MemorySnapshot
    let expected: Set<Expectation>

    /// Builds the workspace from marked texts by workspace-relative path.
    init(files: [String: String]) {
        var stripped: [String: String] = [:]
        var expected: Set<Expectation> = []
        for (path, marked) in files {
            let text = MarkedText(marked)
            stripped[path] = text.text
            for marker in text.markers {
                expected.insert(
                    Expectation(
                        rule: marker.rule, path: path, line: marker.line,
                        column: marker.column, pointer: marker.pointer))
            }
        }
        snapshot = MemorySnapshot(files: stripped)
        self.expected = expected
    }

    /// Builds the workspace from the marked files of a fixture folder below
    /// `Tests/Fixtures/rules/` (read at test time; the folder is no target's resource).
    init(fixture name: String) throws {
        let root = RulesFixtures.root + "/" + name
        let disk = DirectorySnapshot(root: root)
        var files: [String: String] = [:]
        for entry in try disk.entries(under: "Plans") {
            guard case .file = entry.kind else { continue }
            files[entry.path] = String(decoding: try disk.contents(of: entry), as: UTF8.self)
        }
        self.init(files: files)
    }

    /// Reads the stripped files as a workspace.
    func read() throws -> Workspace { try Workspace.read(from: snapshot) }
}

/// Where the test fixtures and the package are on disk.
enum RulesFixtures {
    /// The package root: this file is `<root>/Tests/PlantrackCoreTests/RulesMarkedText.swift`.
    static let packageRoot: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// `Tests/Fixtures/rules`.
    static let root = packageRoot + "/Tests/Fixtures/rules"
}
