extension KoladaAnswer {
    /// The header names each column is known by (compared without case), the first a file
    /// should use. Other columns (a municipality's or a key figure's name) are ignored.
    public static let csvColumns: [(column: String, names: [String], required: Bool)] = [
        ("kpi", ["kpi", "kpi_id", "nyckeltal_id"], true),
        ("municipality", ["municipality", "municipality_id", "kommun_id", "region_id"], true),
        ("period", ["period", "year", "år"], true),
        ("gender", ["gender", "kön"], false),
        ("value", ["value", "värde"], true),
        ("status", ["status"], false),
    ]

    /// Parses a CSV export of Kolada values (docs/indicators.md, "CSV"): a header line
    /// naming the columns (``csvColumns``), then one value a line. Fields are separated by
    /// `;`, `,` or a tab (the first of them in the header line); a field may be quoted with
    /// `"` (a `""` inside is one quote). A value may use a decimal comma (`84,1`) and spaces
    /// between digit groups; an empty value is Kolada's null. Without a gender column every
    /// value is `T`. A bad line throws a ``KoladaAnswerError`` naming `file`, the line and
    /// column, and the column's name.
    ///
    /// Written by hand from what Kolada's web export is described to hold; it was not
    /// checked against a real export.
    public static func csv(_ bytes: [UInt8], file: String) throws(KoladaAnswerError) -> [KoladaValue] {
        var text = bytes[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        guard let string = String(validating: text, as: UTF8.self) else {
            throw KoladaAnswerError(request: file, message: "not UTF-8 text; save the export as UTF-8")
        }
        // "\r\n" is one Character in Swift, so both line ends are named.
        let lines = string.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard let headerLine = lines.first, !headerLine.allSatisfy(\.isWhitespace) else {
            throw KoladaAnswerError(
                request: file, location: SourceLocation(line: 1, column: 1),
                message: "no header line; the first line names the columns: kpi;municipality;period;gender;value;status")
        }
        let separator: Character = headerLine.first { $0 == ";" || $0 == "," || $0 == "\t" } ?? ";"
        let header = try fields(of: headerLine, separator: separator, line: 1, file: file)
        var positions: [String: Int] = [:]
        for (column, names, required) in csvColumns {
            if let index = header.firstIndex(where: { names.contains($0.text.trimmed.lowercased()) }) {
                positions[column] = index
            } else if required {
                throw KoladaAnswerError(
                    request: file, location: SourceLocation(line: 1, column: 1),
                    message: "no \(column) column (the header names \(names.map { "'\($0)'" }.joined(separator: " or ")) "
                        + "are accepted); the header has: \(header.map { $0.text.trimmed }.joined(separator: ", "))")
            }
        }
        var values: [KoladaValue] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.allSatisfy(\.isWhitespace) {
            let number = offset + 1
            let row = try fields(of: line, separator: separator, line: number, file: file)
            func field(_ column: String) throws(KoladaAnswerError) -> (text: String, location: SourceLocation)? {
                guard let index = positions[column] else { return nil }
                guard index < row.count else {
                    throw KoladaAnswerError(
                        request: file, location: SourceLocation(line: number, column: line.count + 1), field: column,
                        message: "the line has \(row.count) fields, the header \(header.count)")
                }
                return (row[index].text.trimmed, SourceLocation(line: number, column: row[index].column))
            }
            func required(_ column: String) throws(KoladaAnswerError) -> (text: String, location: SourceLocation) {
                guard let found = try field(column) else { return ("", SourceLocation(line: number, column: 1)) }
                guard !found.text.isEmpty else {
                    throw KoladaAnswerError(request: file, location: found.location, field: column, message: "empty")
                }
                return found
            }
            let kpi = try required("kpi")
            let municipality = try required("municipality")
            let periodField = try required("period")
            guard let period = Int(periodField.text), (1000...9999).contains(period) else {
                throw KoladaAnswerError(
                    request: file, location: periodField.location, field: "period",
                    message: "expected a year such as 2023, found '\(periodField.text)'")
            }
            var gender = KoladaSource.Gender.total
            if let genderField = try field("gender"), !genderField.text.isEmpty {
                guard let found = Self.gender(genderField.text) else {
                    throw KoladaAnswerError(
                        request: file, location: genderField.location, field: "gender",
                        message: "expected T, K or M (Totalt, Kvinnor, Män), found '\(genderField.text)'")
                }
                gender = found
            }
            var value: Double?
            if let valueField = try field("value"), !valueField.text.isEmpty {
                guard let number = Self.number(valueField.text) else {
                    throw KoladaAnswerError(
                        request: file, location: valueField.location, field: "value",
                        message: "expected a number (84.1 or 84,1) or nothing (no value), found '\(valueField.text)'")
                }
                value = number
            }
            let status = try field("status").map(\.text).flatMap { $0.isEmpty ? nil : $0 }
            values.append(
                KoladaValue(
                    kpi: kpi.text, municipality: municipality.text, period: period, gender: gender, value: value,
                    status: status))
        }
        return values
    }

    /// A line's fields with the column (in characters, from 1) each starts at.
    private static func fields(of line: Substring, separator: Character, line number: Int, file: String)
        throws(KoladaAnswerError) -> [(text: String, column: Int)]
    {
        var fields: [(text: String, column: Int)] = []
        var current = ""
        var start = 1
        var column = 1
        var quoted = false
        var quoteColumn = 0
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            let next = line.index(after: index)
            if quoted {
                if character == "\"" {
                    if next < line.endIndex, line[next] == "\"" {
                        current.append("\"")
                        index = line.index(after: next)
                        column += 2
                        continue
                    }
                    quoted = false
                } else {
                    current.append(character)
                }
            } else if character == "\"" && current.allSatisfy(\.isWhitespace) {
                quoted = true
                quoteColumn = column
                current = ""
            } else if character == separator {
                fields.append((current, start))
                current = ""
                start = column + 1
            } else {
                current.append(character)
            }
            index = next
            column += 1
        }
        if quoted {
            throw KoladaAnswerError(
                request: file, location: SourceLocation(line: number, column: quoteColumn),
                message: "a quoted field is not closed on its line (a value over several lines is not accepted)")
        }
        fields.append((current, start))
        return fields
    }

    static func gender(_ text: String) -> KoladaSource.Gender? {
        switch text.lowercased() {
        case "t", "totalt", "total": return .total
        case "k", "kvinnor", "kvinna": return .women
        case "m", "män", "man": return .men
        default: return nil
        }
    }

    /// `84.1`, `84,1`, `1 234,5` (spaces, also no-break spaces, between digit groups).
    static func number(_ text: String) -> Double? {
        var cleaned = String(text.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" })
        if cleaned.contains(",") {
            guard !cleaned.contains("."), cleaned.filter({ $0 == "," }).count == 1 else { return nil }
            cleaned = cleaned.map { $0 == "," ? "." : String($0) }.joined()
        }
        guard cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
            let value = Double(cleaned), value.isFinite
        else { return nil }
        return value
    }
}

extension StringProtocol {
    fileprivate var trimmed: String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s = s.dropFirst() }
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
