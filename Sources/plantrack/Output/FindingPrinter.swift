import JSONSchema
import PlantrackCore

/// Prints findings the way compilers do: `path:line:column: error: [rule] message`.
struct FindingPrinter {
    let terminal: Terminal
    let style: Style

    init(to terminal: Terminal = .standardError) {
        self.terminal = terminal
        self.style = Style(for: terminal)
    }

    func line(for finding: Finding) -> String {
        var place = finding.path
        if let location = finding.location { place += ":\(location.line):\(location.column)" }
        let severity: String
        switch finding.severity {
        case .error: severity = style.red("error")
        case .warning: severity = style.yellow("warning")
        }
        return "\(style.bold(place)): \(severity): \(style.dim("[\(finding.rule)]")) \(finding.message)"
    }

    func print(_ findings: [Finding]) {
        guard !findings.isEmpty else { return }
        terminal.write(findings.map { line(for: $0) + "\n" }.joined())
    }
}

extension Finding {
    /// The finding as JSON: `{"severity", "rule", "path", "line", "column", "pointer", "message"}`.
    var json: JSONValue {
        var object = JSONObject()
        object["severity"] = .string(severity.rawValue)
        object["rule"] = .string(rule)
        object["path"] = .string(path)
        object["line"] = location.map { .number(.integer(Int64($0.line))) } ?? .null
        object["column"] = location.map { .number(.integer(Int64($0.column))) } ?? .null
        object["pointer"] = pointer.map { .string($0) } ?? .null
        object["message"] = .string(message)
        return .object(object)
    }
}
