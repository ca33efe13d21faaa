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
