import Foundation
import PackagePlugin

/// Embeds the package's `Schemas/*.json` into the target as Swift source, so the binary
/// validates anywhere without resource files, and the embedded copy can never drift from
/// the files in `Schemas/`.
///
/// It also writes the fingerprint of the sources figures are computed from (the target's
/// own and those of the package targets it depends on): the roll-up memo is trusted only
/// by a build of the same sources, so a change to the reader, the rules or the figures can
/// never serve what an older build worked out. The sources are the command's inputs, so the
/// fingerprint is made again whenever one of them changes.
@main
struct EmbedSchemas: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let schemas = context.package.directoryURL.appending(path: "Schemas")
        let files = try FileManager.default
            .contentsOfDirectory(at: schemas, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSchemas.swift")
        let fingerprint = context.pluginWorkDirectoryURL.appending(path: "SourceFingerprint.swift")
        let sources = Self.swiftSources(of: target)
        let tool = try context.tool(named: "embed-schemas").url
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) JSON Schemas",
                executable: tool,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]),
            .buildCommand(
                displayName: "Fingerprinting \(sources.count) sources of \(target.name)",
                executable: tool,
                arguments: ["--fingerprint", fingerprint.path, context.package.directoryURL.path] + sources.map(\.path),
                inputFiles: sources,
                outputFiles: [fingerprint]),
        ]
    }

    /// The Swift sources of `target` and of the package targets it depends on, each once.
    static func swiftSources(of target: Target) -> [URL] {
        var seen: Set<String> = []
        var sources: [URL] = []
        func visit(_ target: Target) {
            guard seen.insert(target.id).inserted else { return }
            if let module = target.sourceModule {
                sources += module.sourceFiles(withSuffix: "swift").map(\.url)
            }
            for dependency in target.dependencies {
                if case .target(let inner) = dependency { visit(inner) }
            }
        }
        visit(target)
        return sources.sorted { $0.path < $1.path }
    }
}
