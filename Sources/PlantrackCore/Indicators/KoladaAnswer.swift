import JSONSchema

/// Reads what Kolada answers: one page of a v3 JSON data answer, a saved answer of one or
/// more pages, or a CSV export (``csv(_:file:)``, in KoladaAnswer+CSV.swift).
///
/// The shapes accepted are those of docs/indicators.md, written by hand from Kolada's
/// published description of v3 (they were not checked against Kolada's OpenAPI document).
public enum KoladaAnswer {
    /// Parses one page of a v3 JSON data answer: `{"values": [...], "next_url": ...}` (or
    /// `next_page`). A value of the wrong type, a missing field or a body that breaks off
    /// throws a ``KoladaAnswerError`` naming `request`, the line and column, and the field.
    public static func page(_ bytes: [UInt8], request: String) throws(KoladaAnswerError) -> KoladaPage {
        let root = try parse(bytes, request: request)
        return try page(root, path: [], bytes: bytes, request: request)
    }

    /// One page of a saved answer, with the request it answered when the file tells it.
    public struct SavedPage: Hashable, Sendable {
        /// The page's values and next page.
        public var page: KoladaPage
        /// The page's own request: its `request` member, else the `next_url` of the page
        /// before it; nil when the file does not tell.
        public var request: String?
    }

    /// Parses a saved answer: one page (an object as ``page(_:request:)`` reads), or a JSON
    /// array of such pages in order. A page may carry the URL it answered in a `request`
    /// member (plantrack's addition; Kolada's answers have none); a later page without one
    /// answered the `next_url` of the page before it.
    public static func saved(_ bytes: [UInt8], file: String) throws(KoladaAnswerError) -> [SavedPage] {
        let root = try parse(bytes, request: file)
        var objects: [(JSONValue, [String])] = []
        if case .array(let items) = root {
            guard !items.isEmpty else {
                throw KoladaAnswerError(
                    request: file, location: SourceLocation(line: 1, column: 1),
                    message: "an empty list of pages; a saved answer is a page {\"values\": [...]} or a list of pages")
            }
            objects = items.enumerated().map { ($0.element, [String($0.offset)]) }
        } else {
            objects = [(root, [])]
        }
        var pages: [SavedPage] = []
        var previousNext: String?
        for (object, path) in objects {
            let page = try page(object, path: path, bytes: bytes, request: file)
            var request = previousNext
            if let member = object["request"] {
                guard case .string(let text) = member else {
                    throw typeError(
                        member, expected: "a string (the URL the page answered)", path: path + ["request"], bytes: bytes, request: file)
                }
                request = text
            }
            pages.append(SavedPage(page: page, request: request))
            previousNext = page.next
        }
        return pages
    }

    // MARK: Parsing

    private static func parse(_ bytes: [UInt8], request: String) throws(KoladaAnswerError) -> JSONValue {
        do {
            return try JSONValue(parsing: bytes)
        } catch let error as JSONParseError {
            let location = SourceLocation(line: error.line, column: error.column)
            if error.offset >= bytes.count || error.message.contains("end of input")
                || error.message == "unterminated string"
            {
                throw KoladaAnswerError(
                    request: request, location: location, message: "the answer breaks off (\(error.message))")
            }
            throw KoladaAnswerError(request: request, location: location, message: "not JSON: \(error.message)")
        } catch {
            throw KoladaAnswerError(request: request, message: "not JSON: \(error)")
        }
    }

    private static func page(_ root: JSONValue, path: [String], bytes: [UInt8], request: String) throws(KoladaAnswerError)
        -> KoladaPage
    {
        guard case .object(let object) = root else {
            throw typeError(root, expected: "an object {\"values\": [...]}", path: path, bytes: bytes, request: request)
        }
        guard let valuesMember = object["values"] else {
            throw missing("values", in: path, bytes: bytes, request: request)
        }
        guard case .array(let rows) = valuesMember else {
            throw typeError(valuesMember, expected: "a list of rows", path: path + ["values"], bytes: bytes, request: request)
        }
        var next: String?
        for key in ["next_url", "next_page"] {
            switch object[key] {
            case nil, .null?: continue
            case .string(let url)?: if !url.isEmpty { next = url }
            case let other?: throw typeError(other, expected: "a URL or null", path: path + [key], bytes: bytes, request: request)
            }
        }
        var values: [KoladaValue] = []
        for (index, row) in rows.enumerated() {
            values += try self.row(row, path: path + ["values", String(index)], bytes: bytes, request: request)
        }
        return KoladaPage(values: values, next: next)
    }

