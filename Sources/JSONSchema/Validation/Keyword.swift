/// One compiled keyword of a schema. Subschemas are indices into the compiled node table,
/// so reference cycles are just cycles of integers. Payloads are plain values or unretained
/// references (see SharedStorage.swift), so copying a keyword never touches a reference count.
enum Keyword: Sendable {
    // Any instance type.
    case type(JSONTypeSet)
    case enumeration(SharedList<JSONValue>)
    case const(SharedList<JSONValue>)

    // Numbers.
    case minimum(JSONNumber)
    case exclusiveMinimum(JSONNumber)
    case maximum(JSONNumber)
    case exclusiveMaximum(JSONNumber)
    case multipleOf(JSONNumber)

    // Strings.
    case minLength(Int)
    case maxLength(Int)
    case pattern(SharedPattern)
    case format(FormatKind)

    // Arrays.
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case items(prefix: SharedList<Int>, rest: Int?)
    case contains(Int, min: Int, max: Int?)

    // Objects.
    case minProperties(Int)
    case maxProperties(Int)
    case required(SharedList<String>)
    case dependentRequired(SharedList<(String, [String])>)
    case properties(Unretained<PropertyApplicator>)
    case propertyNames(Int)

    // In place: applied to the same instance location.
    case ref(Int)
    case dynamicRef(Int, anchor: SharedList<String>)
    case allOf(SharedList<Int>)
    case anyOf(SharedList<Int>)
    case oneOf(SharedList<Int>)
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    case dependentSchemas(SharedList<(String, Int)>)
}
