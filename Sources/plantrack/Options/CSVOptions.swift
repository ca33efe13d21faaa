import ArgumentParser

/// `--delimiter` and `--bom`: how a command that writes CSV (rollup, trend, report) writes it.
struct CSVOptions: ParsableArguments {
    @Option(help: ArgumentHelp("CSV field delimiter (';' for a Swedish Excel).", valueName: "char"))
    var delimiter: String = ","

    @Flag(help: "Start CSV output with a UTF-8 byte-order mark (for Excel).")
    var bom = false

    /// Refuses a delimiter CSV cannot use. Each command calls it from its own `validate()`,
    /// where its other usage checks expect it: as this group's `validate()`, ArgumentParser
    /// would run it before the command's, and another usage error would be reported.
    func checkDelimiter() throws {
        if delimiter.count != 1 || delimiter == "\"" || delimiter == "\n" {
            throw ValidationError("--delimiter must be one character other than a quote or a line break.")
        }
    }

    /// The writer for these options.
    var writer: CSVWriter { CSVWriter(delimiter: delimiter, byteOrderMark: bom) }
}
