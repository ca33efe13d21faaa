import PlantrackCore
import Testing

@Suite("counts and articles in English messages")
struct EnglishWordsTests {
    @Test func countsTakeTheFormTheNumberNeeds() {
        #expect(EnglishWords.count(1, "plan") == "1 plan")
        #expect(EnglishWords.count(2, "plan") == "2 plans")
        #expect(EnglishWords.count(0, "document") == "0 documents")
        #expect(EnglishWords.count(1, "activity") == "1 activity")
        #expect(EnglishWords.count(15, "activity") == "15 activities")
        #expect(EnglishWords.count(3, "county") == "3 counties")
        #expect(EnglishWords.count(2, "day") == "2 days")
        #expect(EnglishWords.count(2, "match") == "2 matches")
        #expect(EnglishWords.count(2, "person", plural: "people") == "2 people")
        #expect(EnglishWords.noun(1, "error") == "error")
        #expect(EnglishWords.noun(4, "warning") == "warnings")
    }

    @Test func articlesFollowTheFirstSound() {
        #expect(EnglishWords.withArticle("activity") == "an activity")
        #expect(EnglishWords.withArticle("goal") == "a goal")
        #expect(EnglishWords.withArticle("plan") == "a plan")
        #expect(EnglishWords.withArticle("county") == "a county")
        #expect(EnglishWords.withArticle("error") == "an error")
        #expect(EnglishWords.withArticle("indicator") == "an indicator")
    }
}
