import Testing
@testable import Calibration

@Suite struct RFC3339Tests {
    /// 2026-11-02T10:00:05Z in Unix seconds.
    static let instant = 1_793_577_600.0 + 10 * 3600 + 5

    @Test(arguments: [
        ("2026-11-02T10:00:05Z", 0.0), ("2026-11-02T10:00:05.5Z", 0.5), ("2026-11-02T10:00:05.123456Z", 0.123456),
        ("2026-11-02T10:00:05.000000001Z", 1e-9), ("2026-11-02T11:00:05+01:00", 0.0),
        ("2026-11-02T09:30:05.25-00:30", 0.25),
    ])
    func readsWithAndWithoutAFraction(text: String, fraction: Double) throws {
        let seconds = try #require(RFC3339().seconds(text))
        #expect(abs(seconds - (Self.instant + fraction)) < 1e-6)
    }

    @Test(arguments: [
        "2026-11-02 10:00:05Z", "2026-13-02T10:00:05Z", "2026-11-02T10:00:05", "2026-11-02T10:00:05.Z",
        "2026-11-02T10:00:05.1234567890Z", "1793613605", "",
    ])
    func refusesOtherTexts(text: String) {
        #expect(RFC3339().seconds(text) == nil)
    }

    @Test func writesUTCToTheSecond() {
        #expect(RFC3339.text(Self.instant + 0.9) == "2026-11-02T10:00:05Z")
    }
}
