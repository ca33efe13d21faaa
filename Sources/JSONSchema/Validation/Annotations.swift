/// What the keywords of one schema evaluated at one instance location, as
/// `unevaluatedProperties` and `unevaluatedItems` need it.
struct Annotations {
    var properties = BitSet()
    var items = BitSet()

    mutating func formUnion(_ other: Annotations) {
        properties.formUnion(other.properties)
        items.formUnion(other.items)
    }
}
