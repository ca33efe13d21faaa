import Foundation
import JSONSchema
import Testing

@testable import PlantrackCore

/// Reads every case of the official YAML test suite as plantrack reads YAML, through both
/// readers, and holds the answers to the suite's: the value of `in.json`, a refusal where the
/// suite has `error`, and a refusal with a finding for what front matter leaves out.
///
/// Each `in.yaml` goes through ``DocumentReader`` as `Plans/workspace.yaml` does (the whole
/// file is the YAML): the same checks (UTF-8, byte-order mark, conflict markers), the same
/// ``YAMLParser`` and the same "must be a mapping" rule as front matter, only without the
/// fences, which a suite case may not survive (its own `---` would close them). Where a case
/// has no line a fence could take, it is also read wrapped in fences as a plan document, and
/// must give the same answer. The suite is never copied into the repository; it is read
/// from `../shared/yaml-test-suite` or from the folder `PLANTRACK_YAML_SUITE` names.
@Suite("YAML test suite")
struct YAMLConformanceTests {
    /// Cases where plantrack gives, on purpose, another answer than the suite's value; each
    /// with plantrack's answer and the reason (docs/yaml-conformance.md lists them too).
    static let deviations: [String: (expected: Expected, reason: String)] = [
        "4MUZ/00": (.refusal, flowColon), "4MUZ/01": (.refusal, flowColon), "4MUZ/02": (.refusal, flowColon),
        "VJP3/01": (.refusal, flowColon),
        "58MP": (.refusal, "libyaml refuses a plain value starting with ':' in a flow mapping ({x: :x})"),
        "96NN/00": (.refusal, tabs), "96NN/01": (.refusal, tabs), "DK95/00": (.refusal, tabs),
        "DK95/03": (.refusal, tabs), "DK95/04": (.refusal, tabs), "Q5MG": (.refusal, tabs),
        "QT73": (.refusal, "libyaml refuses a document end marker '...' with no document before it"),
    ]
    private static let flowColon = "libyaml refuses a flow mapping whose ':' is on a line after its key"
    private static let tabs =
        "libyaml refuses tabs YAML 1.2 allows as white space (after the indentation, on a line of white space only)"

    /// What a case must give.
    enum Expected: Equatable, Sendable, CustomStringConvertible {
        /// This value, as JSON.
        case value(JSONValue)
        /// A refusal: a finding with a rule, a message and a place.
        case refusal

        var description: String {
            switch self {
            case .value(let json): return "the value \(json)"
            case .refusal: return "a refusal"
            }
        }
    }

    /// What plantrack gave: the front matter as JSON, or the finding that refused it.
    enum Outcome: Equatable, CustomStringConvertible {
        case value(JSONValue)
        case refused(Finding)

        init(_ result: Result<Document, Finding>) {
            switch result {
            case .success(let document): self = .value(document.frontMatter.json)
            case .failure(let finding): self = .refused(finding)
            }
        }

        var description: String {
            switch self {
            case .value(let json): return "the value \(json)"
            case .refused(let finding): return "a refusal (\(finding))"
            }
        }

        /// Whether this is what `expected` asks for; a refusal must say what and where.
        func meets(_ expected: Expected) -> Bool {
            switch (self, expected) {
            case (.value(let got), .value(let want)): return got == want
            case (.refused(let finding), .refusal):
                return !finding.rule.isEmpty && !finding.message.isEmpty && finding.location != nil
            default: return false
            }
        }
    }

    /// One case (or numbered sub-case) of the suite.
    struct Case {
        var id: String
        var yaml: [UInt8]
        var json: [UInt8]?
        var isError: Bool
        var events: EventFacts
    }

    /// What a case's expected event stream (`test.event`) says about its shape, which decides
    /// whether front matter can hold it at all; taken from the suite, not from plantrack's answer.
    struct EventFacts {
        var documents = 0
        /// The first document's top node: `+MAP`, `+SEQ`, `=VAL` or `=ALI`, and for a scalar
        /// whether it is plain and empty or a null word.
        var root: String?
        var rootIsNull = false
        /// Tags other than those docs/format.md allows.
        var unsupportedTags: Set<String> = []
        /// A key that is a collection (or an alias of one).
        var complexKey = false
        /// A key with no text at all (`: a`, `? \n: a`).
        var emptyKey = false

        static let allowedTags: Set<String> = [
            "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
        ]

