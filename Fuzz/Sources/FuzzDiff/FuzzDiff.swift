import FuzzSupport
import PlantrackCore

/// The semantic diff of two versions of a document (the input's two NUL-separated parts):
/// compared without a crash, in both directions, and a version compared with itself shows
/// no change.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    let parts = Fuzz.parts(input, count: 2)
    let (old, new) = (parts[0], parts[1])
    // The kind comes from the path; the input's length picks one, so every kind is tried.
    let path = paths[input.count % paths.count]
    _ = SemanticDiff.compareFile(path: path, old: old, new: new)
    _ = SemanticDiff.compareFile(path: path, old: new, new: old)
    for side in [old, new] {
        let same = SemanticDiff.compareFile(path: path, old: side, new: side)
        if !same.changes.isEmpty {
            Fuzz.fail("a version compared with itself shows changes: \(same.changes)", input: input)
        }
    }
    return 0
}

private let paths = [
    "Plans/stockholm/2021/activities/bu-p1.md", "Plans/stockholm/2021/goals/bu-lt-1.md",
    "Plans/stockholm/2021/plan.md", "Plans/stockholm/county.md",
]

@_cdecl("FuzzDiff_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.run(argc, argv, testOneInput)
}
