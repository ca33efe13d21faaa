import FuzzSupport
import PlantrackCore

/// The front-matter reader against libyaml: a document read with the fast block-style
/// reader in front gives exactly what libyaml alone gives (the same value with the same
/// places, or the same refusal), as a document and as a bare YAML file.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    for kind in [DocumentKind.activity, .workspace] {
        let fast = readers.fast.read(input, path: "Plans/x/2021/activities/x.md", kind: kind, reference: nil)
        let libyaml = readers.libyaml.read(input, path: "Plans/x/2021/activities/x.md", kind: kind, reference: nil)
        if fast != libyaml {
            Fuzz.fail("the fast reader gave \(fast), libyaml alone \(libyaml) (as \(kind))", input: input)
        }
    }
    return 0
}

/// The document reader as plantrack uses it, and one that reads all YAML through libyaml.
private let readers: (fast: DocumentReader, libyaml: DocumentReader) = {
    var libyaml = DocumentReader()
    libyaml.parser.readsBlockStyleDirectly = false
    return (DocumentReader(), libyaml)
}()

@_cdecl("FuzzFrontMatter_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.run(argc, argv, testOneInput)
}
