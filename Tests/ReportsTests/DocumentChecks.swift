/// Structural checks of PDF and SVG bytes without external tools.
enum DocumentChecks {
    /// Number of page objects: "/Type /Page" not followed by "s".
    static func pdfPageCount(_ bytes: [UInt8]) -> Int {
        let needle = Array("/Type /Page".utf8)
        var count = 0
        var i = 0
        while i + needle.count < bytes.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle),
                bytes[i + needle.count] != UInt8(ascii: "s")
            {
                count += 1
                i += needle.count
            } else {
                i += 1
            }
        }
        return count
    }

    /// True if every element opened is closed in order (comments, declarations and
    /// self-closing tags aside) and the document has an <svg> root.
    static func svgIsBalanced(_ text: String) -> Bool {
        var stack: [Substring] = []
        var sawSVG = false
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return false }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("?") || tag.hasPrefix("!") { continue }
            if tag.hasPrefix("/") {
                let name = tag.dropFirst().prefix { !$0.isWhitespace }
                guard stack.popLast() == name else { return false }
            } else if !tag.hasSuffix("/") {
                let name = tag.prefix { !$0.isWhitespace && $0 != "/" }
                if name == "svg" { sawSVG = true }
                stack.append(name)
            }
        }
        return stack.isEmpty && sawSVG
    }
}
