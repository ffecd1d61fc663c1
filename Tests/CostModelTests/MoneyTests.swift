import Testing
@testable import CostModel

@Suite("Money and HourlyRate: exact fixed point")
struct MoneyTests {
    @Test("parses decimal dollars exactly and rejects what it cannot hold")
    func parsing() {
        #expect(Money(dollars: "74.40")?.nanoDollars == 74_400_000_000)
        #expect(Money(dollars: "0.000000001")?.nanoDollars == 1)
        #expect(Money(dollars: "0.0000000001") == nil)  // 10 decimals
        #expect(Money(dollars: "-1") == nil)
        #expect(Money(dollars: "1e3") == nil)
        #expect(Money(dollars: ".5") == nil)
        #expect(Money(dollars: "") == nil)
    }

    @Test("display rounds half-up to cents", arguments: [
        ("422.35632", "$422.36"), ("48.24432", "$48.24"), ("9.58872", "$9.59"), ("57.83304", "$57.83"),
        ("0.005", "$0.01"), ("0.004999999", "$0.00"), ("1.995", "$2.00"), ("0", "$0.00"), ("1234567.5", "$1234567.50"),
    ])
    func centRounding(amount: String, shown: String) {
        #expect(TestSupport.dollars(amount).formatted == shown)
    }

    @Test("negative amounts round half away from zero")
    func negativeRounding() {
        #expect(Money(nanoDollars: -5_000_000).formatted == "-$0.01")
        #expect(Money(nanoDollars: -4_999_999).formatted == "$0.00")
        #expect((TestSupport.dollars("1") - TestSupport.dollars("2.345")).formatted == "-$1.35")
    }

    @Test("exact text keeps every nano-dollar")
    func exactText() {
        #expect(TestSupport.dollars("422.35632").exactDollarsText == "422.35632")
        #expect(TestSupport.dollars("3").exactDollarsText == "3.00")
        #expect(Money(nanoDollars: 7).exactDollarsText == "0.000000007")
    }

    @Test("rates keep 15 decimals exactly")
    func ratePrecision() {
        let rate = TestSupport.rate("11.0612499878219")
        #expect(rate.femtoDollarsPerHour == 11_061_249_987_821_900)
        #expect(rate.dollarsPerHourText == "11.0612499878219")
        #expect(TestSupport.rate("0.10").dollarsPerHourText == "0.1")
        #expect(HourlyRate(dollarsPerHour: "0.0000000000000001") == nil)  // 16 decimals
        #expect(HourlyRate(dollarsPerHour: "-0.35") == nil)
        #expect(HourlyRate(dollarsPerHour: "10000") == nil)  // over ~9223 USD/h
    }

    @Test("a charge is rate × seconds / 3600, rounded half-up to the nano-dollar")
    func chargeRounding() {
        // 0.586606 $/h × 720 h = 422.35632 exactly.
        #expect(TestSupport.rate("0.586606").charge(forHours: 720) == TestSupport.dollars("422.35632"))
        // 0.236606 $/h × 60 s = 0.003943433333… → 0.003943433 (down).
        #expect(TestSupport.rate("0.236606").charge(forSeconds: 60)?.nanoDollars == 3_943_433)
        // 0.35 $/h × 1 s = 0.0000972222… → 97 222 nano (down); × 2 s = 194 444.4… → 194 444.
        #expect(TestSupport.rate("0.35").charge(forSeconds: 1)?.nanoDollars == 97_222)
        // 0.033503 $/h × 9 s = 0.0000837575 → 83 757.5 nano → 83 758 (half-up).
        #expect(TestSupport.rate("0.033503").charge(forSeconds: 9)?.nanoDollars == 83_758)
        #expect(TestSupport.rate("0.35").charge(forSeconds: -1) == nil)
    }

    @Test("apportioning splits exactly and sums back")
    func apportion() {
        let parts = Money(nanoDollars: 100).apportioned(by: [1, 1, 1])
        #expect(parts.map(\.nanoDollars) == [34, 33, 33])
        #expect(Money(nanoDollars: 10).apportioned(by: [0, 0]).map(\.nanoDollars) == [10, 0])
        let uneven = Money(nanoDollars: 1_000_000_007).apportioned(by: [3, 0, 5, 11])
        #expect(uneven.reduce(.zero, +).nanoDollars == 1_000_000_007)
        #expect(uneven[1] == .zero)
    }

    @Test("scaling to a month uses a 128-bit product and rounds half-up")
    func scaling() {
        let day = TestSupport.dollars("1.000000001")
        #expect(day.scaled(by: 730, over: 24) == Money(nanoDollars: 30_416_666_697))  // 30.4166666970833… → …697
        #expect(Money(nanoDollars: Int64.max / 2).scaled(by: 4, over: 1) == nil)
        #expect(Money(nanoDollars: Int64.max).scaled(by: 1_000_000, over: 1_000_000) == Money(nanoDollars: Int64.max))
    }
}
