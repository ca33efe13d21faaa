import JSONSchema

/// Small pieces of wording the rules' messages share.
enum RuleText {
    /// Whole kronor the way Swedish text writes them: `6 500 000 kr`.
    static func kronor(_ amount: Int) -> String {
        let digits = String(amount.magnitude)
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            // A space before every group of three digits counted from the right.
            if i > 0 && (digits.count - i) % 3 == 0 { grouped += " " }
            grouped.append(digit)
        }
        return (amount < 0 ? "-" : "") + grouped + " kr"
    }

    /// `a, b and c`, for naming a few ids in a sentence.
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// `a goal`, `an activity`: the kind words of the layout with their article.
    static func indefinite(_ word: String) -> String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        return (word.first.map { vowels.contains($0) } == true ? "an " : "a ") + word
    }

    /// ` (did you mean "x"?)` when a close candidate exists, otherwise "".
    static func didYouMean(_ text: String, among candidates: some Sequence<String>) -> String {
        guard let suggestion = Suggestion.closest(to: text, among: candidates) else { return "" }
        return " (did you mean \"\(suggestion)\"?)"
    }
}

/// Finds the candidate a mistyped name most likely meant.
public enum Suggestion {
    /// The candidate within a small edit distance of `text`, or, failing that, the one whose
    /// last dot-separated part is the same (`activity.overdue` → `dates.overdue`). Ties go to
    /// the candidate that sorts first, so the answer does not depend on the order given.
    public static func closest(to text: String, among candidates: some Sequence<String>) -> String? {
        let sorted = Array(Set(candidates)).sorted()
        let scalars = Array(text.unicodeScalars)
        let limit = max(2, scalars.count / 4)
        var best: (name: String, distance: Int)?
        for candidate in sorted where candidate != text {
            let distance = Suggestions.distance(scalars, Array(candidate.unicodeScalars), limit: limit)
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        if let best { return best.name }
        guard let tail = text.split(separator: ".").last else { return nil }
        return sorted.first { $0.split(separator: ".").last == tail }
    }
}
