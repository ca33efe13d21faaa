import ArgumentParser

/// `--format` of rollup and trend.
enum FigureFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, markdown
}
