/// Counts and articles in English messages, in one place, so no output says "1 plans" or
/// "a activity".
public enum EnglishWords {
    /// `1 document`, `3 documents`, `0 activities`: the count and the noun in the form the
    /// count needs. `plural` is for nouns the regular rule gets wrong.
    public static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(n) \(noun(n, singular, plural: plural))"
    }

    /// The noun alone in the form `n` needs: `activity` for 1, `activities` otherwise.
    public static func noun(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        n == 1 ? singular : plural ?? regularPlural(of: singular)
    }

    /// `a plan`, `an activity`, `an error`: the noun with the indefinite article its sound
    /// takes (judged by the first letter, which is right for every noun plantrack prints).
    public static func withArticle(_ noun: String) -> String {
        guard let first = noun.lowercased().first else { return noun }
        return ("aeio".contains(first) ? "an " : "a ") + noun
    }

    /// `plan` → `plans`, `activity` → `activities`, `day` → `days`, `match` → `matches`.
    static func regularPlural(of singular: String) -> String {
        let vowels = "aeiou"
        if singular.hasSuffix("y"), let before = singular.dropLast().last, !vowels.contains(before) {
            return singular.dropLast() + "ies"
        }
        if ["s", "x", "z", "ch", "sh"].contains(where: { singular.hasSuffix($0) }) { return singular + "es" }
        return singular + "s"
    }
}
