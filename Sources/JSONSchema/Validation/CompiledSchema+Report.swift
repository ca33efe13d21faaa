// Building error values, and choosing what to say when no alternative of anyOf/oneOf fits.

extension CompiledSchema {
    /// Appends an error for `keyword` of `node` at the current instance location (plus
    /// `step`, for errors that belong to one member or item). A nil keyword means the
    /// `false` schema itself.
    ///
    /// Messages arrive as autoclosures and the function is never inlined: building strings
    /// in the evaluation functions themselves would bloat their stack frames, and deep
    /// documents recurse through those frames.
    @inline(never)
    func report(
        _ c: inout EvaluationContext, _ node: SchemaNode, keyword: String?, message: @autoclosure () -> String,
        at step: PathComponent? = nil, suggestion: @autoclosure () -> String? = nil, missingProperty: String? = nil,
        expectedTypes: [String]? = nil
    ) {
        var location = c.instancePath
        if let step { location.append(step) }
        var keywordLocation = ""
        for s in c.schemaPath {
            keywordLocation += "/"
            keywordLocation += s
        }
        var schemaLocation = node.location
        if let keyword {
            keywordLocation += "/" + keyword
            schemaLocation += "/" + keyword
        }
        var error = ValidationError(
            instanceLocation: location, keyword: keyword ?? "false", keywordLocation: keywordLocation,
            schemaLocation: schemaLocation, message: message(), suggestion: suggestion(), missingProperty: missingProperty)
        error.expectedTypes = expectedTypes
        c.errors.append(error)
    }

    /// Reports why no alternative of `anyOf`/`oneOf` matched.
    ///
    /// Alternatives that fail on the instance's type, or on a `const`/`enum` at the
    /// instance or one of its fields (a discriminator such as `"kind": {"const": "x"}`),
    /// are "far". If exactly one alternative is near, its own errors are the useful ones; if
    /// all fail only on type, one merged type error says what is allowed; otherwise one
    /// summary error names each alternative's first problem.
    @inline(never)
    func reportAlternatives(
        _ keyword: String, _ list: [Int], _ value: JSONValue, _ node: SchemaNode, _ c: inout EvaluationContext, _ gather: Bool,
        _ local: inout Annotations
    ) {
        let saved = c.errors
        var branches: [[ValidationError]] = []
        for (i, child) in list.enumerated() {
            c.errors = []
            var branchAnnotations = Annotations()
            _ = evaluateChild(child, value, &c, at: nil, schema: keyword, String(i), collect: gather, into: &branchAnnotations)
            // The result is a failure either way; counting these members as evaluated keeps
            // unevaluatedProperties from repeating the alternatives' complaints.
            if gather { local.formUnion(branchAnnotations) }
            branches.append(c.errors)
        }
        c.errors = saved
        let depth = c.instancePath.count

        func isFar(_ errors: [ValidationError]) -> Bool {
            errors.contains { error in
                let d = error.instanceLocation.count
                switch error.keyword {
                case "type", "false": return d == depth
                case "const", "enum": return d <= depth + 1
                default: return false
                }
            }
        }

        let near = branches.indices.filter { !isFar(branches[$0]) }
        if near.count == 1 {
            c.errors += branches[near[0]]
            return
        }
        if near.isEmpty {
            var names: [String] = []
            var onlyTypes = true
            for errors in branches {
                for error in errors {
                    guard error.keyword == "type", error.instanceLocation.count == depth, let expected = error.expectedTypes else {
                        onlyTypes = false
                        break
                    }
                    for name in expected where !names.contains(name) { names.append(name) }
                }
            }
            if onlyTypes && !names.isEmpty {
                let ordered = JSONTypeSet.all.map(\.0).filter { names.contains($0) }
                report(
                    &c, node, keyword: keyword, message: "must be \(Describe.typeList(ordered)); got \(Describe.found(value))",
                    expectedTypes: ordered)
                return
            }
        }
        if near.count > 1 {
            let fewest = near.map { branches[$0].count }.min() ?? 0
            let best = near.filter { branches[$0].count == fewest }
            if best.count == 1 {
                c.errors += branches[best[0]]
                return
            }
        }
        let quantity = keyword == "oneOf" ? "exactly one" : "at least one"
        var message = "must match \(quantity) of \(list.count) alternatives, but matches none"
        var details: [String] = []
        for (i, errors) in branches.enumerated().prefix(4) {
            guard let first = errors.first else { continue }
            let relative = first.instanceLocation.dropFirst(depth)
            let place = relative.isEmpty ? "" : "at \(Array(relative).jsonPointer): "
            details.append("(\(i + 1)) \(place)\(first.message)")
        }
        if !details.isEmpty {
            message += ": " + details.joined(separator: "; ")
        }
        report(&c, node, keyword: keyword, message: message)
    }

    /// A message for a value that matched the schema in `not`.
    @inline(never)
    func describeNegation(_ child: Int, _ value: JSONValue) -> String {
        let negated = nodes[child]
        if negated.kind == .alwaysValid { return "no value is allowed here" }
        let onlyGeneric =
            negated.forObject.isEmpty && negated.forArray.isEmpty && negated.forString.isEmpty
            && negated.forNumber.isEmpty && negated.inPlace.isEmpty && negated.generic.count == 1
        if onlyGeneric, let keyword = negated.generic.first {
            switch keyword {
            case .type(let types):
                return "must not be \(Describe.typeList(types.names)); got \(Describe.found(value))"
            case .const(let forbidden):
                return "must not be \(Describe.preview(forbidden[0]))"
            case .enumeration(let forbidden):
                return "must not be any of \(forbidden.map(Describe.listed).joined(separator: ", ")); got \(Describe.preview(value))"
            default:
                break
            }
        }
        return "must not match the schema in \"not\""
    }
}
