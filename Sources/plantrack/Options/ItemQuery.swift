import ArgumentParser
import PlantrackCore

extension ItemReference {
    /// The item an `ITEM` argument names (`county`, `county/year` or `county/year/id`), as
    /// `show`, `log` and `update` read it; anything else is a usage error.
    static func argument(_ text: String) throws -> ItemReference {
        guard let reference = ItemReference(text) else {
            throw ValidationError(
                "'\(text)' is not an item reference: write county, county/year or county/year/id (e.g. stockholm/2021/bu-p1)."
            )
        }
        return reference
    }
}

/// What a command's `--help` says its `ITEM` argument is.
protocol ItemArgumentHelp {
    /// The argument's line in `--help`.
    static var text: String { get }
}

/// `ITEM [--format text|json]` of `show` and `log`: the county, plan or item to print, and
/// how to print it.
struct ItemQuery<Help: ItemArgumentHelp>: ParsableArguments {
    @Argument(help: ArgumentHelp(Help.text, valueName: "item"))
    var item: String

    @Option(help: "Output format.")
    var format: ListFormat = .text

    func validate() throws {
        _ = try ItemReference.argument(item)
    }

    /// The item named (``validate()`` has checked it before a command runs).
    func reference() throws -> ItemReference {
        try ItemReference.argument(item)
    }
}
