/// A syntax error in JSON text, with a 1-based position for people to find it.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. "expected ',' or '}' after an object member".
    public var message: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars (so "å" is one column).
    public var column: Int
    /// Byte offset into the input.
    public var offset: Int

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
