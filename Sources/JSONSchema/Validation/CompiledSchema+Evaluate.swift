// The evaluation engine. One function per instance kind keeps each switch small; every
// failure path either returns at once (fast pass) or reports an error and carries on, so the
// reporting pass finds an error exactly when the fast pass fails.

extension CompiledSchema {
    /// Evaluates node `index` against `value`. When `collect` is true, the members and items
    /// this node evaluated are added to `annotations` (if the node passes, or while reporting
    /// errors, where dropping them would only add noise to an already failing result).
    func evaluate(_ index: Int, _ value: JSONValue, _ c: inout EvaluationContext, collect: Bool, _ annotations: inout Annotations) -> Bool {
        // The node table outlives every validation, so nodes are borrowed without retaining:
        // retain/release on objects shared by several threads is what makes them contend.
        nodeReferences[index]._withUnsafeGuaranteedRef { node in
            evaluate(node, value, &c, collect: collect, &annotations)
        }
    }

    private func evaluate(
        _ node: SchemaNode, _ value: JSONValue, _ c: inout EvaluationContext, collect: Bool, _ annotations: inout Annotations
    ) -> Bool {
        switch node.kind {
        case .alwaysValid:
            return true
        case .alwaysInvalid:
            if c.reportErrors {
                report(&c, node, keyword: nil, message: "no value is allowed here")
            }
            return false
        case .keywords:
            break
        }
        if c.inPlaceDepth >= Self.maximumInPlaceDepth || c.depth >= Self.maximumDepth {
            if c.reportErrors {
                let message =
                    c.depth >= Self.maximumDepth
                    ? "the document is nested too deeply to validate (more than \(Self.maximumDepth) schema levels)"
                    : "the schema refers to itself here without ever reaching a value (a $ref cycle)"
                report(&c, node, keyword: nil, message: message)
            }
            return false
        }
        c.depth += 1
        c.inPlaceDepth += 1
        defer {
            c.depth -= 1
            c.inPlaceDepth -= 1
        }
        let enteredResource = tracksDynamicScope && c.scope.last != node.resource
        if enteredResource { c.scope.append(node.resource) }
        defer { if enteredResource { c.scope.removeLast() } }

        let gather = collect || node.needsAnnotations
        var local = Annotations()
        var valid = true

        for i in node.generic.indices where !checkGeneric(node.generic[i], value, node, &c) {
            valid = false
            if !c.reportErrors { return false }
        }
        switch value {
        case .object(let object):
            for i in node.forObject.indices where !checkObject(node.forObject[i], object, node, &c, gather, &local) {
                valid = false
                if !c.reportErrors { return false }
            }
        case .array(let array):
            for i in node.forArray.indices where !checkArray(node.forArray[i], array, node, &c, gather, &local) {
                valid = false
                if !c.reportErrors { return false }
            }
        case .string(let string):
            for i in node.forString.indices where !checkString(node.forString[i], string, node, &c) {
                valid = false
                if !c.reportErrors { return false }
            }
        case .number(let number):
            for i in node.forNumber.indices where !checkNumber(node.forNumber[i], number, node, &c) {
                valid = false
                if !c.reportErrors { return false }
            }
        default:
            break
        }
        for i in node.inPlace.indices where !applyInPlace(node.inPlace[i], value, node, &c, gather, &local) {
            valid = false
            if !c.reportErrors { return false }
        }
        if let unevaluated = node.unevaluatedProperties, case .object(let object) = value {
            if !applyUnevaluatedProperties(unevaluated, object, node, &c, &local) {
                valid = false
                if !c.reportErrors { return false }
            }
        }
        if let unevaluated = node.unevaluatedItems, case .array(let array) = value {
            if !applyUnevaluatedItems(unevaluated, array, node, &c, &local) {
                valid = false
                if !c.reportErrors { return false }
            }
        }
        if collect && (valid || c.reportErrors) {
            annotations.formUnion(local)
        }
        return valid
    }

