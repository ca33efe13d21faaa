import PlantrackCore
import Testing

@Suite("report formatting and escaping")
struct ReportFormatTests {
    let sv = ReportLanguage.sv.format
    let en = ReportLanguage.en.format
    let nbsp = "\u{00A0}"

    @Test("numbers and money per language")
    func money() {
        #expect(sv.money(1_234_567) == "1\(nbsp)234\(nbsp)567\(nbsp)kr")
        #expect(en.money(1_234_567) == "SEK 1,234,567")
        #expect(sv.integer(999) == "999")
        #expect(sv.integer(1000) == "1\(nbsp)000")
        #expect(en.integer(-12_500) == "−12,500")
        #expect(sv.money(0) == "0\(nbsp)kr")
        #expect(sv.number(12.45) == "12,5")
        #expect(en.number(12.04) == "12")
        #expect(en.number(-0.04) == "0")
        #expect(en.number(-2.5) == "−2.5")
        #expect(sv.number(1234.5) == "1\(nbsp)234,5")
    }

    @Test("shares, dates and indicator values per language")
    func sharesAndDates() throws {
        #expect(sv.percent(45.5) == "46\(nbsp)%")
        #expect(en.percent(45.4) == "45%")
        #expect(sv.percent(nil) == "–")
        let day = try #require(CalendarDate("2026-01-31"))
        #expect(sv.date(day) == "31 januari 2026")
        #expect(en.date(day) == "31 January 2026")
        #expect(sv.monthAbbreviation(5) == "maj" && en.monthAbbreviation(12) == "Dec")
        #expect(sv.measure(14, unit: .days) == "14 dagar")
        #expect(en.measure(62.5, unit: .percent) == "62.5%")
        #expect(sv.measure(1500, unit: .sek) == "1\(nbsp)500\(nbsp)kr")
    }

    @Test("words agree with counts in Swedish")
    func words() {
        let w = ReportLanguage.sv.words
        // The format's status words (StatusWords), the word first: a workspace's own label
        // cannot be inflected.
        #expect(w.activityCount(1, .done, sv) == "Genomförd 1")
        #expect(w.activityCount(2000, .inProgress, sv) == "Pågående 2\(nbsp)000")
        #expect(w.changeCount(7, .added, sv) == "7 tillagda")
        #expect(w.changeCount(1, .added, sv) == "1 tillagd")
        #expect(w.statusHeading(.cancelled, sv) == "Avbruten")
        #expect(w.assessment(.atRisk) == "Risk för avvikelse")
        #expect(ReportLanguage.en.words.statusHeading(.inProgress, en) == "In progress")
        #expect(w.light(.red) == "Röd" && ReportLanguage.en.words.light(.yellow) == "Yellow")
    }

    @Test("HTML escaping covers element content and quoted attributes")
    func htmlEscaping() {
        #expect(
            ReportEscaping.html("<script>\"a\" & 'b'</script>")
                == "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;")
        // An entity in a document is text, not markup: it is shown as written.
        #expect(ReportEscaping.html("&amp;") == "&amp;amp;")
        #expect(ReportEscaping.html("Åsa & Örjan") == "Åsa &amp; Örjan")
    }

    @Test("Markdown escaping: no raw HTML, no table break, markers literal")
    func markdownEscaping() {
        #expect(ReportEscaping.markdown("<b>a|b</b>") == "&lt;b&gt;a\\|b&lt;/b&gt;")
        #expect(ReportEscaping.markdown("*x* [l](u)\nny rad") == "\\*x\\* \\[l\\](u) ny rad")
    }

    @Test("Markdown bodies render without raw HTML, unsafe links or network images")
    func markdownBody() {
        let html = ReportEscaping.markdownBody(
            """
            # Rubrik

            Text <script>alert(1)</script> och <b>fet</b> & mer.

            <div onclick="x()">block</div>

            [bra](https://example.se/a) [dålig](javascript:alert(1)) [\"x](data:text/html,hej) ![alt](https://example.com/i.png)

            > Citat **viktigt**

            - punkt `<kod>`
            """)
        #expect(html.contains("<h1>Rubrik</h1>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<div"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<a href=\"https://example.se/a\">bra</a>"))
        #expect(html.contains("[alt]"))
        #expect(html.contains("<blockquote><p>Citat <strong>viktigt</strong></p></blockquote>"))
        #expect(html.contains("<li>punkt <code>"))
    }
}
