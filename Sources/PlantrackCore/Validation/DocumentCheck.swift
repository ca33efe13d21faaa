import JSONSchema

/// What one document says on its own: its schema's errors and the facts the cross-document
/// rules read. Validating a workspace (``WorkspaceValidator``) and rolling one up
/// (``IncrementalRollUp``) judge a document with this one function, so a document left out
/// of figures is one `validate` reports: the validator turns the errors into findings that
/// point into the document, the roll-up keeps only their rule ids.
struct DocumentCheck {
    /// The errors of the document's front matter against the schema of its kind (none when
    /// no schema applies).
    let schemaErrors: [ValidationError]
    /// What the rules read from the document.
    let facts: KindFacts

    /// Checks `document` against `schemas` and reads its facts, in one pass while its front
    /// matter is at hand.
    init(_ document: Document, schemas: DocumentSchemas) {
        schemaErrors = schemas.schema(for: document.kind)?.validate(document.frontMatter.json) ?? []
        facts = KindFacts(document)
    }

    /// The rule ids of the schema errors (`schema.<keyword>`), as their findings name them.
    var schemaRules: [String] { schemaErrors.map { "schema.\($0.keyword)" } }

    /// The schema errors as findings that point into `document`.
    func schemaFindings(in document: Document) -> [Finding] {
        schemaErrors.isEmpty ? [] : SchemaFinding.findings(for: schemaErrors, in: document)
    }
}
