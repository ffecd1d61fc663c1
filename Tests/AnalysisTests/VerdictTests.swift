import Analysis
import Simulator
import Testing

@Suite("The verdict: the cheapest option meeting every objective, and what cheaper ones break")
struct VerdictTests {
    /// An option whose every response took `p95` seconds (so p50 = p95 = p99), with `timedOut`
    /// and `coldStarts` of 1,000 requests.
    static func option(
        _ name: String, dollars: Double?, p95: Double = 10, timedOut: Int = 0, coldStarts: Int = 0
    )
        -> OptionFigures
    {
        var response = LatencyDistribution()
        for _ in 0..<1000 { response.record(p95) }
        return OptionFigures(
            name: name, monthlyDollars: dollars, response: response.summary,
            coldStartWait: LatencyDistribution().summary,
            arrived: 1000, timedOut: timedOut, waitedForColdStart: coldStarts, clientTimeoutSeconds: 60,
            horizonSeconds: 86_400)
    }

    static let article = [
        Self.option("dedicated", dollars: 428.22, p95: 29.2, timedOut: 8),
        Self.option("scale-to-zero", dollars: 284.47, p95: 60, timedOut: 116, coldStarts: 441),
        Self.option("warm-pool", dollars: 310.58, p95: 29.2, timedOut: 8),
        Self.option("knative", dollars: 532.07, p95: 43, timedOut: 38, coldStarts: 180),
    ]

