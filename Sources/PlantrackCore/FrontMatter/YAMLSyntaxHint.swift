/// What to do about a YAML syntax error, in the words of someone who edits a plan rather
/// than someone who knows libyaml: the mistakes met in practice are a tab, a line indented
/// differently from its neighbours, a list item without its `-`, an unclosed quote and a
/// colon inside a value.
enum YAMLSyntaxHint {
    /// The advice for libyaml's `problem` (and `context`, whose line is `contextLine`), given
    /// the character at the reported place and the line's text before it; nil when there is
    /// nothing better to say.
    static func hint(
        problem: String, context: String?, contextLine: Int, character: Character?,
        lineBefore: String = ""
    ) -> String? {
        let trimmed = lineBefore.drop { $0 == " " }
        if character == "\t" || problem.contains("tab character") {
            return "a tab here; YAML indents with spaces only, so replace the tab with spaces"
        }
        if let context, context.contains("quoted scalar") {
            return "this quote is never closed; end the value with the same quote "
                + "(inside '…' write '' for an apostrophe, inside \"…\" write \\\" for a quote)"
        }
        if problem.contains("unknown escape character") {
            return "inside \"…\" a backslash starts an escape; write the value in '…' instead, or write \\\\ for a backslash"
        }
        if problem.contains("did not find expected '-' indicator") {
            return "this line is not an item of the list above it (started on line \(contextLine)); begin each item "
                + "with '- ' at the same column as the others, or indent it like the keys of the item above"
        }
        if problem.contains("mapping values are not allowed"), trimmed.hasPrefix("-"), trimmed.dropFirst().first != " " {
            return "a list item's '-' needs a space after it: write '- \(trimmed.dropFirst())'"
        }
        if problem.contains("mapping values are not allowed"), lineBefore.contains(": ") {
            return "the value holds ': ', which YAML reads as another key; put the whole value in quotes "
                + "(\(trimmed.prefix { $0 != ":" }): \"…\")"
        }
        if problem.contains("mapping values are not allowed") {
            return "a ':' where no key can start; indent this line like the keys above it (spaces only), "
                + "or put a value that contains ': ' in quotes"
        }
        if problem.contains("did not find expected key") {
            return "this line is indented differently from the keys of the mapping that starts on line "
                + "\(contextLine); line it up with them (spaces only), or start a list item with '- '"
        }
        if problem.contains("could not find expected ':'") {
            return "a line without 'key: value' where a key is expected; add the ':' after the key, or indent the line "
                + "further if it continues the text above"
        }
        if problem.contains("did not find expected node content") || problem.contains("cannot start any token") {
            if let character, "@`%|>!&*".contains(character) {
                return "a value cannot start with \(character); put the whole value in quotes"
            }
            return "put the value in quotes if it holds characters YAML reads as syntax (: # - [ ] { })"
        }
        if problem.contains("did not find expected <document start>") {
            return "the front matter must be 'key: value' lines; check the line for a missing ':' or indentation"
        }
        return nil
    }
}
