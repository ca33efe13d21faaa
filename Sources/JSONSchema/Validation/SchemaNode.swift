/// One compiled schema: its keywords sorted by the instance type they apply to, so that
/// validating a string never looks at object keywords.
final class SchemaNode: Sendable {
    enum Kind: Sendable {
        /// `true`, `{}`, or a schema with only annotations: nothing to check.
        case alwaysValid
        /// `false`.
        case alwaysInvalid
        case keywords
    }

    let kind: Kind
    /// `type`, `enum`, `const`: checked first so their message leads.
    let generic: [Keyword]
    let forObject: [Keyword]
    let forArray: [Keyword]
    let forString: [Keyword]
    let forNumber: [Keyword]
    /// `$ref`, `allOf`, `if`... applied to the same instance after the typed keywords.
    let inPlace: [Keyword]
    /// Applied last, once every other keyword has recorded what it evaluated.
    let unevaluatedProperties: Int?
    let unevaluatedItems: Int?
    /// Whether evaluating this node must track evaluated members and items.
    let needsAnnotations: Bool
    /// Index of the schema resource this node belongs to (for `$dynamicRef` scope).
    let resource: Int
    /// Absolute URI of this schema, e.g. "https://example.org/plan.json#/properties/status".
    let location: String
    /// Property names declared here or in in-place subschemas, for suggestions when
    /// `unevaluatedProperties` rejects a member.
    let knownPropertyNames: [String]

    init(
        kind: Kind, generic: [Keyword] = [], forObject: [Keyword] = [], forArray: [Keyword] = [],
        forString: [Keyword] = [], forNumber: [Keyword] = [], inPlace: [Keyword] = [],
        unevaluatedProperties: Int? = nil, unevaluatedItems: Int? = nil, resource: Int, location: String,
        knownPropertyNames: [String] = []
    ) {
        self.kind = kind
        self.generic = generic
        self.forObject = forObject
        self.forArray = forArray
        self.forString = forString
        self.forNumber = forNumber
        self.inPlace = inPlace
        self.unevaluatedProperties = unevaluatedProperties
        self.unevaluatedItems = unevaluatedItems
        self.needsAnnotations = unevaluatedProperties != nil || unevaluatedItems != nil
        self.resource = resource
        self.location = location
        self.knownPropertyNames = knownPropertyNames
    }
}
