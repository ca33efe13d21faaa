/// An unretained reference to an object kept alive by the compiled schema.
struct Unretained<Object: AnyObject & Sendable>: @unchecked Sendable {
    private let reference: Unmanaged<Object>

    init(_ object: Object, keptBy keeper: KeepAlive) {
        keeper.keep(object)
        reference = .passUnretained(object)
    }

    /// Runs `body` with the object borrowed: no reference counting.
    @inline(__always)
    func with<Result>(_ body: (Object) -> Result) -> Result {
        reference._withUnsafeGuaranteedRef(body)
    }
}