    private static func row(_ row: JSONValue, path: [String], bytes: [UInt8], request: String) throws(KoladaAnswerError)
        -> [KoladaValue]
    {
        guard case .object = row else {
            throw typeError(
                row, expected: "a row {\"kpi\", \"municipality\", \"period\", \"values\"}", path: path, bytes: bytes, request: request)
        }
        func text(_ key: String) throws(KoladaAnswerError) -> String {
            guard let member = row[key] else { throw missing(key, in: path, bytes: bytes, request: request) }
            guard case .string(let s) = member, !s.isEmpty else {
                throw typeError(member, expected: "a non-empty string", path: path + [key], bytes: bytes, request: request)
            }
            return s
        }
        let kpi = try text("kpi")
        let municipality = try text("municipality")
        guard let periodMember = row["period"] else { throw missing("period", in: path, bytes: bytes, request: request) }
        guard case .number(let number) = periodMember, let whole = number.int64Value, let period = Int(exactly: whole),
            (1000...9999).contains(period)
        else {
            throw typeError(periodMember, expected: "a year such as 2023", path: path + ["period"], bytes: bytes, request: request)
        }
        guard let entriesMember = row["values"] else { throw missing("values", in: path, bytes: bytes, request: request) }
        guard case .array(let entries) = entriesMember else {
            throw typeError(entriesMember, expected: "a list of values by gender", path: path + ["values"], bytes: bytes, request: request)
        }
        var values: [KoladaValue] = []
        for (index, entry) in entries.enumerated() {
            let entryPath = path + ["values", String(index)]
            guard case .object = entry else {
                throw typeError(
                    entry, expected: "an object {\"gender\", \"status\", \"value\"}", path: entryPath, bytes: bytes, request: request)
            }
            guard let genderMember = entry["gender"] else { throw missing("gender", in: entryPath, bytes: bytes, request: request) }
            guard case .string(let genderText) = genderMember, let gender = KoladaSource.Gender(rawValue: genderText) else {
                throw typeError(
                    genderMember, expected: "\"T\", \"K\" or \"M\"", path: entryPath + ["gender"], bytes: bytes, request: request)
            }
            var status: String?
            switch entry["status"] {
            case nil, .null?: break
            case .string(let s)?: status = s.isEmpty ? nil : s
            case let other?: throw typeError(other, expected: "a string", path: entryPath + ["status"], bytes: bytes, request: request)
            }
            guard let valueMember = entry["value"] else { throw missing("value", in: entryPath, bytes: bytes, request: request) }
            let value: Double?
            switch valueMember {
            case .null: value = nil
            case .number(let n) where n.doubleValue.isFinite: value = n.doubleValue
            default:
                throw typeError(valueMember, expected: "a number or null", path: entryPath + ["value"], bytes: bytes, request: request)
            }
            values.append(
                KoladaValue(kpi: kpi, municipality: municipality, period: period, gender: gender, value: value, status: status))
        }
        return values
    }

    // MARK: Errors

    private static func typeError(
        _ found: JSONValue, expected: String, path: [String], bytes: [UInt8], request: String
    ) -> KoladaAnswerError {
        var shown = found.description
        if shown.count > 40 { shown = String(shown.prefix(39)) + "…" }
        return KoladaAnswerError(
            request: request, location: locate(path, in: bytes), field: fieldName(path),
            message: "expected \(expected), found \(found.typeName) \(shown)")
    }

    private static func missing(_ key: String, in path: [String], bytes: [UInt8], request: String) -> KoladaAnswerError {
        KoladaAnswerError(
            request: request, location: locate(path, in: bytes), field: path.isEmpty ? nil : fieldName(path),
            message: "no \"\(key)\"")
    }

    /// `values[3].values[0].value` for the path `values/3/values/0/value`.
    static func fieldName(_ path: [String]) -> String {
        var text = ""
        for token in path {
            if Int(token) != nil {
                text += "[\(token)]"
            } else {
                text += text.isEmpty ? token : ".\(token)"
            }
        }
        return text.isEmpty ? "the answer" : text
    }

    /// Where the value at `path` stands in the JSON text. JSON is YAML, and the YAML reader
    /// keeps positions where the JSON reader does not, so an error (only then) reads the
    /// text again as YAML to point at the value; nil when that reading fails.
    static func locate(_ path: [String], in bytes: [UInt8]) -> SourceLocation? {
        guard let root = try? YAMLParser().parse(bytes[...]) else { return nil }
        return root.node(at: path)?.location
    }
}
