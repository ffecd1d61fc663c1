/// Page 1 of the report as HTML: the key figures as tiles, the answer as sentences, and the
/// table of the headline figures per option. Everything comes from ``ReportSummary``, as on the
/// PDF's first page.
enum HTMLSummary {
    static func html(_ summary: ReportSummary) -> String {
        var out = "<section id=\"answer\">\n"
        if !summary.keyFigures.isEmpty {
            out += "<div class=\"figures\">\n"
            for figure in summary.keyFigures {
                out += "<p class=\"figure\">" + HTMLText.element("span", figure.value, className: "value")
                    + HTMLText.element("span", figure.caption, className: "caption") + "</p>\n"
            }
            out += "</div>\n"
        }
        out += "<h2>The answer</h2>\n" + sentenceList(summary.sentences)
        if !summary.figures.isEmpty {
            out += HTMLTable(header: FiguresTable.header, rows: FiguresTable.rows(summary.figures),
                             className: "option-figures").html
        }
        return out + "</section>\n"
    }

    /// Sentences as a bulleted list.
    static func sentenceList(_ sentences: [String]) -> String {
        "<ul class=\"sentences\">\n" + sentences.map { HTMLText.element("li", $0) + "\n" }.joined() + "</ul>\n"
    }
}