        init(_ text: String) {
            // Open collections: whether a mapping, and how many nodes are in it so far.
            var stack: [(isMapping: Bool, count: Int)] = []
            var anchors: [String: String] = [:]  // anchor -> "collection", "empty" or "scalar"
            for line in text.split(separator: "\n") {
                var tokens = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let event = tokens.removeFirst()
                var rest = tokens.first ?? ""
                switch event {
                case "+DOC":
                    documents += 1
                    continue
                case "-MAP", "-SEQ":
                    stack.removeLast()
                    continue
                case "+MAP", "+SEQ", "=VAL", "=ALI":
                    break
                default:
                    continue
                }
                var anchor: String?
                var tag: String?
                // Properties first: `&anchor` and `<tag>`, then the value.
                while rest.hasPrefix("&") || rest.hasPrefix("<") || rest.hasPrefix("{}") || rest.hasPrefix("[]") {
                    let parts = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
                    let property = String(parts[0])
                    if property.hasPrefix("&") { anchor = String(property.dropFirst()) }
                    if property.hasPrefix("<") {
                        tag = String(property.dropFirst().dropLast())
                        if let tag, !Self.allowedTags.contains(tag) { unsupportedTags.insert(tag) }
                    }
                    rest = parts.count > 1 ? String(parts[1]) : ""
                }
                let isKey = stack.last.map { $0.isMapping && $0.count % 2 == 0 } ?? false
                if !stack.isEmpty { stack[stack.count - 1].count += 1 }
                let plainValue = rest.hasPrefix(":") ? String(rest.dropFirst()) : nil
                let kind: String
                switch event {
                case "+MAP", "+SEQ":
                    kind = "collection"
                case "=VAL":
                    // `!!str` makes an empty value the text "", a key like any other.
                    let null = tag == nil || tag == "tag:yaml.org,2002:null"
                    kind = plainValue == "" && null ? "empty" : "scalar"
                default:
                    kind = anchors[String(rest.dropFirst())] ?? "scalar"
                }
                if documents == 1, stack.isEmpty, root == nil {
                    root = event
                    let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
                    rootIsNull = (event == "=VAL" && plainValue.map(nullWords.contains) == true) || kind == "empty"
                }
                if isKey, kind == "collection" { complexKey = true }
                if isKey, kind == "empty" { emptyKey = true }
                if let anchor { anchors[anchor] = kind }
                if event == "+MAP" { stack.append((true, 0)) }
                if event == "+SEQ" { stack.append((false, 0)) }
            }
        }

        /// Why front matter cannot hold this case, or nil when it can.
        var outOfScope: String? {
            if documents > 1 { return "several documents" }
            if !unsupportedTags.isEmpty { return "tags \(unsupportedTags.sorted().joined(separator: ", "))" }
            if complexKey { return "a collection as a key" }
            if emptyKey { return "an empty key" }
            if let root, root != "+MAP", !rootIsNull { return "the top level is not a mapping" }
            return nil
        }
    }

    /// Where the suite is: `PLANTRACK_YAML_SUITE`, else `../shared/yaml-test-suite`.
    static var suiteRoot: URL {
        if let folder = ProcessInfo.processInfo.environment["PLANTRACK_YAML_SUITE"], !folder.isEmpty {
            return URL(fileURLWithPath: folder)
        }
        return URL(fileURLWithPath: RulesFixtures.packageRoot + "/../shared/yaml-test-suite").standardizedFileURL
    }

    /// Every case folder holding an `in.yaml`, sub-cases as `2G84/01`, sorted by id.
    static func cases(in root: URL) throws -> [Case] {
        let files = FileManager.default
        func read(_ folder: URL, _ name: String) -> [UInt8]? {
            files.contents(atPath: folder.appendingPathComponent(name).path).map { [UInt8]($0) }
        }
        var folders: [(String, URL)] = []
        for name in try files.contentsOfDirectory(atPath: root.path).sorted() {
            let folder = root.appendingPathComponent(name)
            if files.fileExists(atPath: folder.appendingPathComponent("in.yaml").path) {
                folders.append((name, folder))
                continue
            }
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for sub in try files.contentsOfDirectory(atPath: folder.path).sorted()
            where files.fileExists(atPath: folder.appendingPathComponent(sub + "/in.yaml").path) {
                folders.append((name + "/" + sub, folder.appendingPathComponent(sub)))
            }
        }
        return folders.compactMap { id, folder in
            guard let yaml = read(folder, "in.yaml") else { return nil }
            let events = read(folder, "test.event").map { String(decoding: $0, as: UTF8.self) } ?? ""
            return Case(
                id: id, yaml: yaml, json: read(folder, "in.json"),
                isError: files.fileExists(atPath: folder.appendingPathComponent("error").path),
                events: EventFacts(events))
        }
    }

