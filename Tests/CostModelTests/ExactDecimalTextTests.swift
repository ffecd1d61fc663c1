import Testing

@testable import CostModel

/// Decimal text: trailing fraction zeros trimmed down to the minimum, a whole part always written.
@Suite struct ExactDecimalTextTests {
    @Test(arguments: [
        (0, 0, 0, "0"), (5, 0, 0, "5"), (5, 0, 2, "5.00"), (1_230, 0, 0, "1230"),
        (236_606, 6, 0, "0.236606"), (2_366_060, 7, 0, "0.236606"), (2_366_060, 7, 7, "0.2366060"),
        (35, 2, 0, "0.35"), (350, 3, 2, "0.35"), (500, 3, 2, "0.50"), (500, 3, 0, "0.5"), (1_000, 3, 0, "1"),
        (1_000, 3, 1, "1.0"), (50, 2, 4, "0.50"), (7, 4, 0, "0.0007"), (-12_345, 2, 0, "-123.45"),
        (-100, 2, 2, "-1.00"), (-100, 2, 0, "-1"), (Int64.max, 0, 0, "9223372036854775807"),
        (Int64.min, 18, 0, "-9.223372036854775808"),
    ] as [(Int64, Int, Int, String)])
    func text(units: Int64, places: Int, minimum: Int, expected: String) {
        #expect(ExactDecimal(units: units, decimalPlaces: places).text(minimumDecimalPlaces: minimum) == expected)
    }

    @Test func parsedTextComesBackUnchanged() {
        for text in ["0.236606", "0.049812", "12", "0.0001", "1234567.5"] {
            #expect(ExactDecimal(parsing: text)?.text() == text)
        }
    }
}
