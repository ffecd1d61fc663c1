import Testing
@testable import Calibration

/// Go `time.Duration` text as the kubelet prints it.
@Suite struct GoDurationTests {
    @Test(arguments: [
        ("523ms", 0.523), ("15.981s", 15.981), ("1m36.335s", 96.335), ("1h2m3s", 3723.0), ("0s", 0.0), ("0", 0.0),
        ("1m5s", 65.0), ("1.5µs", 1.5e-6), ("250us", 2.5e-4), ("7ns", 7e-9), (".5s", 0.5),
    ])
    func parses(text: String, seconds: Double) throws {
        let parsed = try #require(GoDuration.seconds(Substring(text)))
        #expect(abs(parsed - seconds) <= 1e-12 * max(1, seconds))
    }

    @Test(arguments: ["", "5", "1x", "-1s", "1..2s", "s", "1m5", "2h 3m", "169h"])
    func refuses(text: String) {
        #expect(GoDuration.seconds(Substring(text)) == nil)
    }
}
