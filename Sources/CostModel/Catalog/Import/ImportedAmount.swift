import Simulator

/// Converts the prices and timestamps of provider files into catalog values, exactly and within
/// ``CatalogLimits``, or says why not (the reason becomes part of an error naming the field).
enum ImportedAmount {
    /// A non-negative decimal price per hour such as `0.5260000000` or a JSON number such as
    /// `1.2E-05`, bounded before conversion: at most 18 significant digits, an exponent within
    /// ±30, at most 15 decimals once scaled, and at most ``CatalogLimits/maximumPricePerHour``.
    static func rate(_ text: String) -> Result<HourlyRate, Problem> {
        guard text.utf8.count <= JSONReader.maxNumberLength else {
            return .failure(Problem("'…' is too long for a price"))
        }
        let quoted = TraceLimits.quote(text)
        if text.hasPrefix("-") { return .failure(Problem("negative price \(quoted)")) }
        var mantissa = Substring(text)
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<marker]
            var exponentText = text[text.index(after: marker)...]
            if exponentText.hasPrefix("+") { exponentText = exponentText.dropFirst() }
            guard let value = Int(exponentText), (-30...30).contains(value) else {
                return .failure(Problem("price \(quoted) has an exponent outside ±30"))
            }
            exponent = value
        }
        guard let decimal = ExactDecimal(parsing: String(mantissa)) else {
            return .failure(Problem("price \(quoted) is not a decimal number"))
        }
        let places = decimal.decimalPlaces - exponent
        guard places >= -18 else { return .failure(Problem("price \(quoted) is above the maximum")) }
        var scaled = ExactDecimal(units: decimal.units, decimalPlaces: max(places, 0))
        if places < 0 {
            for _ in 0..<(-places) {
                let (next, overflow) = scaled.units.multipliedReportingOverflow(by: 10)
                guard !overflow else { return .failure(Problem("price \(quoted) is above the maximum")) }
                scaled.units = next
            }
        }
        guard scaled.isAtMost(1_000) else {
            return .failure(
                Problem(
                    "price \(quoted) is above the maximum \(CatalogLimits.maximumPricePerHour.dollarsPerHourText) USD/h"
                ))
        }
        guard let femto = scaled.scaled(toDecimalPlaces: HourlyRate.decimalPlaces) else {
            return .failure(Problem("price \(quoted) has more than \(HourlyRate.decimalPlaces) decimal places"))
        }
        let rate = HourlyRate(femtoDollarsPerHour: femto)
        if let problem = CatalogLimits.priceProblem(rate) { return .failure(Problem("price \(quoted) is \(problem)")) }
        return .success(rate)
    }

    /// Why a price was refused.
    struct Problem: Error, Equatable {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// An RFC 3339 UTC timestamp (`2024-05-01T12:00:00Z`, `…T12:00:00.000Z`, `…T12:00:00+00:00`)
    /// or a bare date, as a key that sorts in time order (`YYYY-MM-DDTHH:MM:SS.fffffffff`) and
    /// its calendar day; `nil` if it is not one.
    static func timestamp(_ text: String) -> (key: String, day: String)? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes.count <= 40 else { return nil }
        let day = String(decoding: bytes[0..<10], as: UTF8.self)
        guard PriceSnapshot.dateProblem(day) == nil else { return nil }
        if bytes.count == 10 { return (day + "T00:00:00.000000000", day) }
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return nil }
        let isDigit: (UInt8) -> Bool = { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        for index in [11, 12, 14, 15, 17, 18] where !isDigit(bytes[index]) { return nil }
        guard bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { return nil }
        let hour = Int(bytes[11] - 48) * 10 + Int(bytes[12] - 48)
        let minute = Int(bytes[14] - 48) * 10 + Int(bytes[15] - 48)
        let second = Int(bytes[17] - 48) * 10 + Int(bytes[18] - 48)
        guard hour < 24, minute < 60, second < 61 else { return nil }
        var index = 19
        var fraction: [UInt8] = []
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]), fraction.count < 9 {
                fraction.append(bytes[index])
                index += 1
            }
            guard !fraction.isEmpty else { return nil }
        }
        let zone = String(decoding: bytes[index...], as: UTF8.self)
        guard zone == "Z" || zone == "+00:00" || zone == "z" else { return nil }
        let padded = String(decoding: fraction, as: UTF8.self) + String(repeating: "0", count: 9 - fraction.count)
        return (day + "T" + String(decoding: bytes[11..<19], as: UTF8.self) + "." + padded, day)
    }
}
