/// Checks on raw file bytes before any parsing.
enum TextChecks {
    /// The UTF-8 byte-order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Where the first byte that is not valid UTF-8 stands, or nil when all of it is valid.
    static func firstInvalidUTF8(in bytes: ArraySlice<UInt8>) -> SourceLocation? {
        // Nearly every file is valid: the standard library's validator checks it many
        // times faster than the scalar-by-scalar walk that finds the line and column.
        if (try? UTF8Span(validating: bytes.span)) != nil { return nil }
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1, scalar.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                return SourceLocation(line: line, column: column)
            case .emptyInput:
                return nil
            }
        }
    }
}
