import FuzzSupport
import JSONSchema
import PlantrackCore

/// The JSON Schema validator on the plan schemas: a mutated document of each kind is read
/// and validated without a crash, and the validator's two passes agree (the fast yes/no of
/// `isValid` and the errors of `validate`: no errors exactly when valid).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    guard let schemas else { Fuzz.fail("the built-in schemas do not compile", input: input) }
    for kind in [DocumentKind.county, .plan, .goal, .activity] {
        guard case .success(let document) = reader.read(input, path: "Plans/x/2021/x.md", kind: kind, reference: nil),
            let schema = schemas.schema(for: kind)
        else { continue }
        let json = document.frontMatter.json
        let valid = schema.isValid(json)
        let errors = schema.validate(json)
        if valid != errors.isEmpty {
            Fuzz.fail("\(kind): isValid says \(valid), validate found \(errors.map(\.description))", input: input)
        }
    }
    return 0
}

private let reader = DocumentReader()
private let schemas = try? DocumentSchemas.builtIn()

@_cdecl("FuzzSchema_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.run(argc, argv, testOneInput)
}
