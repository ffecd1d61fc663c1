/// Escapes text for HTML: every character that could start markup or end an attribute value
/// (`&`, `<`, `>`, `"`, `'`) becomes its character reference (control characters: U+FFFD), so scenario, option and file
/// names show as written and never act as tags or scripts.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(character)
            // Other control characters are parse errors in HTML: shown as the replacement character.
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// `<tag class="…">escaped text</tag>` (no class attribute when `className` is empty).
    static func element(_ tag: String, _ text: String, className: String = "") -> String {
        "<\(tag)\(className.isEmpty ? "" : " class=\"\(className)\"")>\(escape(text))</\(tag)>"
    }
}
