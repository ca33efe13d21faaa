import Foundation
import JSONSchema

/// Finds and reads the JSON Schema Test Suite, which lives in place beside the package
/// (`<package>/../shared/jsonschema-test-suite`) and is never copied into this repository.
enum TestSuiteFiles {
    /// The package root, three levels up from this file (Tests/JSONSchemaTests/<file>).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let suiteRoot = packageRoot.appendingPathComponent("../shared/jsonschema-test-suite").standardizedFileURL

    static var testsDirectory: URL { suiteRoot.appendingPathComponent("tests/draft2020-12") }
    static var remotesDirectory: URL { suiteRoot.appendingPathComponent("remotes") }

    /// Why the suite cannot be used, or nil when it is there.
    static var missingReason: String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: testsDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return nil
        }
        return
            "JSON Schema Test Suite not found at \(testsDirectory.path); the conformance test needs shared/jsonschema-test-suite beside the package checkout"
    }

    static func read(_ url: URL) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        return try JSONValue(parsing: [UInt8](data))
    }

    /// The `.json` files directly in `directory`, sorted by name.
    static func jsonFiles(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// A registry holding every file under `remotes/` as `http://localhost:1234/<path>`,
    /// which is where the suite's `$ref`s expect them.
    static func remoteRegistry() throws -> SchemaRegistry {
        var registry = SchemaRegistry()
        let root = remotesDirectory.standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            return registry
        }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator where url.pathExtension == "json" {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            try registry.add(read(url), uri: "http://localhost:1234/" + relative)
        }
        return registry
    }

    /// One test case of a suite file: a schema and instances with their expected validity.
    struct Case {
        var file: String
        var description: String
        var schema: JSONValue
        var tests: [(description: String, data: JSONValue, valid: Bool)]
    }

    static func cases(in url: URL) throws -> [Case] {
        guard case .array(let list) = try read(url) else { return [] }
        return list.compactMap { entry in
            guard case .string(let description)? = entry["description"], let schema = entry["schema"],
                case .array(let tests)? = entry["tests"]
            else { return nil }
            let parsed = tests.compactMap { test -> (description: String, data: JSONValue, valid: Bool)? in
                guard case .string(let d)? = test["description"], let data = test["data"], case .bool(let valid)? = test["valid"]
                else { return nil }
                return (d, data, valid)
            }
            return Case(file: url.lastPathComponent, description: description, schema: schema, tests: parsed)
        }
    }
}
