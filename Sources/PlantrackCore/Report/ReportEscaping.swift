import Ink

/// Escaping for the reports: every text that comes from a document goes through here.
public enum ReportEscaping {
    /// Escapes text for HTML element content and quoted attribute values: `& < > " '`.
    public static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Escapes text for a Markdown table cell or line: no raw HTML (`<` and `&` as entities),
    /// no cell break (`|`), no line break, and Markdown's own markers taken literally.
    public static func markdown(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "|": result += "\\|"
            case "\\", "`", "*", "_", "[", "]": result += "\\" + String(character)
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// A document's Markdown body as HTML, with no raw HTML passing through.
    ///
    /// Ink passes HTML in Markdown through untouched, so the source's `& < > "` are turned
    /// into entities first (a `>` that starts a blockquote is kept); links keep their text
    /// and lose their address unless it is http(s) or mailto, and images become their alt
    /// text, so the page loads nothing from the network.
    public static func markdownBody(_ markdown: String) -> String {
        var parser = MarkdownParser()
        parser.addModifier(
            Modifier(target: .images) { _, source in
                // `![alt](url)`: the alt text, escaped, in brackets.
                let text = source.dropFirst(2).prefix { $0 != "]" }
                return "[" + String(text) + "]"
            })
        parser.addModifier(
            Modifier(target: .links) { html, _ in
                // The source is pre-escaped, so the address holds no quote and the first `>`
                // closes the opening tag.
                guard let open = html.firstIndex(of: ">"), html.hasSuffix("</a>") else { return html }
                let inner = String(html[html.index(after: open)...].dropLast(4))
                let tag = html[..<open]
                let safe = ["href=\"https://", "href=\"http://", "href=\"mailto:"].contains { tag.contains($0) }
                return safe ? html : inner
            })
        return parser.html(from: escapeForInk(markdown))
    }

    /// Turns `& < > "` into entities, keeping the `>` markers that start blockquote lines.
    static func escapeForInk(_ markdown: String) -> String {
        var result = ""
        var atLineStart = true
        for character in markdown {
            switch character {
            case "\n", "\r\n":
                result.append(character)
                atLineStart = true
                continue
            case ">" where atLineStart:
                result.append(character)
                continue
            case " " where atLineStart:
                result.append(character)
                continue
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
            atLineStart = false
        }
        return result
    }
}
