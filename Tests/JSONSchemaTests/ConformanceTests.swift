import Foundation
import JSONSchema
import Testing

/// Runs the official JSON Schema Test Suite (draft 2020-12) against this validator.
@Suite("JSON Schema Test Suite")
struct ConformanceTests {
    /// Suite tests this validator does not pass on purpose, each with its reason.
    /// Keyed by file, case description and test description ("*" for a whole case).
    static let skipped: [(file: String, testCase: String, test: String, reason: String)] = []

    private static func isSkipped(_ file: String, _ testCase: String, _ test: String) -> Bool {
        skipped.contains { $0.file == file && $0.testCase == testCase && ($0.test == "*" || $0.test == test) }
    }

    struct Tally {
        var passed = 0
        var failed = 0
        var skipped = 0
        var failures: [String] = []
    }

    /// Runs every case of `files`; `checkErrors` also requires `validate` to agree with
    /// `isValid`, which exercises the error-reporting pass on every suite instance.
    static func run(
        _ files: [URL], registry: SchemaRegistry, options: ValidationOptions, honourSkips: Bool
    ) throws -> Tally {
        var tally = Tally()
        for file in files {
            for (caseIndex, testCase) in try TestSuiteFiles.cases(in: file).enumerated() {
                let uri = "https://plantrack.invalid/suite/\(file.deletingPathExtension().lastPathComponent)/\(caseIndex).json"
                let compiled: Result<CompiledSchema, SchemaError>
                do {
                    compiled = .success(try registry.compile(testCase.schema, uri: uri, options: options))
                } catch {
                    compiled = .failure(error)
                }
                for test in testCase.tests {
                    if honourSkips && isSkipped(testCase.file, testCase.description, test.description) {
                        tally.skipped += 1
                        continue
                    }
                    let label = "\(testCase.file) | \(testCase.description) | \(test.description)"
                    switch compiled {
                    case .failure(let error):
                        tally.failed += 1
                        tally.failures.append("\(label): schema did not compile: \(error)")
                    case .success(let schema):
                        let fast = schema.isValid(test.data)
                        let errors = schema.validate(test.data)
                        if fast == test.valid && errors.isEmpty == test.valid {
                            tally.passed += 1
                        } else {
                            tally.failed += 1
                            tally.failures.append(
                                "\(label): expected \(test.valid ? "valid" : "invalid"), isValid=\(fast), errors=\(errors.map(\.description))"
                            )
                        }
                    }
                }
            }
        }
        return tally
    }

    @Test("draft 2020-12, required tests")
    func requiredTests() throws {
        if let reason = TestSuiteFiles.missingReason {
            Issue.record(Comment(rawValue: reason))
            return
        }
        #expect(Self.skipped.count <= 10, "at most 10 skipped suite tests are acceptable")
        let registry = try TestSuiteFiles.remoteRegistry()
        let files = try TestSuiteFiles.jsonFiles(in: TestSuiteFiles.testsDirectory)
        #expect(!files.isEmpty, "no test files in \(TestSuiteFiles.testsDirectory.path)")
        let tally = try Self.run(files, registry: registry, options: ValidationOptions(), honourSkips: true)
        for failure in tally.failures {
            print("FAILED \(failure)")
        }
        print("conformance: \(tally.passed) passed, \(tally.failed) failed, \(tally.skipped) skipped")
        #expect(tally.failed == 0, "\(tally.failed) suite tests failed; see the FAILED lines above")
        #expect(tally.passed > 1000, "suspiciously few suite tests ran: \(tally.passed)")
    }

    @Test("draft 2020-12, optional format tests with format assertion on")
    func optionalFormats() throws {
        if let reason = TestSuiteFiles.missingReason {
            Issue.record(Comment(rawValue: reason))
            return
        }
        let registry = try TestSuiteFiles.remoteRegistry()
        let directory = TestSuiteFiles.testsDirectory.appendingPathComponent("optional/format")
        var lines: [String] = []
        for name in ["date", "date-time", "email", "uri"] {
            let file = directory.appendingPathComponent(name + ".json")
            let tally = try Self.run([file], registry: registry, options: ValidationOptions(assertFormat: true), honourSkips: false)
            for failure in tally.failures {
                print("optional format miss: \(failure)")
            }
            let total = tally.passed + tally.failed
            lines.append("optional format \(name): \(tally.passed)/\(total) passed")
        }
        for line in lines { print(line) }
    }
}
