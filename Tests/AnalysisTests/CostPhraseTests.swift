import Analysis
import Testing

@Suite("Cost comparisons in words: about the same, a percentage, or a multiple")
struct CostPhraseTests {
    @Test("a difference under 2 % of the baseline is about the same, either way")
    func aboutTheSame() {
        #expect(CostPhrase.compare(option: 423.54, baseline: 428.22) == "about the same")   // −1.09 %
        #expect(CostPhrase.compare(option: 436.00, baseline: 428.22) == "about the same")   // +1.82 %
        #expect(!CostPhrase.isCheaper(option: 423.54, baseline: 428.22))
    }

    @Test("up to 1.5× the difference is a percentage of the baseline")
    func percentage() {
        #expect(CostPhrase.compare(option: 88, baseline: 100) == "12% cheaper")
        #expect(CostPhrase.compare(option: 98, baseline: 100) == "2% cheaper")
        #expect(CostPhrase.compare(option: 130, baseline: 100) == "30% dearer")
        // 100/67 = 1.49×: still a percentage, 33 % cheaper.
        #expect(CostPhrase.compare(option: 67, baseline: 100) == "33% cheaper")
        #expect(CostPhrase.isCheaper(option: 98, baseline: 100))
    }

    @Test("from 1.5× on the difference is a multiple")
    func multiple() {
        #expect(CostPhrase.compare(option: 81.41, baseline: 257) == "3.2× cheaper")
        #expect(CostPhrase.compare(option: 150, baseline: 100) == "1.5× dearer")
        #expect(CostPhrase.compare(option: 10, baseline: 150) == "15× cheaper")
    }
}
