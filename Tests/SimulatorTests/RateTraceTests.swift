import Foundation
import Testing
@testable import Simulator

/// Arrivals generated from ServeGen's per-window rates: ServeGen's method (⌈r·W⌉ gaps rescaled
/// to fill the window, those before its end kept), the windows' rates and burstiness, and
/// errors naming file, line and field.
@Suite struct RateTraceTests {
    static func arrivals(
        _ description: RateTrace.Description, seed: UInt64 = 1, replication: Int = 0
    ) throws -> [Double] {
        var trace = RateTrace(description, seed: seed, replication: replication)
        return try Fixtures.readAll(&trace).map(\.arrivalSeconds)
    }

    @Test func eachWindowGetsItsGapsRescaledToFillIt() throws {
        // Window 0: 0.05 req/s × 600 s = 30 gaps; window 600: idle; window 1200: 0.01 req/s = 6 gaps.
        let path = Fixtures.temporaryFile(
            "0,0.05,1.0,Gamma,1.0,20\n600,0,0,,0,0\n1200,0.01,0.5,Weibull,2.0,50\n", name: "rates.csv")
        let description = try RateTrace.Description.read(path: path)
        #expect(description.windowSeconds == 600)
        #expect(description.horizonSeconds == 1800)
        let times = try Self.arrivals(description)
        let first = times.filter { $0 < 600 }, idle = times.filter { $0 >= 600 && $0 < 1200 },
            third = times.filter { $0 >= 1200 }
        // The last running sum lands on the window's end (up to rounding) and is dropped there.
        #expect((29...30).contains(first.count))
        #expect(idle.isEmpty)
        #expect((5...6).contains(third.count))
        #expect(times == times.sorted())
        #expect(times.allSatisfy { $0 >= 0 && $0 < 1800 })
        // The same seed and replication give the same arrivals; another replication others.
        #expect(try Self.arrivals(description) == times)
        #expect(try Self.arrivals(description, replication: 1) != times)
    }

    @Test func ratesAndBurstinessAreKept() throws {
        // 2 req/s in 20 windows, gamma gaps of shape 0.25 (coefficient of variation 2): the count
        // is the rate's (up to one per window), the gaps keep their coefficient of variation.
        let rows = (0..<20).map { "\($0 * 600),2.0,2.0,Gamma,0.25,2.0\n" }.joined()
        let times = try Self.arrivals(
            RateTrace.Description.read(path: Fixtures.temporaryFile(rows, name: "bursty.csv")))
        #expect((20 * 1199...20 * 1200).contains(times.count))
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        let sd = (gaps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(gaps.count - 1)).squareRoot()
        #expect(abs(sd / mean - 2) < 0.2, "coefficient of variation \(sd / mean)")
    }

    @Test func serveGenTracesReplayAtTheirRates() throws {
        // Each window holds ⌈r·W⌉ − 1 or ⌈r·W⌉ requests.
        for name in [
            "scenarios/servegen_reason_deepseek-r1_chunk-3-trace.csv",
            "Tests/Fixtures/traces/servegen_multimodal_mm-image_chunk-12-trace.csv",
        ] {
            let description = try RateTrace.Description.read(path: Fixtures.repositoryFile(name))
            #expect(description.windowSeconds == 600)
            let gapCounts = description.windows.map {
                $0.gaps == nil ? 0 : Int(($0.requestsPerSecond * 600).rounded(.up))
            }
            let count = try Self.arrivals(description).count
            let busyWindows = gapCounts.filter { $0 > 0 }.count
            #expect(
                (gapCounts.reduce(0, +) - busyWindows...gapCounts.reduce(0, +)).contains(count), "\(name): \(count)")
        }
    }

    @Test(arguments: [
        ("0,1,1,Gamma,1\n", "rates.csv:1: row has 5 fields"),
        ("0,1,1,Poisson,1,1\n", "rates.csv:1: field 'pattern': 'Poisson' is not Gamma or Weibull"),
        ("0,-1,1,Gamma,1,1\n", "rates.csv:1: field 'rate': rate -1.0 is negative"),
        ("0,x,1,Gamma,1,1\n", "rates.csv:1: field 'rate': 'x' is not a number"),
        ("0,1,1,Gamma,0,1\n", "rates.csv:1: field 'shape': gamma needs shape > 0"),
        ("600,1,1,Gamma,1,1\n0,1,1,Gamma,1,1\n", "rates.csv:2: field 'window_start': windows must be in time order"),
        ("", "rates.csv: no rate windows"),
        (
            "0,1,1,Gamma,1,1\n600,1,1,Gamma,1,1\n900,1,1,Gamma,1,1\n",
            "rates.csv:3: field 'window_start': windows overlap"
        ),
        (
            "0,1,1,Gamma,1,1\n600,20000,1,Gamma,1,1\n",
            "rates.csv:2: field 'rate': 20000.0 requests/s over 600.0 s is more than"
        ),
    ])
    func badRowsAreErrorsNamingLineAndField(_ text: String, _ expected: String) {
        let path = Fixtures.temporaryFile(text, name: "rates.csv")
        #expect {
            _ = try RateTrace.Description.read(path: path)
        } throws: { error in
            "\(error)".contains(expected)
        }
    }
}