    /// Evaluates a subschema one step down in the instance and/or schema, keeping the
    /// paths for error reports. Schema steps are plain parameters rather than variadic ones
    /// because a variadic argument allocates an array on every call.
    @inline(__always)
    func evaluateChild(
        _ index: Int, _ value: JSONValue, _ c: inout EvaluationContext, at instanceStep: PathComponent?,
        schema step: String, _ step2: String? = nil, collect: Bool = false, into annotations: inout Annotations
    ) -> Bool {
        if kind(of: index) == .alwaysValid { return true }
        // A step into the instance is progress: in-place nesting starts again from zero.
        let savedInPlaceDepth = c.inPlaceDepth
        if instanceStep != nil { c.inPlaceDepth = 0 }
        defer { c.inPlaceDepth = savedInPlaceDepth }
        guard c.reportErrors else {
            return evaluate(index, value, &c, collect: collect, &annotations)
        }
        if let instanceStep { c.instancePath.append(instanceStep) }
        c.schemaPath.append(JSONPointer.escape(step))
        if let step2 { c.schemaPath.append(JSONPointer.escape(step2)) }
        let result = evaluate(index, value, &c, collect: collect, &annotations)
        c.schemaPath.removeLast(step2 == nil ? 1 : 2)
        if instanceStep != nil { c.instancePath.removeLast() }
        return result
    }

    /// The kind of node `index`, read without retaining the shared node.
    @inline(__always)
    func kind(of index: Int) -> SchemaNode.Kind {
        nodeReferences[index]._withUnsafeGuaranteedRef { $0.kind }
    }

    /// Evaluates without reporting errors (for `not`, `if`, `contains` and the first try of
    /// `anyOf`/`oneOf`, whose failures are not errors in themselves).
    @inline(__always)
    func evaluateQuietly(_ index: Int, _ value: JSONValue, _ c: inout EvaluationContext, collect: Bool, _ annotations: inout Annotations)
        -> Bool
    {
        let reporting = c.reportErrors
        c.reportErrors = false
        defer { c.reportErrors = reporting }
        return evaluate(index, value, &c, collect: collect, &annotations)
    }

    // MARK: - Keywords for any type

    private func checkGeneric(_ keyword: Keyword, _ value: JSONValue, _ node: SchemaNode, _ c: inout EvaluationContext) -> Bool {
        switch keyword {
        case .type(let types):
            if types.matches(value) { return true }
            if c.reportErrors {
                report(
                    &c, node, keyword: "type", message: "must be \(Describe.typeList(types.names)); got \(Describe.found(value))",
                    expectedTypes: types.names)
            }
            return false
        case .enumeration(let allowed):
            if allowed.contains(value) { return true }
            if c.reportErrors {
                let listed = allowed.map(Describe.listed).joined(separator: ", ")
                let message =
                    allowed.count == 1
                    ? "must be \(Describe.preview(allowed[0])); got \(Describe.preview(value))"
                    : "must be one of \(listed); got \(Describe.preview(value))"
                report(&c, node, keyword: "enum", message: message, suggestion: suggestion(for: value, among: Array(allowed)))
            }
            return false
        case .const(let constant):
            let expected = constant[0]
            if value == expected { return true }
            if c.reportErrors {
                report(
                    &c, node, keyword: "const", message: "must be \(Describe.preview(expected)); got \(Describe.preview(value))",
                    suggestion: suggestion(for: value, among: [expected]))
            }
            return false
        default:
            return true
        }
    }

    private func suggestion(for value: JSONValue, among allowed: [JSONValue]) -> String? {
        guard case .string(let written) = value else { return nil }
        return Suggestions.closest(to: written, among: allowed.compactMap(\.stringValue))
    }

    // MARK: - Numbers and strings

    private func checkNumber(_ keyword: Keyword, _ n: JSONNumber, _ node: SchemaNode, _ c: inout EvaluationContext) -> Bool {
        switch keyword {
        case .minimum(let limit):
            if JSONNumber.compare(n, limit) >= 0 { return true }
            if c.reportErrors { report(&c, node, keyword: "minimum", message: "must be at least \(limit); got \(n)") }
        case .exclusiveMinimum(let limit):
            if JSONNumber.compare(n, limit) > 0 { return true }
            if c.reportErrors { report(&c, node, keyword: "exclusiveMinimum", message: "must be greater than \(limit); got \(n)") }
        case .maximum(let limit):
            if JSONNumber.compare(n, limit) <= 0 { return true }
            if c.reportErrors { report(&c, node, keyword: "maximum", message: "must be at most \(limit); got \(n)") }
        case .exclusiveMaximum(let limit):
            if JSONNumber.compare(n, limit) < 0 { return true }
            if c.reportErrors { report(&c, node, keyword: "exclusiveMaximum", message: "must be less than \(limit); got \(n)") }
        case .multipleOf(let divisor):
            if n.isMultiple(of: divisor) { return true }
            if c.reportErrors { report(&c, node, keyword: "multipleOf", message: "must be a multiple of \(divisor); got \(n)") }
        default:
            return true
        }
        return false
    }

