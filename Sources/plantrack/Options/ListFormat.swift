import ArgumentParser

/// `--format text|json`.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