    /// What the case must give, or why it cannot be judged (a skip).
    static func expectation(of suiteCase: Case) -> Result<Expected, SkipReason> {
        if suiteCase.isError { return .success(.refusal) }
        if let deviation = deviations[suiteCase.id] { return .success(deviation.expected) }
        let facts = suiteCase.events
        if facts.outOfScope != nil { return .success(.refusal) }
        // No document, or a null one: front matter with no fields (docs/format.md).
        if facts.documents == 0 || facts.rootIsNull { return .success(.value(.object(JSONObject()))) }
        guard let json = suiteCase.json else { return .failure(SkipReason("no in.json: the value has no JSON form")) }
        guard let value = try? JSONValue(parsing: json) else { return .failure(SkipReason("in.json does not parse as one JSON value")) }
        return .success(.value(value))
    }

    struct SkipReason: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }

    /// Reads `bytes` as plantrack reads `Plans/workspace.yaml`, with or without the fast reader.
    static func read(_ bytes: [UInt8], id: String, fast: Bool, kind: DocumentKind = .workspace) -> Outcome {
        var reader = DocumentReader()
        reader.parser.readsBlockStyleDirectly = fast
        return Outcome(reader.read(bytes, path: "yaml-test-suite/\(id)/in.yaml", kind: kind, reference: nil))
    }

    /// The case wrapped in front matter fences, or nil when one of its lines would be a fence.
    static func wrapped(_ yaml: [UInt8]) -> [UInt8]? {
        let lines = yaml.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.contains(where: { $0.starts(with: Array("---".utf8)) }) { return nil }
        var text = Array("---\n".utf8) + yaml
        if let last = yaml.last, last != UInt8(ascii: "\n") { text.append(UInt8(ascii: "\n")) }
        return text + Array("---\nbody\n".utf8)
    }

    struct Tally {
        var passed = 0
        var failed = 0
        var skipped: [(id: String, reason: String)] = []
        var failures: [String] = []
        /// Cases the fast reader read on its own (the rest went to libyaml).
        var readDirectly = 0
        var wrappedChecks = 0
    }

    static func run(_ cases: [Case]) -> Tally {
        var tally = Tally()
        for suiteCase in cases {
            let fast = read(suiteCase.yaml, id: suiteCase.id, fast: true)
            let libyaml = read(suiteCase.yaml, id: suiteCase.id, fast: false)
            let direct = suiteCase.yaml.withUnsafeBufferPointer { try? BlockYAMLReader.read($0, lineOffset: 0, maxDepth: 64) }
            if direct != nil { tally.readDirectly += 1 }
            var problems: [String] = []
            if fast != libyaml {
                problems.append("the fast reader gave \(fast), libyaml \(libyaml)")
            }
            if let wrapped = wrapped(suiteCase.yaml) {
                tally.wrappedChecks += 1
                let asFrontMatter = read(wrapped, id: suiteCase.id, fast: true, kind: .activity)
                switch (asFrontMatter, fast) {
                case (.value(let a), .value(let b)) where a == b: break
                case (.refused, .refused): break
                default: problems.append("as front matter it gave \(asFrontMatter), as a whole file \(fast)")
                }
            }
            switch expectation(of: suiteCase) {
            case .failure(let reason):
                if problems.isEmpty {
                    tally.skipped.append((suiteCase.id, reason.text))
                    continue
                }
            case .success(let expected):
                if !fast.meets(expected) {
                    let scope = suiteCase.events.outOfScope.map { " (out of scope: \($0))" } ?? ""
                    problems.append("expected \(expected)\(scope), got \(fast)")
                }
            }
            if problems.isEmpty {
                tally.passed += 1
            } else {
                tally.failed += 1
                tally.failures.append("\(suiteCase.id): " + problems.joined(separator: "; "))
            }
        }
        return tally
    }

    @Test("every case: the suite's value, or a refusal with a finding; both readers alike")
    func suite() throws {
        let root = Self.suiteRoot
        guard FileManager.default.fileExists(atPath: root.path) else {
            Issue.record("YAML test suite not found at \(root.path) (set PLANTRACK_YAML_SUITE, or put shared/ beside the package)")
            return
        }
        let cases = try Self.cases(in: root)
        let tally = Self.run(cases)
        for failure in tally.failures { print("FAILED \(failure)") }
        for (id, deviation) in Self.deviations.sorted(by: { $0.key < $1.key }) {
            print("deviation \(id): \(deviation.reason)")
        }
        for skip in tally.skipped { print("skipped \(skip.id): \(skip.reason)") }
        print(
            "fast reader read \(tally.readDirectly) of \(cases.count) cases on its own; \(tally.wrappedChecks) also read as front matter"
        )
        print("yaml-test-suite: \(tally.passed) passed, \(tally.failed) failed, \(tally.skipped.count) skipped")
        #expect(tally.failed == 0, "\(tally.failed) cases failed; see the FAILED lines above")
        #expect(cases.count > 200, "suspiciously few cases in \(root.path): \(cases.count)")
        #expect(tally.skipped.count * 10 < cases.count, "more than a tenth of the cases skipped")
    }
}