    private func checkString(_ keyword: Keyword, _ s: String, _ node: SchemaNode, _ c: inout EvaluationContext) -> Bool {
        switch keyword {
        case .minLength(let limit):
            // A scalar takes 1 to 4 UTF-8 bytes, so the byte count usually decides alone.
            let bytes = s.utf8.count
            if bytes < limit { break }
            if bytes >= 4 * limit || s.unicodeScalarCount >= limit { return true }
        case .maxLength(let limit):
            if s.utf8.count <= limit || s.unicodeScalarCount <= limit { return true }
        case .pattern(let pattern):
            if pattern.matches(s) { return true }
        case .format(let format):
            if format.check(s) { return true }
        default:
            return true
        }
        guard c.reportErrors else { return false }
        let quoted = Describe.preview(.string(s))
        switch keyword {
        case .minLength(let limit):
            report(
                &c, node, keyword: "minLength",
                message: "must be at least \(Describe.plural(limit, "character")) long; got \(s.unicodeScalarCount)")
        case .maxLength(let limit):
            report(
                &c, node, keyword: "maxLength",
                message: "must be at most \(Describe.plural(limit, "character")) long; got \(s.unicodeScalarCount)")
        case .pattern(let pattern):
            report(&c, node, keyword: "pattern", message: "\(quoted) does not match the pattern \(pattern.source)")
        case .format(let format):
            report(&c, node, keyword: "format", message: "\(quoted) is not a valid \(format.name)")
        default:
            break
        }
        return false
    }

    // MARK: - Objects

    private func checkObject(
        _ keyword: Keyword, _ object: JSONObject, _ node: SchemaNode, _ c: inout EvaluationContext, _ gather: Bool,
        _ local: inout Annotations
    ) -> Bool {
        switch keyword {
        case .properties(let applicator):
            return applicator.with { applyProperties($0, object, node, &c, gather, &local) }
        case .required(let names):
            var ok = true
            for name in names where !object.contains(key: name) {
                guard c.reportErrors else { return false }
                ok = false
                report(&c, node, keyword: "required", message: "missing required field \(JSONValue.quoted(name))", missingProperty: name)
            }
            return ok
        case .dependentRequired(let pairs):
            var ok = true
            for (trigger, needed) in pairs where object.contains(key: trigger) {
                for name in needed where !object.contains(key: name) {
                    guard c.reportErrors else { return false }
                    ok = false
                    report(
                        &c, node, keyword: "dependentRequired",
                        message: "missing field \(JSONValue.quoted(name)), which is required when \(JSONValue.quoted(trigger)) is present",
                        missingProperty: name)
                }
            }
            return ok
        case .minProperties(let limit):
            if object.count >= limit { return true }
            if c.reportErrors {
                report(
                    &c, node, keyword: "minProperties",
                    message: "must have at least \(Describe.plural(limit, "field")); got \(object.count)")
            }
            return false
        case .maxProperties(let limit):
            if object.count <= limit { return true }
            if c.reportErrors {
                report(
                    &c, node, keyword: "maxProperties", message: "must have at most \(Describe.plural(limit, "field")); got \(object.count)"
                )
            }
            return false
        case .propertyNames(let child):
            var ok = true
            var unused = Annotations()
            for entry in object {
                let before = c.errors.count
                if !evaluateChild(child, .string(entry.key), &c, at: .key(entry.key), schema: "propertyNames", into: &unused) {
                    guard c.reportErrors else { return false }
                    ok = false
                    for i in before..<c.errors.count {
                        c.errors[i].message = "field name \(JSONValue.quoted(entry.key)): " + c.errors[i].message
                    }
                }
            }
            return ok
        default:
            return true
        }
    }

