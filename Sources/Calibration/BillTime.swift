/// The dates and times cloud bills write, read as Unix seconds (UTC): `2022-08-01 03:00:00+00:00`,
/// `2022-08-01 03:00:00 UTC` (GCP), `2023-06-01T00:00:00Z`, `2023-06-01T00:00:00.000Z` (AWS),
/// `2020-09-22`, `09/21/2023` (Azure: `MM/DD/YYYY` in EA exports). A zone offset other than UTC
/// is applied.
enum BillTime {
    static func seconds(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard bytes.count <= 64 else { return nil }
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += digits
            return value
        }
        func skip(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
            index += 1
            return true
        }
        let year: Int, month: Int, day: Int
        if bytes.count >= 10, bytes[2] == UInt8(ascii: "/") {
            guard let m = number(2), skip("/"), let d = number(2), skip("/"), let y = number(4) else { return nil }
            (year, month, day) = (y, m, d)
        } else {
            guard let y = number(4), skip("-"), let m = number(2), skip("-"), let d = number(2) else { return nil }
            (year, month, day) = (y, m, d)
        }
        guard (1970...9999).contains(year), (1...12).contains(month), (1...daysIn(month, year)).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year, month, day) * 86_400)
        guard index < bytes.count else { return seconds }
        guard skip("T") || skip(" "), let hour = number(2), skip(":"), let minute = number(2), skip(":"),
            let second = number(2), hour < 24, minute < 60, second < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60 + second)
        if skip(".") {
            let start = index
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            guard index > start, index - start <= 9,
                let fraction = Double("0." + String(decoding: bytes[start..<index], as: UTF8.self))
            else { return nil }
            seconds += fraction
        }
        let zone = String(decoding: bytes[index...], as: UTF8.self)
        if ["", "Z", " UTC", "UTC"].contains(zone) { return seconds }
        guard let sign = zone.first, sign == "+" || sign == "-" else { return nil }
        let digits = zone.dropFirst().filter { $0 != ":" }
        guard digits.count == 4, digits.allSatisfy(\.isASCII), let value = Int(digits),
            value / 100 < 24, value % 100 < 60
        else { return nil }
        let offset = Double((value / 100) * 3600 + (value % 100) * 60)
        return sign == "+" ? seconds - offset : seconds + offset
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
