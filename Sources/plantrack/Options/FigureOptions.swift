import ArgumentParser
import PlantrackCore

/// `--lang` and `--allow-invalid` of rollup and trend.
struct FigureOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Language of headings and words: sv or en (default: workspace.yaml's language, else sv).",
            valueName: "lang"))
    var lang: ReportLanguage?

    @Flag(
        name: .customLong("allow-invalid"),
        help: "Show the figures even when documents cannot be read or have errors, marked as incomplete.")
    var allowInvalid = false
}