    private func applyProperties(
        _ applicator: PropertyApplicator, _ object: JSONObject, _ node: SchemaNode, _ c: inout EvaluationContext, _ gather: Bool,
        _ local: inout Annotations
    ) -> Bool {
        var ok = true
        var unused = Annotations()
        // Documents usually list fields in the schema's order, so the name after the last
        // match is tried first, which saves hashing the key.
        var expected = 0
        let declaredCount = applicator.names.count
        for (position, entry) in object.enumerated() {
            var matched = false
            var declared: Int? = nil
            if expected < declaredCount, applicator.names[expected] == entry.key {
                declared = applicator.nodes[expected]
                expected += 1
            } else if let found = applicator.properties[entry.key] {
                declared = found.node
                expected = found.order + 1
            }
            if let child = declared {
                matched = true
                if c.reportErrors && kind(of: child) == .alwaysInvalid {
                    // `"legacy": false` forbids a field by name; say so rather than "no value".
                    ok = false
                    report(
                        &c, node, keyword: "properties", message: "field \(JSONValue.quoted(entry.key)) is not allowed", at: .key(entry.key)
                    )
                } else if !evaluateChild(child, entry.value, &c, at: .key(entry.key), schema: "properties", entry.key, into: &unused) {
                    if !c.reportErrors { return false }
                    ok = false
                }
            }
            for j in applicator.patterns.indices where applicator.patterns[j].0.matches(entry.key) {
                matched = true
                let child = applicator.patterns[j].1
                if !evaluateChild(
                    child, entry.value, &c, at: .key(entry.key), schema: "patternProperties",
                    c.reportErrors ? applicator.patterns[j].0.source : nil, into: &unused)
                {
                    if !c.reportErrors { return false }
                    ok = false
                }
            }
            if !matched, let additional = applicator.additional {
                matched = true
                if kind(of: additional) == .alwaysInvalid {
                    if !c.reportErrors { return false }
                    ok = false
                    reportUnknownField(&c, node, keyword: "additionalProperties", name: entry.key, known: applicator.names)
                } else if !evaluateChild(additional, entry.value, &c, at: .key(entry.key), schema: "additionalProperties", into: &unused) {
                    if !c.reportErrors { return false }
                    ok = false
                }
            }
            if matched && gather { local.properties.insert(position) }
        }
        return ok
    }

    @inline(never)
    private func reportUnknownField(_ c: inout EvaluationContext, _ node: SchemaNode, keyword: String, name: String, known: [String]) {
        report(
            &c, node, keyword: keyword, message: "unknown field \(JSONValue.quoted(name))", at: .key(name),
            suggestion: Suggestions.closest(to: name, among: known))
    }

    private func applyUnevaluatedProperties(
        _ child: Int, _ object: JSONObject, _ node: SchemaNode, _ c: inout EvaluationContext, _ local: inout Annotations
    ) -> Bool {
        var ok = true
        var unused = Annotations()
        let rejectsAll = kind(of: child) == .alwaysInvalid
        for (position, entry) in object.enumerated() where !local.properties.contains(position) {
            if rejectsAll {
                if !c.reportErrors { return false }
                ok = false
                reportUnknownField(&c, node, keyword: "unevaluatedProperties", name: entry.key, known: node.knownPropertyNames)
            } else if !evaluateChild(child, entry.value, &c, at: .key(entry.key), schema: "unevaluatedProperties", into: &unused) {
                if !c.reportErrors { return false }
                ok = false
            }
            local.properties.insert(position)
        }
        return ok
    }

    // MARK: - Arrays

