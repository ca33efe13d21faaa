import FuzzSupport
import JSONSchema
import PlantrackCore

/// The three-way merge of a document (the input's three NUL-separated parts: base, ours,
/// theirs) never crashes, and a field merge without conflicts keeps both sides' edits: a
/// field only one side changed (or removed) has that side's value in the result, which
/// reads as a document. Lists of plain values merge as sets (docs/merge.md), so their
/// order and repeats are no edit here.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    let parts = Fuzz.parts(input, count: 3)
    let path = input.count % 2 == 0 ? "Plans/stockholm/2021/activities/bu-p1.md" : "Plans/workspace.yaml"
    let kind: DocumentKind = path.hasSuffix(".md") ? .activity : .workspace
    let result = DocumentMerge.merge(path: path, base: parts[0], ours: parts[1], theirs: parts[2])
    guard result.isClean, result.fallback == nil, let merged = result.bytes,
        let base = parts[0].flatMap({ fields($0, kind) }), let ours = parts[1].flatMap({ fields($0, kind) }),
        let theirs = parts[2].flatMap({ fields($0, kind) })
    else { return 0 }
    guard let result = fields(merged, kind) else {
        Fuzz.fail("a clean merge of three readable documents does not read", input: input)
    }
    for key in Set(base.keys).union(ours.keys).union(theirs.keys) {
        let (b, o, t, m) = (base[key], ours[key], theirs[key], result[key])
        if o != b, t == b, m != o {
            Fuzz.fail(
                "'\(key)': ours changed it to \(o.map(\.description) ?? "nothing"), the merge has \(m.map(\.description) ?? "nothing")",
                input: input)
        }
        if t != b, o == b, m != t {
            Fuzz.fail(
                "'\(key)': theirs changed it to \(t.map(\.description) ?? "nothing"), the merge has \(m.map(\.description) ?? "nothing")",
                input: input)
        }
    }
    return 0
}

/// The top-level fields of a document, as JSON; nil when it does not read.
private func fields(_ bytes: [UInt8], _ kind: DocumentKind) -> [String: JSONValue]? {
    guard case .success(let document) = reader.read(bytes, path: "Plans/x/2021/x.md", kind: kind, reference: nil) else {
        return nil
    }
    return Dictionary(
        document.frontMatter.entries.map { ($0.key, setsAsSorted($0.value.json)) }, uniquingKeysWith: { a, _ in a })
}

/// `value` with every list of plain values made its distinct values in one order.
private func setsAsSorted(_ value: JSONValue) -> JSONValue {
    switch value {
    case .array(let items):
        let plain = items.allSatisfy { item in
            switch item {
            case .array, .object: return false
            default: return true
            }
        }
        guard plain else { return .array(items.map(setsAsSorted)) }
        var seen: Set<JSONValue> = []
        return .array(items.filter { seen.insert($0).inserted }.sorted { $0.description < $1.description })
    case .object(let object):
        return .object(JSONObject(uniqueEntries: object.map { (key: $0.key, value: setsAsSorted($0.value)) }))
    default:
        return value
    }
}

private let reader = DocumentReader()

@_cdecl("FuzzMerge_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.run(argc, argv, testOneInput)
}
