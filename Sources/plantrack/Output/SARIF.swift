import JSONSchema
import PlantrackCore

/// Findings as a SARIF 2.1.0 log, the format code-scanning tools read.
enum SARIF {
    static func log(for findings: [Finding]) -> JSONValue {
        let ruleIDs = Array(Set(findings.map(\.rule))).sorted()
        let rules: [JSONValue] = ruleIDs.map { id in
            var rule = JSONObject()
            rule["id"] = .string(id)
            let descriptor = PlanRules.descriptor(for: id) ?? (id == ConflictMarkers.rule ? ConflictMarkers.descriptor : nil)
            let summary = descriptor?.summary ?? id
            rule["shortDescription"] = ["text": .string(summary)]
            rule["helpUri"] = .string("docs/rules.md")
            return .object(rule)
        }
        let results: [JSONValue] = findings.map { finding in
            var region = JSONObject()
            if let location = finding.location {
                region["startLine"] = .number(.integer(Int64(location.line)))
                region["startColumn"] = .number(.integer(Int64(location.column)))
            }
            var physical = JSONObject()
            physical["artifactLocation"] = ["uri": .string(finding.path), "uriBaseId": "%SRCROOT%"]
            if !region.isEmpty { physical["region"] = .object(region) }
            var result = JSONObject()
            result["ruleId"] = .string(finding.rule)
            result["level"] = .string(finding.severity == .error ? "error" : "warning")
            result["message"] = ["text": .string(finding.message)]
            result["locations"] = [["physicalLocation": .object(physical)]]
            if let pointer = finding.pointer { result["properties"] = ["pointer": .string(pointer)] }
            return .object(result)
        }
        var driver = JSONObject()
        driver["name"] = "plantrack"
        driver["informationUri"] = "https://plantrack.example/"
        driver["rules"] = .array(rules)
        return [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [["tool": ["driver": .object(driver)], "results": .array(results)]],
        ]
    }
}

/// Findings as GitHub Actions workflow commands (`::error file=…,line=…::message`).
enum GitHubAnnotation {
    static func line(for finding: Finding) -> String {
        var properties = ["file=\(escapeProperty(finding.path))"]
        if let location = finding.location {
            properties.append("line=\(location.line)")
            properties.append("col=\(location.column)")
        }
        properties.append("title=\(escapeProperty(finding.rule))")
        let command = finding.severity == .error ? "error" : "warning"
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(finding.message))\n"
    }

    private static func escapeData(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    private static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
