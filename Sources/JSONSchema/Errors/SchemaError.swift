/// A schema that cannot be compiled: unreadable, malformed, or referring to something the
/// registry does not hold. Thrown by ``SchemaRegistry``; never raised during validation.
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in a sentence.
    public var message: String
    /// Where: the absolute URI of the offending schema location, when known.
    public var location: String?

    /// Creates an error with a message and an optional schema location.
    public init(_ message: String, location: String? = nil) {
        self.message = message
        self.location = location
    }

    /// `location: message`, or just the message.
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
