extension JSONValue: CustomStringConvertible {
    /// The value as compact JSON text, members in document order.
    public var description: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Appends compact JSON text for this value to `out`.
    public func write(to out: inout String) {
        var bytes: [UInt8] = []
        write(into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends compact JSON text for this value to `bytes` (UTF-8). Writing bytes rather than
    /// appending to a String piece by piece is what keeps large outputs (`diff --format json`
    /// over thousands of changes) cheap.
    public func write(into bytes: inout [UInt8]) {
        switch self {
        case .null:
            bytes += "null".utf8
        case .bool(let b):
            bytes += (b ? "true" : "false").utf8
        case .number(let n):
            bytes += n.description.utf8
        case .string(let s):
            JSONValue.writeQuoted(s, into: &bytes)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                item.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            for (i, entry) in object.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONValue.writeQuoted(entry.key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                entry.value.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `s` as a JSON string literal with the escapes JSON requires.
    static func writeQuoted(_ s: String, to out: inout String) {
        var bytes: [UInt8] = []
        writeQuoted(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal (UTF-8) with the escapes JSON requires; other
    /// bytes, `å` among them, are copied as they are.
    public static func writeQuoted(_ s: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += #"\""#.utf8
            case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
            case UInt8(ascii: "\n"): bytes += #"\n"#.utf8
            case UInt8(ascii: "\r"): bytes += #"\r"#.utf8
            case UInt8(ascii: "\t"): bytes += #"\t"#.utf8
            case 0x08: bytes += #"\b"#.utf8
            case 0x0C: bytes += #"\f"#.utf8
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += #"\u00"#.utf8
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `s` as a JSON string literal.
    static func quoted(_ s: String) -> String {
        var out = ""
        writeQuoted(s, to: &out)
        return out
    }
}
