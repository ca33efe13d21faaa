/// `properties`, `patternProperties` and `additionalProperties` of one schema, applied in a
/// single pass over the instance's members because the last depends on the first two.
final class PropertyApplicator: Sendable {
    /// Name → (subschema node, position in `names`).
    let properties: [String: (node: Int, order: Int)]
    /// Declared names in schema order, for "did you mean" suggestions.
    let names: [String]
    /// Subschema nodes parallel to `names`.
    let nodes: [Int]
    let patterns: [(SharedPattern, Int)]
    let additional: Int?

    init(names: [String], nodes: [Int], patterns: [(SharedPattern, Int)], additional: Int?) {
        var properties: [String: (node: Int, order: Int)] = [:]
        for (order, name) in names.enumerated() {
            properties[name] = (nodes[order], order)
        }
        self.properties = properties
        self.names = names
        self.nodes = nodes
        self.patterns = patterns
        self.additional = additional
    }
}
