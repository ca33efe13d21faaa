// Compiled schemas are shared by threads. Every retain or release of a shared object is an
// atomic write to its reference count, and two threads doing that to the same objects make
// the cache line bounce between cores. Keywords therefore hold unretained references to
// their data; the owning `CompiledSchema` keeps the objects alive in `keptAlive`.

/// Collects the objects that compiled keywords refer to without retaining.
final class KeepAlive {
    private(set) var objects: [AnyObject] = []

    func keep(_ object: AnyObject) {
        objects.append(object)
    }
}

/// An immutable value in a heap box, so that it can be referenced without retaining.
final class Box<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

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

/// An immutable array referenced without retaining; copying it copies two words.
struct SharedList<Element: Sendable>: RandomAccessCollection, Sendable {
    private let storage: Unretained<Box<[Element]>>
    let count: Int

    init(_ elements: [Element], keptBy keeper: KeepAlive) {
        storage = Unretained(Box(elements), keptBy: keeper)
        count = elements.count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(position: Int) -> Element {
        storage.with { $0.value[position] }
    }
}

/// A compiled `pattern`, referenced without retaining.
struct SharedPattern: Sendable {
    private let pattern: Unretained<Pattern>

    init(_ pattern: Pattern, keptBy keeper: KeepAlive) {
        self.pattern = Unretained(pattern, keptBy: keeper)
    }

    @inline(__always)
    func matches(_ string: String) -> Bool {
        pattern.with { $0.matches(string) }
    }

    var source: String { pattern.with { $0.source } }
}
