import ArgumentParser

/// `plantrack schemas …`: the workspace's copy of the schemas.
struct SchemasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemas",
        abstract: "Keep the workspace's Schemas/ in step with this plantrack.",
        subcommands: [SchemasUpdateCommand.self]
    )
}
