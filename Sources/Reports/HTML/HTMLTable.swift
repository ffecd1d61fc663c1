/// A table as HTML: a header row and rows of plain-text cells, escaped, inside a container that
/// scrolls sideways when the table is wider than the screen. A cell that is a web address
/// (`http://` or `https://`, no spaces) becomes a link.
struct HTMLTable {
    var header: [String]
    var rows: [[String]]
    /// Class of the `<table>` element (the style sheet's column rules).
    var className: String

    var html: String {
        var out = "<div class=\"scroll\"><table class=\"\(className)\">\n<thead><tr>"
        for cell in header { out += HTMLText.element("th", cell, className: "") }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for cell in row { out += "<td>" + Self.cell(cell) + "</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    static func cell(_ text: String) -> String {
        let isLink = (text.hasPrefix("https://") || text.hasPrefix("http://")) && !text.contains { $0.isWhitespace }
        guard isLink else { return HTMLText.escape(text) }
        let escaped = HTMLText.escape(text)
        return "<a href=\"\(escaped)\">\(escaped)</a>"
    }
}
