/// Writes YAML front matter by hand: block mappings and sequences, strings plain when YAML
/// would read them back as the same string and double-quoted otherwise.
struct YAMLText {
    private(set) var text = ""

    init() {
        text.reserveCapacity(2_048)
    }

    /// `key: value` with `value` a string, quoted when needed.
    mutating func string(_ key: String, _ value: String, indent: Int = 0, item: Bool = false) {
        line("\(key): \(Self.scalar(value))", indent: indent, item: item)
    }

    /// `key: value` with `value` written as is (numbers, dates, booleans).
    mutating func literal(_ key: String, _ value: CustomStringConvertible, indent: Int = 0, item: Bool = false) {
        line("\(key): \(value)", indent: indent, item: item)
    }

    /// `key:` opening a nested mapping or sequence.
    mutating func open(_ key: String, indent: Int = 0, item: Bool = false) {
        line("\(key):", indent: indent, item: item)
    }

    /// `- value`, a string item of a sequence.
    mutating func stringItem(_ value: String, indent: Int) {
        line(Self.scalar(value), indent: indent, item: true)
    }

    /// A line at `indent` spaces; `item` puts `- ` in the last two of them.
    private mutating func line(_ content: String, indent: Int, item: Bool) {
        if item {
            text.append(String(repeating: " ", count: max(0, indent - 2)))
            text.append("- ")
        } else {
            text.append(String(repeating: " ", count: indent))
        }
        text.append(content)
        text.append("\n")
    }

    /// `value` as a YAML scalar that reads back as the same string under the 1.2 core schema
    /// (and under 1.1 readers: yes/no/on/off are quoted too).
    static func scalar(_ value: String) -> String {
        needsQuotes(value) ? quoted(value) : value
    }

    private static let reserved: Set<String> = [
        "true", "false", "null", "~", "yes", "no", "on", "off", "y", "n",
    ]

    static func needsQuotes(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return true }
        if reserved.contains(value.lowercased()) { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return true }
        // Anything that starts like a number or date could be read as one.
        if ("0"..."9").contains(first) || first == "." || first == "+" { return true }
        if first == " " || last == " " || last == ":" { return true }
        // ": " would start a mapping and " #" a comment; scanned bytewise, as this runs for
        // every string of every document.
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if (previous == UInt8(ascii: ":") && byte == UInt8(ascii: " "))
                || (previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#")) || byte < 0x20 || byte == 0x7f
            {
                return true
            }
            previous = byte
        }
        return false
    }

    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result.append("\\\"")
            case "\\": result.append("\\\\")
            case "\n": result.append("\\n")
            case "\t": result.append("\\t")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16)
                    result.append("\\x" + (hex.count < 2 ? "0" + hex : hex))
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result.append("\"")
        return result
    }
}
