/// Splits a document file into its YAML front matter and its Markdown body.
///
/// The file starts with a line `---`, the YAML follows, a line `---` ends it, and the body
/// follows (the Jekyll/Hugo convention). A UTF-8 byte-order mark and CRLF line ends are
/// accepted; trailing spaces after a fence are tolerated.
public struct FrontMatterSplit: Sendable {
    /// The YAML bytes between the fences (without the fences).
    public var yaml: ArraySlice<UInt8>
    /// The file line on which the YAML starts (the line after the opening fence).
    public var yamlFirstLine: Int
    /// The Markdown body after the closing fence, exactly as in the file.
    public var body: Substring
    /// The file line on which the body starts.
    public var bodyFirstLine: Int

    /// Splits `bytes` (valid UTF-8, already stripped of a byte-order mark), whose decoded
    /// text is `text`, or throws a located ``YAMLError`` when the fences are wrong.
    public static func split(_ bytes: ArraySlice<UInt8>) throws(YAMLError) -> FrontMatterSplit {
        var lineStart = bytes.startIndex
        guard let firstEnd = lineEnd(in: bytes, from: lineStart), isFence(bytes[lineStart..<firstEnd]) else {
            throw YAMLError(
                rule: "frontmatter.missing",
                message: "the file does not start with a front matter block: its first line must be '---'",
                location: SourceLocation(line: 1, column: 1))
        }
        let yamlStart = next(after: firstEnd, in: bytes)
        lineStart = yamlStart
        var line = 2
        while lineStart < bytes.endIndex {
            let end = lineEnd(in: bytes, from: lineStart) ?? bytes.endIndex
            if isFence(bytes[lineStart..<end]) {
                let bodyStart = next(after: end, in: bytes)
                let body = Substring(decoding: bytes[bodyStart...], as: UTF8.self)
                return FrontMatterSplit(
                    yaml: bytes[yamlStart..<lineStart], yamlFirstLine: 2, body: body,
                    bodyFirstLine: line + 1)
            }
            lineStart = next(after: end, in: bytes)
            line += 1
        }
        throw YAMLError(
            rule: "frontmatter.unclosed",
            message: "the front matter opened on line 1 is never closed: add a line '---' after it",
            location: SourceLocation(line: 1, column: 1))
    }

    /// The index of the `\n` ending the line that starts at `start`, or the end of the
    /// input when the last line has no line break; nil for an empty remainder.
    private static func lineEnd(in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        guard start < bytes.endIndex else { return nil }
        return bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
    }

    private static func next(after lineEnd: Int, in bytes: ArraySlice<UInt8>) -> Int {
        min(lineEnd + 1, bytes.endIndex)
    }

    /// `---` followed only by spaces, tabs or a CR.
    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count >= 3 else { return false }
        let s = line.startIndex
        guard line[s] == 45, line[s + 1] == 45, line[s + 2] == 45 else { return false }
        return line.dropFirst(3).allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
    }
}
