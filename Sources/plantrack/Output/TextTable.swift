/// A plain text table with aligned columns; widths count characters, so `å` is one column.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// The column that gives way (is truncated with `…`) when the table is wider than `maxWidth`.
    var flexibleColumn: Int?

    init(header: [String], flexibleColumn: Int? = nil) {
        self.header = header
        self.flexibleColumn = flexibleColumn
    }

    mutating func add(_ row: [String]) {
        rows.append(row)
    }

    /// The table's lines; `style` decorates the header after widths are measured.
    func render(maxWidth: Int? = nil, headerStyle: (String) -> String = { $0 }) -> String {
        let columns = header.count
        var widths = (0..<columns).map { c in
            ([header] + rows).map { c < $0.count ? Self.width($0[c]) : 0 }.max() ?? 0
        }
        if let maxWidth, let flex = flexibleColumn, flex < columns {
            let total = widths.reduce(0, +) + 2 * (columns - 1)
            if total > maxWidth {
                widths[flex] = max(12, widths[flex] - (total - maxWidth))
            }
        }
        func line(_ cells: [String], decorate: (String) -> String) -> String {
            var parts: [String] = []
            for c in 0..<columns {
                var cell = c < cells.count ? cells[c] : ""
                if Self.width(cell) > widths[c] { cell = Self.truncate(cell, to: widths[c]) }
                let padded = c == columns - 1 ? cell : cell + String(repeating: " ", count: widths[c] - Self.width(cell))
                parts.append(decorate(padded))
            }
            return parts.joined(separator: "  ")
        }
        var out = line(header, decorate: headerStyle) + "\n"
        for row in rows { out += line(row, decorate: { $0 }) + "\n" }
        return out
    }

    /// Display width: Unicode scalars, not counting combining marks.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark: return n
            default: return n + 1
            }
        }
    }

    static func truncate(_ s: String, to limit: Int) -> String {
        guard limit > 1 else { return "…" }
        var out = ""
        var used = 0
        for ch in s {
            let w = width(String(ch))
            if used + w > limit - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }
}
