/// An immutable value in a heap box, so that it can be referenced without retaining.
final class Box<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
