// Applicators that apply subschemas to the same instance location: references, boolean
// combinations and conditionals.

extension CompiledSchema {
    func applyInPlace(
        _ keyword: Keyword, _ value: JSONValue, _ node: SchemaNode, _ c: inout EvaluationContext, _ gather: Bool,
        _ local: inout Annotations
    ) -> Bool {
        switch keyword {
        case .ref(let target):
            return evaluateChild(target, value, &c, at: nil, schema: "$ref", collect: gather, into: &local)

        case .dynamicRef(let fallback, let anchor):
            // The outermost resource in the dynamic scope that declares the anchor wins.
            var target = fallback
            for resource in c.scope {
                if let found = dynamicAnchors[resource][anchor[0]] {
                    target = found
                    break
                }
            }
            return evaluateChild(target, value, &c, at: nil, schema: "$dynamicRef", collect: gather, into: &local)

        case .allOf(let list):
            var ok = true
            for (i, child) in list.enumerated()
            where !evaluateChild(child, value, &c, at: nil, schema: "allOf", String(i), collect: gather, into: &local) {
                if !c.reportErrors { return false }
                ok = false
            }
            return ok

        case .anyOf(let list):
            // Branches run quietly: a failing branch of a passing anyOf is not an error. With
            // annotations needed, every passing branch must run to contribute its own.
            var matched = false
            for child in list where evaluateQuietly(child, value, &c, collect: gather, &local) {
                matched = true
                if !gather { break }
            }
            if matched { return true }
            if c.reportErrors {
                reportAlternatives("anyOf", Array(list), value, node, &c, gather, &local)
            }
            return false

        case .oneOf(let list):
            var first: Int? = nil
            var second: Int? = nil
            var firstAnnotations = Annotations()
            for (i, child) in list.enumerated() {
                var candidate = Annotations()
                if evaluateQuietly(child, value, &c, collect: gather, &candidate) {
                    if first == nil {
                        first = i
                        firstAnnotations = candidate
                    } else {
                        second = i
                        break
                    }
                }
            }
            if first != nil && second == nil {
                if gather { local.formUnion(firstAnnotations) }
                return true
            }
            guard c.reportErrors else { return false }
            if let first, let second {
                report(
                    &c, node, keyword: "oneOf",
                    message: "must match exactly one of \(list.count) alternatives, but matches alternatives \(first + 1) and \(second + 1)"
                )
            } else {
                reportAlternatives("oneOf", Array(list), value, node, &c, gather, &local)
            }
            return false

        case .not(let child):
            var unused = Annotations()
            if !evaluateQuietly(child, value, &c, collect: false, &unused) { return true }
            if c.reportErrors {
                report(&c, node, keyword: "not", message: describeNegation(child, value))
            }
            return false

        case .conditional(let condition, let then, let otherwise):
            var conditionAnnotations = Annotations()
            if evaluateQuietly(condition, value, &c, collect: gather, &conditionAnnotations) {
                if gather { local.formUnion(conditionAnnotations) }
                guard let then else { return true }
                return evaluateChild(then, value, &c, at: nil, schema: "then", collect: gather, into: &local)
            }
            guard let otherwise else { return true }
            return evaluateChild(otherwise, value, &c, at: nil, schema: "else", collect: gather, into: &local)

        case .dependentSchemas(let pairs):
            guard case .object(let object) = value else { return true }
            var ok = true
            for (trigger, child) in pairs where object.contains(key: trigger) {
                if !evaluateChild(child, value, &c, at: nil, schema: "dependentSchemas", trigger, collect: gather, into: &local) {
                    if !c.reportErrors { return false }
                    ok = false
                }
            }
            return ok

        default:
            return true
        }
    }
}
