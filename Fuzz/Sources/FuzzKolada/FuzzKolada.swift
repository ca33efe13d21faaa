import FuzzSupport
import PlantrackCore

/// Kolada's answers: a mutated page, saved answer or CSV export is read or refused with an
/// error, never a crash; a page that reads, reads the same as a saved answer of one page.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    let page = try? KoladaAnswer.page(input, request: "https://kolada.test/v3/data")
    let saved = try? KoladaAnswer.saved(input, file: "answer.json")
    if let page, let first = saved?.first, saved?.count == 1, first.page != page {
        Fuzz.fail("the page reads as \(page), as a saved answer \(first.page)", input: input)
    }
    _ = try? KoladaAnswer.csv(input, file: "export.csv")
    return 0
}

@_cdecl("FuzzKolada_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.run(argc, argv, testOneInput)
}
