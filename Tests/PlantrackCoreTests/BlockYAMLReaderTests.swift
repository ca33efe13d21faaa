import Foundation
import Testing

@testable import PlantrackCore

/// The block-style reader must give exactly libyaml's tree, locations included, for every
/// text it accepts, and decline every text libyaml refuses.
@Suite("Block-style YAML reader")
struct BlockYAMLReaderTests {
    /// What the direct reader makes of `text`: nil when it declines.
    static func direct(_ text: [UInt8], firstLine: Int = 2) -> YAMLNode? {
        text.withUnsafeBufferPointer { try? BlockYAMLReader.read($0, lineOffset: firstLine - 1, maxDepth: 64) }
    }

    /// What libyaml alone makes of `text`.
    static func libyaml(_ text: [UInt8], firstLine: Int = 2) -> Result<YAMLNode?, YAMLError> {
        var parser = YAMLParser()
        parser.readsBlockStyleDirectly = false
        return Result { () throws(YAMLError) in try parser.parse(text[...], firstLine: firstLine) }
    }

    /// Checks that the two agree on `text`; returns whether the direct reader accepted it.
    @discardableResult
    static func agree(_ text: [UInt8], _ comment: Comment? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        guard let direct = direct(text) else { return false }
        let expected = libyaml(text)
        #expect(
            expected == .success(direct), "\(comment?.description ?? "")\n\(String(decoding: text, as: UTF8.self))",
            sourceLocation: sourceLocation)
        return true
    }

    /// Texts the direct reader must accept, with the shapes front matter is written in.
    static let accepted: [String] = [
        "a: 1\nb: two\n",
        "kind: activity\nid: bu-l1\ntitle: Utbildning i psykisk första hjälp för skolpersonal\n",
        "a:\n  - x\n  - y\nb: z\n",
        "a:\n- x\n- y\nb: z\n",
        "a:\n  b:\n    c: d\n  e: f\ng: h\n",
        "tasks:\n  - title: x\n    done: false\n  - title: y\n    done: true\nnext: 1\n",
        "tasks:\n- title: x\n  done: false\nnext: 1\n",
        "a:\nb: 1\n",
        "a:   \nb:\n",
        "a: # comment\nb: 1 # trailing\n",
        "# leading comment\na: 1\n\n   # indented comment\nb: 2\n",
        "a: 'it''s'\nb: \"q \\\"x\\\" \\n\\t\\\\ \\/\"\n",
        "title: Stöd åt förskolan\nägare: Region Östergötland\nå: ö\n",
        "a: x #comment\nb: C#sharp\nc: http://x.se/y?q=1\n",
        "a: -5\nb: -x\nc: .5\nd: 0x1F\ne: 1e3\nf: ~\ng: null\nh: True\ni: 2021-01-01\nj: 0o17\nk: .inf\n",
        "a: 1\r\nb:\r\n  - x\r\n",
        "key with space: v\na:b: c\n",
        "a: 'x'  # c\nb: \"\"\nc: ''\n",
        "a:\n  - b: 1\n    c:\n      - d\n  - e\n",
        "a:\n  - b:\n    - c\n  - d\n",
        "x:\n  y:\n  z: 1\n",
        "a: 1\n   \n\n",
        "a:  x y  \n",
        "a: \"å, ö: ä\"\n",
        "a: 'x: y'\n",
        "a: b,c [d] {e}\n",
        "<<: x\n",
    ]

    /// Texts outside the subset or in error, which libyaml must read (or refuse).
    static let declined: [String] = [
        "\"q\": 1\n", "'q': 1\n", "a: [1, 2]\n", "a: {b: 1}\n", "a: |\n  text\n", "a: >\n  text\n",
        "a: b\n  c\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: 1\na: 2\n", "a:\n\t- x\n", "a:\tb\n",
        "a: b: c\n", "- a\n- b\n", "a:\n  - b\n  c: d\n", "a:\n  b: 1\n c: 2\n", "a: 'x'y\n",
        "a:\n  -\n", "a:\n  - \n", "a: \"unterminated\n", "a: 'unterminated\n", "---\na: 1\n", "a: 1\n...\n",
        "%YAML 1.2\n---\na: 1\n", "a: \"\\u00e5\"\n", "a: \"x\\\n  y\"\n", "", "   \n# only a comment\n",
        "a: -\n", "a: ?\n", "? a\n: b\n", "a:\n  - - x\n", "a: @x\n", "a: `x`\n", "a: %x\n", "a: ,x\n",
        "a: b\rc: d\n", "a: \u{85}\n", "a: x\u{2028}y\n", "\u{FEFF}a: 1\n", "a: \u{7F}\n", "  a: 1\n",
        "a: 1\n  # comment\n  b: 2\n", "a : 1\n", "a: 'x'#c\n", "a:\n  b: 1\n  - c\n",
    ]

    @Test func acceptsTheShapesFrontMatterIsWrittenIn() {
        for text in Self.accepted {
            #expect(Self.agree(Array(text.utf8)), "declined:\n\(text)")
        }
    }

    @Test func declinesWhatIsLeftToLibyaml() {
        for text in Self.declined {
            #expect(Self.direct(Array(text.utf8)) == nil, "accepted:\n\(text)")
        }
    }

    @Test func declinesInvalidUTF8() {
        #expect(Self.direct([0x61, 0x3A, 0x20, 0xC3, 0x0A]) == nil)
        #expect(Self.direct([0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80, 0x0A]) == nil)  // a surrogate
        #expect(Self.direct([0x61, 0x3A, 0x20, 0xC0, 0xAF, 0x0A]) == nil)  // overlong
    }

    @Test func locationsCountCharactersAndFollowTheFirstLine() throws {
        let text = Array("titel: Stöd\nå: ö\nlist:\n  - x\nnothing:\n".utf8)
        let root = try #require(Self.direct(text, firstLine: 5)?.mapping)
        #expect(root.entry("å")?.keyLocation == .init(line: 6, column: 1))
        #expect(root["å"]?.location == .init(line: 6, column: 4))
        #expect(root["list"]?.location == .init(line: 8, column: 3))
        #expect(root["nothing"]?.location == .init(line: 9, column: 9))
        #expect(root["nothing"]?.content == .null)
    }

    /// Every document of the bundled workspace is read directly, to the same tree.
    @Test func readsEveryBundledDocumentAsLibyamlDoes() throws {
        let texts = try Self.bundledFrontMatters()
        #expect(texts.count > 100)
        for (path, text) in texts {
            #expect(Self.agree(text, "\(path)"), "declined: \(path)")
        }
    }

    /// Random edits of real front matter (characters YAML gives meaning to, deleted bytes,
    /// moved indentation) never make the two disagree: the direct reader gives libyaml's
    /// tree or declines.
    @Test func agreesWithLibyamlOnEditedDocuments() throws {
        let seeds = try Self.bundledFrontMatters().map(\.text) + Self.accepted.map { Array($0.utf8) }
        let pieces: [String] = [
            "a", " ", ":", ": ", "-", "- ", "#", " #", "'", "\"", "\n", "\n  ", "  ", "\\", "[", "]", "{", "}",
            "|", ">", "&", "*", "!", "\t", "\r", "\r\n", "å", "\u{85}", "\u{2028}", "\u{FEFF}", "0", ".", "?", "%",
            "@", "`", ",", "---", "...", "~", "''", "\\n", "\\u", "1e3", "null", "- x: y", "k:", "\n- ",
        ]
        var random = SplitMix(seed: 2021)
        var accepted = 0
        var tried = 0
        for seed in seeds {
            for _ in 0..<60 {
                var text = seed
                for _ in 0...random.next(below: 3) {
                    let at = text.isEmpty ? 0 : random.next(below: text.count + 1)
                    switch random.next(below: 3) {
                    case 0:
                        text.insert(contentsOf: Array(pieces[random.next(below: pieces.count)].utf8), at: at)
                    case 1:
                        let end = min(text.count, at + 1 + random.next(below: 3))
                        text.removeSubrange(at..<end)
                    default:
                        // Indent or outdent the line `at` falls on.
                        var start = min(at, text.count)
                        while start > 0, text[start - 1] != 0x0A { start -= 1 }
                        if random.next(below: 2) == 0 {
                            text.insert(contentsOf: [0x20, 0x20], at: start)
                        } else if start < text.count, text[start] == 0x20 {
                            text.remove(at: start)
                        }
                    }
                }
                tried += 1
                if Self.agree(text, "mutant of a seed") { accepted += 1 }
            }
        }
        // Most single edits keep the text in the subset: the comparison ran on them.
        #expect(accepted > tried / 4, "\(accepted) of \(tried) accepted")
    }

    /// The YAML of every document under the bundled `Plans/` (front matter, or the whole
    /// `workspace.yaml`).
    static func bundledFrontMatters() throws -> [(path: String, text: [UInt8])] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Plans")
        let files =
            FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "md" || $0.pathExtension == "yaml" }
            .sorted { $0.path < $1.path } ?? []
        return try files.map { url in
            let bytes = try [UInt8](Data(contentsOf: url))
            if url.pathExtension == "yaml" { return (url.path, bytes) }
            let split = try FrontMatterSplit.split(bytes[...])
            return (url.path, Array(split.yaml))
        }
    }
}

/// A small seeded generator, so every run edits the same way.
private struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
