import ArgumentParser

/// `plantrack indicators …`: values of indicators from Kolada.
struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Record indicator values from Kolada, with where each came from.",
        subcommands: [IndicatorsFetchCommand.self, IndicatorsImportCommand.self]
    )
}
