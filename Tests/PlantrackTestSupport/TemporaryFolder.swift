import Foundation

/// A temporary folder removed when the last reference to it goes away (at the end of the
/// test that made it).
public final class TemporaryFolder {
    /// The folder's location.
    public let url: URL

    /// Creates a fresh, empty folder under the system's temporary directory.
    public init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("plantrack-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes a text file (creating folders) at a path relative to the folder.
    public func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    /// Writes bytes (creating folders) at a path relative to the folder.
    public func write(_ relative: String, _ data: Data) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// The folder's path.
    public var path: String { url.path }
}

/// A test could not set up what it needs (not a finding of the code under test).
public struct TestSetupError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension Array where Element == UInt8 {
    /// The bytes decoded as UTF-8, invalid sequences replaced.
    public var text: String { String(decoding: self, as: UTF8.self) }
}