    @Test("the cheapest option meeting every objective is recommended; cheaper ones say what they break")
    func meetsAll() throws {
        let verdict = Verdict(
            figures: Self.article, objectives: [Objective(metric: .timedOut, threshold: 0.01)],
            baselineName: "dedicated")
        #expect(verdict.recommended?.figures.name == "warm-pool")
        #expect(verdict.closest == nil)
        #expect(
            verdict.sentence == "Run warm-pool: $311 a month, 27% cheaper than dedicated ($428), "
                + "and it meets every objective (timed out ≤ 1%).")
        #expect(
            verdict.breachSentences == ["scale-to-zero: $284 a month, but 11.6% of requests time out (objective ≤ 1%)."]
        )
        #expect(verdict.assessments.map(\.meetsObjectives) == [true, false, true, false])
        #expect(verdict.objectivesNote == "Objectives: timed out ≤ 1%.")
    }

    @Test("an option whose platform rejected requests breaches 'timed out or rejected', and says how many")
    func rejections() throws {
        var realtime = Self.option("realtime", dollars: 300, timedOut: 30)
        realtime.rejected = 27
        let verdict = Verdict(
            figures: [Self.option("dedicated", dollars: 428.22, timedOut: 8), realtime],
            objectives: [Objective(metric: .timedOut, threshold: 0.01), Objective(metric: .p95, threshold: 5)],
            baselineName: "dedicated")
        #expect(verdict.assessments.map(\.mark) == ["✗ p95", "✗ timed out or rejected, p95"])
        #expect(verdict.breachSentences.last?.contains(
            "3% of requests time out or are rejected (2.7% rejected) (objective ≤ 1%)") == true)
    }

    @Test("a latency breach at the timeout cap says so")
    func cappedLatency() throws {
        let verdict = Verdict(
            figures: Self.article, objectives: [Objective(metric: .p95, threshold: 30)],
            baselineName: "dedicated")
        #expect(verdict.recommended?.figures.name == "warm-pool")
        #expect(
            verdict.breachSentences == [
                "scale-to-zero: $284 a month, but p95 is at least the 60 s client timeout (objective ≤ 30 s)."
            ])
    }

    @Test("no option meets: the one with the fewest and smallest misses is named, with what it misses")
    func noneMeets() throws {
        let verdict = Verdict(
            figures: Self.article,
            objectives: [
                Objective(metric: .p95, threshold: 20), Objective(metric: .timedOut, threshold: 0.005),
            ], baselineName: "dedicated")
        #expect(verdict.recommended == nil)
        // dedicated and warm-pool both miss both; their misses are equal, so the cheaper (cost order) wins.
        #expect(verdict.closest?.figures.name == "warm-pool")
        #expect(
            verdict.sentence == "No option meets every objective (p95 ≤ 20 s and timed out ≤ 0.5%). "
                + "Closest: warm-pool ($311 a month), which misses: p95 is 29.2 s (objective ≤ 20 s) and "
                + "0.8% of requests time out (objective ≤ 0.5%).")
        #expect(verdict.breachSentences.count == 3)
        #expect(verdict.breachSentences.first?.hasPrefix("scale-to-zero: $284 a month, but p95 is at least") == true)
    }

    @Test("equal costs: the lower p95 wins, then the lower timed-out share, then option order")
    func ties() throws {
        let objective = [Objective(metric: .timedOut, threshold: 0.05)]
        let slower = Verdict(
            figures: [
                Self.option("base", dollars: 500), Self.option("a", dollars: 100, p95: 20),
                Self.option("b", dollars: 100, p95: 10),
            ], objectives: objective, baselineName: nil)
        #expect(slower.recommended?.figures.name == "b")
        let timeouts = Verdict(
            figures: [
                Self.option("base", dollars: 500), Self.option("a", dollars: 100, timedOut: 9),
                Self.option("b", dollars: 100, timedOut: 3),
            ], objectives: objective, baselineName: nil)
        #expect(timeouts.recommended?.figures.name == "b")
        let same = Verdict(
            figures: [
                Self.option("base", dollars: 500), Self.option("a", dollars: 100), Self.option("b", dollars: 100),
            ],
            objectives: objective, baselineName: nil)
        #expect(same.recommended?.figures.name == "a")
    }

    @Test("one option: it is judged alone")
    func oneOption() throws {
        let meets = Verdict(figures: [Self.option("only", dollars: 428.22)], objectives: [], baselineName: nil)
        #expect(meets.recommended?.figures.name == "only")
        #expect(meets.sentence == "only: $428 a month; it meets every objective (timed out ≤ 1%).")
        let misses = Verdict(
            figures: [Self.option("only", dollars: 428.22, p95: 45)],
            objectives: [Objective(metric: .p95, threshold: 30)], baselineName: nil)
        #expect(misses.recommended == nil && misses.closest?.figures.name == "only")
        #expect(misses.breachSentences.isEmpty)
    }

    @Test("without objectives: no more timeouts than the baseline plus one percentage point")
    func defaultObjective() throws {
        let verdict = Verdict(figures: Self.article, objectives: [], baselineName: "dedicated")
        #expect(verdict.usesDefault)
        #expect(verdict.objectives.map(\.metric) == [.timedOut])
        #expect(abs((verdict.objectives.first?.threshold ?? 0) - 0.018) < 1e-12)
        #expect(verdict.recommended?.figures.name == "warm-pool")
        #expect(
            verdict.objectivesNote.contains(
                "costsim's default (no more timeouts than dedicated plus one percentage point)"))
        #expect(verdict.objectivesNote.contains("--slo and --timeouts"))
    }

    @Test("the baseline is kept when no cheaper option meets; a dearer winner says the baseline fails")
    func baselineKeptOrFailing() throws {
        let objective = [Objective(metric: .timedOut, threshold: 0.01)]
        let keep = Verdict(
            figures: [Self.option("dedicated", dollars: 428), Self.option("zero", dollars: 284, timedOut: 100)],
            objectives: objective, baselineName: "dedicated")
        #expect(
            keep.sentence == "Keep dedicated: $428 a month; no cheaper option meets every objective (timed out ≤ 1%).")
        #expect(keep.breachSentences == ["zero: $284 a month, but 10% of requests time out (objective ≤ 1%)."])
        let dearer = Verdict(
            figures: [Self.option("small", dollars: 200, timedOut: 100), Self.option("big", dollars: 300)],
            objectives: objective, baselineName: "small")
        #expect(
            dearer.sentence == "Run big: $300 a month, 1.5× dearer than small ($200), "
                + "which does not meet every objective (timed out ≤ 1%).")
    }

    @Test("cold-start objectives judge the share of requests that waited for a cold start")
    func coldStarts() throws {
        let verdict = Verdict(
            figures: [Self.option("dedicated", dollars: 428), Self.option("zero", dollars: 284, coldStarts: 441)],
            objectives: [Objective(metric: .coldStartHit, threshold: 0.1)], baselineName: nil)
        #expect(verdict.recommended?.figures.name == "dedicated")
        #expect(
            verdict.breachSentences == [
                "zero: $284 a month, but 44.1% of requests wait for a cold start (objective ≤ 10%)."
            ])
    }
}
