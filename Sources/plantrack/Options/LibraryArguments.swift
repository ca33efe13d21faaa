import ArgumentParser
import PlantrackCore

// The library's types that are written on the command line: their raw values (or the
// day's ISO form) are the argument words, so --help and completions list them.

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }

    public static var defaultCompletionKind: CompletionKind { .default }
}

extension DocumentKind: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}
extension RollUp.Grouping: ExpressibleByArgument {}
extension Trend.Every: ExpressibleByArgument {}
