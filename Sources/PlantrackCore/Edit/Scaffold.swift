/// New documents written from fields: the front matter in the format's field order, with
/// values quoted only where YAML needs it, and a body with headings to fill in.
public enum Scaffold {
    /// A document of `kind` with `fields` (without `kind`, which comes first) and `body`.
    public static func document(_ kind: DocumentKind, fields: [EditField], body: String) throws(FrontMatterEditError) -> [UInt8] {
        var editor = try FrontMatterEditor(Array("---\nkind: \(kind.rawValue)\n---\n".utf8) + Array(body.utf8))
        for field in fields {
            try editor.set([field.key], to: field.value, order: FieldOrder.topLevel(kind))
        }
        return editor.bytes
    }

    /// The body of a new document of `kind`, in Swedish like the plans.
    public static func body(for kind: DocumentKind) -> String {
        switch kind {
        case .county: return "\nOm länet: region, kommuner och hur samverkan är organiserad.\n"
        case .plan: return "\n## Bakgrund\n\n## Syfte\n\n## Organisation\n"
        case .goal: return "\nVarför målet är viktigt och hur det följs upp.\n"
        case .activity: return "\nVad aktiviteten är och hur den genomförs.\n"
        case .followup: return "\nRedovisningens prosa: hur arbetet har gått under året.\n"
        case .workspace: return ""
        }
    }
}
