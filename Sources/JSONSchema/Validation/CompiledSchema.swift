/// A schema compiled for repeated validation: an immutable table of keyword nodes with
/// references resolved to indices and regular expressions compiled.
///
/// Obtain one from ``SchemaRegistry/compile(uri:options:)``. It is `Sendable` and holds no
/// mutable state, so one instance can validate documents on any number of threads at once.
/// Validation first runs a fast pass that builds no messages and tracks evaluated members
/// only where `unevaluatedProperties`/`unevaluatedItems` need them; only when that pass
/// fails does a second pass collect located, human-readable errors.
public final class CompiledSchema: @unchecked Sendable {
    // @unchecked only for `nodeReferences`, which is written once in init and then only read.
    let nodes: [SchemaNode]
    /// Unretained references to `nodes`, which keeps them alive until deinit.
    let nodeReferences: UnsafeMutableBufferPointer<Unmanaged<SchemaNode>>
    /// Owns the objects that keywords reference without retaining (see SharedStorage.swift).
    private let keptAlive: [AnyObject]
    let root: Int
    /// For each schema resource: its `$dynamicAnchor` names and their node indices.
    let dynamicAnchors: [[String: Int]]
    /// Whether any `$dynamicRef` needs the dynamic scope; if not, it is not tracked.
    let tracksDynamicScope: Bool

    /// The URI this schema was compiled from.
    public let uri: String
    /// The options it was compiled with.
    public let options: ValidationOptions

    /// Subschemas applied in place one inside the other (through `$ref`, `allOf`...)
    /// without descending into the instance. Only a reference cycle such as
    /// `{"$ref": "#"}` gets near this; stopping early keeps its stack use small.
    static let maximumInPlaceDepth = 128
    /// Evaluation nesting overall, which grows with the document's nesting; a bound on
    /// stack use for absurdly deep documents.
    static let maximumDepth = 1000

    init(
        nodes: [SchemaNode], keptAlive: [AnyObject], root: Int, dynamicAnchors: [[String: Int]], tracksDynamicScope: Bool, uri: String,
        options: ValidationOptions
    ) {
        self.nodes = nodes
        self.keptAlive = keptAlive
        nodeReferences = .allocate(capacity: nodes.count)
        _ = nodeReferences.initialize(from: nodes.map { Unmanaged.passUnretained($0) })
        self.root = root
        self.dynamicAnchors = dynamicAnchors
        self.tracksDynamicScope = tracksDynamicScope
        self.uri = uri
        self.options = options
    }

    deinit {
        nodeReferences.deallocate()
    }

    /// Whether `instance` conforms. Cheaper than ``validate(_:)`` since no error is built.
    public func isValid(_ instance: JSONValue) -> Bool {
        var context = EvaluationContext(reportErrors: false)
        var annotations = Annotations()
        return evaluate(root, instance, &context, collect: false, &annotations)
    }

    /// The reasons `instance` does not conform, in document order; empty when it conforms.
    ///
    /// Each problem is reported once, at the most specific location: an unknown field at
    /// that field, a missing field at the object that lacks it.
    public func validate(_ instance: JSONValue) -> [ValidationError] {
        if isValid(instance) { return [] }
        var context = EvaluationContext(reportErrors: true)
        var annotations = Annotations()
        _ = evaluate(root, instance, &context, collect: false, &annotations)
        return Self.removingDuplicates(context.errors)
    }

    private static func removingDuplicates(_ errors: [ValidationError]) -> [ValidationError] {
        guard errors.count > 1 else { return errors }
        var seen = Set<String>()
        var result: [ValidationError] = []
        for error in errors where seen.insert(error.jsonPointer + "\u{0}" + error.keyword + "\u{0}" + error.message).inserted {
            result.append(error)
        }
        return result
    }
}
