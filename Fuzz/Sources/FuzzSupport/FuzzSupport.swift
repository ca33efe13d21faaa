import CFuzzerDriver

/// What the fuzz targets share: running libFuzzer, splitting an input into several files,
/// and stopping with a message when a property does not hold.
public enum Fuzz {
    /// A fuzz target's test of one input, as libFuzzer calls it.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer on `test` with the program's arguments.
    ///
    /// SwiftPM links an executable's entry point under the name `<module>_main` and points
    /// `main` at it, so libFuzzer's own `main` is never linked: each target defines
    /// `<module>_main` and calls this.
    public static func run(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ test: TestOneInput
    ) -> CInt {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, test)
    }

    /// The input's bytes.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The input cut at NUL bytes into at most `count` parts (the last part keeps any
    /// further NULs); missing parts are nil. Documents hold no NUL, so a seed is its files
    /// joined by NULs, and mutations move the cuts as well as the bytes.
    public static func parts(_ bytes: [UInt8], count: Int) -> [[UInt8]?] {
        var parts: [[UInt8]?] = bytes.split(separator: 0, maxSplits: count - 1, omittingEmptySubsequences: false).map {
            Array($0)
        }
        while parts.count < count { parts.append(nil) }
        return parts
    }

    /// Stops the run: a property of the code under test does not hold for this input.
    /// libFuzzer saves the input as a crash.
    public static func fail(_ message: String, input: [UInt8]) -> Never {
        let text = String(decoding: input, as: UTF8.self)
        fatalError("property failed: \(message)\ninput (\(input.count) bytes):\n\(text)")
    }
}
