#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses decimal numbers straight from UTF-8 bytes, without building a `String`.
///
/// Up to 15 significant digits and a decimal exponent within ±22 are converted exactly
/// (Clinger's fast path: both the integer and the power of ten are exact doubles, so one
/// correctly rounded division or multiplication gives the correctly rounded result). Anything
/// longer falls back to `strtod`. Either way the result is correctly rounded, so the trace
/// readers give the same numbers as any other parser.
enum NumberParser {
    static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The number in `bytes` (surrounding spaces allowed), or `nil` if it is not a number or is
    /// longer than ``TraceLimits/maxNumberLength`` bytes (which keeps the `strtod` fallback fast).
    static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard bytes.count <= TraceLimits.maxNumberLength else { return nil }
        var index = 0
        var last = bytes.count
        while index < last && bytes[index] == UInt8(ascii: " ") { index += 1 }
        while last > index && bytes[last - 1] == UInt8(ascii: " ") { last -= 1 }
        guard index < last else { return nil }
        let begin = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var digitCount = 0
        var significantDigits = 0
        var fractionDigits = 0
        var sawPoint = false
        while index < last {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digitCount += 1
                if mantissa != 0 || byte != UInt8(ascii: "0") { significantDigits += 1 }
                if significantDigits <= 19 { mantissa = mantissa &* 10 &+ UInt64(byte - UInt8(ascii: "0")) }
                if sawPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digitCount > 0 else { return nil }
        var exponent = 0
        if index < last && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            var exponentNegative = false
            if index < last && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponentDigits = 0
            while index < last, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard index == last else { return nil }
        let decimalExponent = exponent - fractionDigits
        if significantDigits <= 15 && abs(decimalExponent) <= 22 {
            var value = Double(mantissa)
            if decimalExponent < 0 { value /= exactPowersOfTen[-decimalExponent] } else { value *= exactPowersOfTen[decimalExponent] }
            return negative ? -value : value
        }
        return slowPath(UnsafeBufferPointer(rebasing: bytes[begin..<last]))
    }

    private static func slowPath(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var text = [CChar](repeating: 0, count: bytes.count + 1)
        for (offset, byte) in bytes.enumerated() { text[offset] = CChar(bitPattern: byte) }
        return text.withUnsafeBufferPointer { pointer -> Double? in
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtod(pointer.baseAddress!, &endPointer)
            guard let endPointer, pointer.baseAddress!.distance(to: endPointer) == bytes.count else { return nil }
            return value
        }
    }
}
