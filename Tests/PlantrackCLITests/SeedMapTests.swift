import Foundation
import Testing

/// docs/seed-map.md and the `x-illustrative` markers account for everything in the bundled
/// Plans/: each document is either transcribed from a named seed section (its made-up
/// fields listed in `x-illustrative`) or marked made up as a whole.
@Suite("Bundled Plans: seed map and x-illustrative")
struct SeedMapTests {
    @Test func everyBundledDocumentIsTranscribedOrMarked() throws {
        let problems = try SeedMap.problems(in: CLI.packageRoot)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func theMapNamesRealSectionsAndCoversStockholm2021() throws {
        let rows = try SeedMap.rows(of: CLI.packageRoot)
        // The plan, its 23 goals and 15 activities, and the four counties.
        #expect(rows.filter { $0.item.hasPrefix("stockholm/2021") }.count == 1 + 23 + 15)
        #expect(rows.filter { !$0.item.contains("/") }.count == 4)
        let bu = try #require(rows.first { $0.item == "stockholm/2021/bu-p1" })
        #expect(bu.seed.hasPrefix("seeds/002_"))
        #expect(bu.section.last == "Aktivitet 1")
        #expect(bu.illustrative.contains("status") && bu.transcribed.contains("title"))
    }

    /// Nothing made up passes for Stockholm's own: in the follow-up of the bundled 2021 plan
    /// the plan and every goal and activity carry a mark.
    @Test func stockholmsFollowUpMarksEveryItem() throws {
        let result = try CLI.run([
            "report", "--kind", "redovisning", "--year", "2021", "--county", "stockholm", "--format", "markdown",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // The plan's own goals and activities: `- **title** (`id`) …`.
        let items = lines.filter { $0.hasPrefix("- **") && $0.contains("** (`") }
        #expect(items.count == 23 + 15)
        for line in items { #expect(line.contains(") _(Delvis exempeldata)_"), "\(line)") }
        // §6.1's results of the earlier plan: the made-up 2020 plan, each item marked whole.
        let earlier = lines.filter { $0.hasPrefix("- **Mål ") || $0.hasPrefix("- **Aktivitet ") }
        #expect(earlier.count > 10)
        for line in earlier { #expect(line.hasSuffix(" _(Exempeldata)_"), "\(line)") }
        #expect(
            lines.contains {
                $0.hasPrefix("Länsgemensam handlingsplan") && $0.contains("(stockholm/2020)") && $0.hasSuffix("_(Exempeldata)_")
            })
        // The follow-up document is made up too: its §6 part says so at its heading.
        #expect(lines.contains { $0.hasPrefix("#### ") && $0.hasSuffix(" _(Exempeldata)_") })
        #expect(lines.contains { $0.hasPrefix("### Stockholms län: ") && $0.hasSuffix(" _(Delvis exempeldata)_") })
        #expect(lines.contains { $0.hasPrefix("_(Exempeldata)_ påhittat för att visa verktyget") })
    }

    /// The check fails on a copy where a marker is gone, a made-up field is left out of a
    /// list, or the map names a section the seed does not have.
    @Test func aRemovedMarkerOrAWrongSectionIsCaught() throws {
        let repo = try TestRepository()
        for (path, text) in try BundledPlansHistory.bundledFiles() {
            try repo.write(path, text)
        }
        let map = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("docs/seed-map.md"), encoding: .utf8)
        func write(_ path: String, _ edit: (String) -> String) throws {
            let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(path), encoding: .utf8)
            let edited = edit(text)
            #expect(edited != text, "the edit of \(path) changed nothing")
            try repo.write(path, edited)
        }
        try repo.write("docs/seed-map.md", map)
        #expect(try SeedMap.problems(in: repo.url, shared: SeedMap.shared).isEmpty)

        try write("Plans/uppsala/2026/activities/bu-p1.md") { $0.replacingOccurrences(of: "x-illustrative: true\n", with: "") }
        try write("Plans/stockholm/2021/activities/bu-p1.md") {
            $0.replacingOccurrences(of: "  - owner\n", with: "")
        }
        // kk-st-1 placed under another area's goals; kk-st-2 under a heading the seed lacks.
        let edited = map.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("| `stockholm/2021/kk-st-1` |") {
                return line.replacingOccurrences(of: "Kunskap och kompetens ›", with: "Barn och unga 0–24 år › Skolan som arena ›")
            }
            if line.hasPrefix("| `stockholm/2021/kk-st-2` |") {
                return line.replacingOccurrences(of: "› Kortsiktiga mål", with: "› Kortsiktiga målen")
            }
            return String(line)
        }.joined(separator: "\n")
        #expect(edited != map)
        try repo.write("docs/seed-map.md", edited)
        let problems = try SeedMap.problems(in: repo.url, shared: SeedMap.shared)
        #expect(problems.contains { $0.hasPrefix("uppsala/2026/bu-p1: not in docs/seed-map.md") })
        #expect(problems.contains { $0.hasPrefix("stockholm/2021/bu-p1: x-illustrative is") })
        #expect(problems.contains { $0.hasPrefix("stockholm/2021/kk-st-1: title not found") })
        #expect(problems.contains { $0.hasPrefix("stockholm/2021/kk-st-2: heading 'Kortsiktiga målen' not found") })
        #expect(problems.count == 4, "\(problems)")
    }
}

/// Reads docs/seed-map.md and checks it against the documents `plantrack list` reads.
enum SeedMap {
    /// One row of a table: a document and where its content comes from.
    struct Row {
        var item: String
        /// Path under ../shared, e.g. `seeds/002_….txt`.
        var seed: String
        /// The headings, outermost first.
        var section: [String]
        var transcribed: [String]
        var illustrative: [String]
    }