    private func checkArray(
        _ keyword: Keyword, _ array: [JSONValue], _ node: SchemaNode, _ c: inout EvaluationContext, _ gather: Bool,
        _ local: inout Annotations
    ) -> Bool {
        switch keyword {
        case .minItems(let limit):
            if array.count >= limit { return true }
            if c.reportErrors {
                report(&c, node, keyword: "minItems", message: "must have at least \(Describe.plural(limit, "item")); got \(array.count)")
            }
            return false
        case .maxItems(let limit):
            if array.count <= limit { return true }
            if c.reportErrors {
                report(&c, node, keyword: "maxItems", message: "must have at most \(Describe.plural(limit, "item")); got \(array.count)")
            }
            return false
        case .uniqueItems:
            return checkUnique(array, node, &c)
        case .items(let prefix, let rest):
            var ok = true
            var unused = Annotations()
            for (i, item) in array.enumerated() {
                let child: Int
                let isPrefix = i < prefix.count
                if isPrefix {
                    child = prefix[i]
                } else if let rest {
                    child = rest
                } else {
                    break
                }
                if i >= prefix.count && kind(of: child) == .alwaysInvalid {
                    if !c.reportErrors { return false }
                    ok = false
                    let message =
                        prefix.isEmpty
                        ? "unexpected item; the array must be empty"
                        : "unexpected item; at most \(Describe.plural(prefix.count, "item")) allowed"
                    report(&c, node, keyword: "items", message: message, at: .index(i))
                } else if !evaluateChild(
                    child, item, &c, at: .index(i), schema: isPrefix ? "prefixItems" : "items", isPrefix ? String(i) : nil,
                    into: &unused)
                {
                    if !c.reportErrors { return false }
                    ok = false
                }
                if gather { local.items.insert(i) }
            }
            return ok
        case .contains(let child, let minimum, let maximum):
            var matches = 0
            var unused = Annotations()
            let savedInPlaceDepth = c.inPlaceDepth
            c.inPlaceDepth = 0
            defer { c.inPlaceDepth = savedInPlaceDepth }
            for (i, item) in array.enumerated() {
                if evaluateQuietly(child, item, &c, collect: false, &unused) {
                    matches += 1
                    if gather {
                        local.items.insert(i)
                    } else if maximum == nil && matches >= minimum {
                        break
                    }
                }
            }
            if matches < minimum {
                if c.reportErrors {
                    let message =
                        array.isEmpty
                        ? "must contain at least \(Describe.plural(minimum, "item")) matching the \"contains\" schema; the array is empty"
                        : "must contain at least \(Describe.plural(minimum, "item")) matching the \"contains\" schema; found \(matches)"
                    report(&c, node, keyword: minimum == 1 ? "contains" : "minContains", message: message)
                }
                return false
            }
            if let maximum, matches > maximum {
                if c.reportErrors {
                    report(
                        &c, node, keyword: "maxContains",
                        message:
                            "must contain at most \(Describe.plural(maximum, "item")) matching the \"contains\" schema; found \(matches)")
                }
                return false
            }
            return true
        default:
            return true
        }
    }

    @inline(never)
    private func checkUnique(_ array: [JSONValue], _ node: SchemaNode, _ c: inout EvaluationContext) -> Bool {
        var ok = true
        if array.count <= 16 {
            for i in array.indices {
                for j in (i + 1)..<array.count where array[i] == array[j] {
                    if !c.reportErrors { return false }
                    ok = false
                    report(
                        &c, node, keyword: "uniqueItems",
                        message: "must not repeat items; items \(i) and \(j) are equal (\(Describe.preview(array[i])))")
                }
            }
            return ok
        }
        var firstSeen: [JSONValue: Int] = [:]
        for (i, item) in array.enumerated() {
            if let earlier = firstSeen[item] {
                if !c.reportErrors { return false }
                ok = false
                report(
                    &c, node, keyword: "uniqueItems",
                    message: "must not repeat items; items \(earlier) and \(i) are equal (\(Describe.preview(item)))")
            } else {
                firstSeen[item] = i
            }
        }
        return ok
    }

    private func applyUnevaluatedItems(
        _ child: Int, _ array: [JSONValue], _ node: SchemaNode, _ c: inout EvaluationContext, _ local: inout Annotations
    ) -> Bool {
        var ok = true
        var unused = Annotations()
        let rejectsAll = kind(of: child) == .alwaysInvalid
        for (i, item) in array.enumerated() where !local.items.contains(i) {
            if rejectsAll {
                if !c.reportErrors { return false }
                ok = false
                report(&c, node, keyword: "unevaluatedItems", message: "unexpected item; no schema allows an item here", at: .index(i))
            } else if !evaluateChild(child, item, &c, at: .index(i), schema: "unevaluatedItems", into: &unused) {
                if !c.reportErrors { return false }
                ok = false
            }
            local.items.insert(i)
        }
        return ok
    }
}
