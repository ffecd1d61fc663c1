/// Makes Cairo's SVG independent of how many surfaces the process created before: Cairo names
/// patterns and surfaces after a process-wide counter (`id="surface42"`), so ids are
/// renumbered in order of first appearance.
enum SVGCleaner {
    static func normalize(_ bytes: [UInt8]) -> [UInt8] {
        let prefix = Array("surface".utf8)
        var mapping: [ArraySlice<UInt8>: Int] = [:]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == prefix[0], i + prefix.count < bytes.count,
                bytes[i..<(i + prefix.count)].elementsEqual(prefix),
                i == 0 || !isWordByte(bytes[i - 1])
            {
                var j = i + prefix.count
                while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57 { j += 1 }
                if j > i + prefix.count {
                    let digits = bytes[(i + prefix.count)..<j]
                    let number =
                        mapping[digits]
                        ?? {
                            let next = mapping.count + 1
                            mapping[digits] = next
                            return next
                        }()
                    out.append(contentsOf: prefix)
                    out.append(contentsOf: Array(String(number).utf8))
                    i = j
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
    }
}
