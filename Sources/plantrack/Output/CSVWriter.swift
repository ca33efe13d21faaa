/// CSV text per RFC 4180: fields quoted when they hold the delimiter, a quote or a line
/// break, quotes doubled, lines ended with CRLF; optionally a UTF-8 byte-order mark so
/// Excel reads it as UTF-8.
struct CSVWriter {
    var delimiter: String = ","
    var byteOrderMark = false

    func field(_ text: String) -> String {
        let needsQuotes = text.contains(delimiter) || text.contains("\"") || text.contains("\n") || text.contains("\r")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func text(_ rows: [[String]]) -> String {
        let body = rows.map { $0.map(field).joined(separator: delimiter) + "\r\n" }.joined()
        return (byteOrderMark ? "\u{FEFF}" : "") + body
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
