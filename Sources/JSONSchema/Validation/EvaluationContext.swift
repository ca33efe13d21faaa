/// The mutable state of one validation call, passed `inout` down the evaluation.
struct EvaluationContext {
    /// False on the fast pass: stop at the first failure and build nothing.
    var reportErrors: Bool
    var errors: [ValidationError] = []
    /// Where in the instance and in the schema (as evaluated) we are; kept only while
    /// reporting errors.
    var instancePath: [PathComponent] = []
    var schemaPath: [String] = []
    /// Schema resources entered so far, outermost first, for `$dynamicRef`.
    var scope: [Int] = []
    var depth = 0
    /// Nodes entered since the last step down into the instance.
    var inPlaceDepth = 0

    init(reportErrors: Bool) {
        self.reportErrors = reportErrors
    }
}
