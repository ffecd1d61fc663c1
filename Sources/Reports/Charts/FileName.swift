/// Turns option names into safe file-name parts.
enum FileName {
    /// Lower-case letters, digits and '-' only ("Scale to zero (T4)" → "scale-to-zero-t4").
    static func safe(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "option" : out
    }
}