    /// ../shared beside the package root.
    static let shared = CLI.packageRoot.appendingPathComponent("../shared").standardizedFileURL

    /// Fields that come from the file's place, not from a source.
    static let identity: Set<String> = ["kind", "id", "county", "year"]

    /// The rows of the map's tables: lines whose first cell is an item in backticks.
    static func rows(of root: URL) throws -> [Row] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/seed-map.md"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> Row? in
            guard line.hasPrefix("| `") else { return nil }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 5 else { return nil }
            func list(_ cell: String) -> [String] {
                cell.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            return Row(
                item: cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")),
                seed: cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")),
                section: cells[2].components(separatedBy: " › "), transcribed: list(cells[3]),
                illustrative: list(cells[4]))
        }
    }

    /// What is wrong between the map and the documents of `root`'s Plans/, one line each
    /// (`item: problem`); empty when they agree.
    static func problems(in root: URL, shared: URL = shared) throws -> [String] {
        let result = try CLI.run(["list", "--format", "json"], in: root)
        guard result.status == 0,
            let listing = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
            let documents = listing["documents"] as? [[String: Any]]
        else { throw TestSetupError("plantrack list failed: \(result.stderr)") }
        var problems: [String] = []
        let rows = try rows(of: root)
        var listed: [String: Row] = [:]
        for row in rows {
            if listed[row.item] != nil { problems.append("\(row.item): listed twice") }
            listed[row.item] = row
        }
        var seen: Set<String> = []
        for document in documents {
            guard let name = document["item"] as? String, let kind = document["kind"] as? String, kind != "workspace",
                let fields = document["front_matter"] as? [String: Any]
            else { continue }
            // A follow-up shares its plan's name; it is `county/year/followup`, as `show` calls it.
            let item = kind == "followup" ? "\(name)/followup" : name
            seen.insert(item)
            let marker = fields["x-illustrative"]
            guard let row = listed[item] else {
                if (marker as? Bool) != true {
                    problems.append("\(item): not in docs/seed-map.md and not marked x-illustrative: true")
                }
                continue
            }
            guard let marked = marker as? [String] else {
                problems.append("\(item): listed as transcribed, so x-illustrative must be a list of fields")
                continue
            }
            if Set(marked) != Set(row.illustrative) {
                problems.append("\(item): x-illustrative is \(marked), the map says \(row.illustrative)")
            }
            let names = fields.keys.filter { !identity.contains($0) && !$0.hasPrefix("x-") } + ["body"]
            for name in names.sorted() {
                switch (row.transcribed.contains(name), row.illustrative.contains(name)) {
                case (false, false): problems.append("\(item): \(name) is neither transcribed nor illustrative in the map")
                case (true, true): problems.append("\(item): \(name) is both transcribed and illustrative in the map")
                default: break
                }
            }
            for name in row.transcribed where !names.contains(name) {
                problems.append("\(item): the map says \(name) is transcribed, but the document has no \(name)")
            }
            let quoted = row.transcribed.contains("title") ? fields["title"] : row.transcribed.contains("name") ? fields["name"] : nil
            problems += sectionProblems(row, quoting: quoted as? String, shared: shared)
        }
        for row in rows where !seen.contains(row.item) {
            problems.append("\(row.item): in docs/seed-map.md but not in Plans/")
        }
        return problems
    }

    /// The section's headings each start a line of the seed, in order, and `quoted` (the
    /// title) occurs after the last heading and before that heading's next occurrence.
    static func sectionProblems(_ row: Row, quoting quoted: String?, shared: URL) -> [String] {
        guard let seed = try? String(contentsOf: shared.appendingPathComponent(row.seed), encoding: .utf8) else {
            return ["\(row.item): seed \(row.seed) not found under \(shared.path)"]
        }
        // Line breaks and runs of spaces in the extracted text are not the author's.
        func normal(_ text: some StringProtocol) -> String {
            text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        let lines = seed.split(whereSeparator: \.isNewline).map(normal).filter { !$0.isEmpty }
        var index = 0
        var heading = 0
        for part in row.section {
            guard let found = lines[index...].firstIndex(where: { $0.hasPrefix(part) }) else {
                return ["\(row.item): heading '\(part)' not found at the start of a line of \(row.seed) in this order"]
            }
            heading = found
            index = found + 1
        }
        guard let quoted else { return [] }
        let next = lines[(heading + 1)...].firstIndex { $0.hasPrefix(row.section.last ?? "") } ?? lines.count
        let span = lines[heading..<next].joined(separator: " ")
        return span.contains(normal(quoted))
            ? [] : ["\(row.item): title not found in \(row.seed) under '\(row.section.joined(separator: " › "))'"]
    }
}
