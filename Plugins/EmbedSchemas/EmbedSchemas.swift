import Foundation
import PackagePlugin

/// Embeds the package's `Schemas/*.json` into the target as Swift source, so the binary
/// validates anywhere without resource files, and the embedded copy can never drift from
/// the files in `Schemas/`.
@main
struct EmbedSchemas: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let schemas = context.package.directoryURL.appending(path: "Schemas")
        let files = try FileManager.default
            .contentsOfDirectory(at: schemas, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSchemas.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) JSON Schemas",
                executable: try context.tool(named: "embed-schemas").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
