/// Page 1 of the report as HTML, in the PDF's order: the verdict with a line per breach in the
/// same weight and the objectives judged, the key figures as tiles, the table of every option,
/// then the answer as sentences. Everything comes from ``ReportSummary``, as on the PDF's first page.
enum HTMLSummary {
    static func html(_ summary: ReportSummary) -> String {
        var out = "<section id=\"answer\">\n"
        out += HTMLText.element("p", summary.verdict.sentence, className: "verdict") + "\n"
        if !summary.verdict.breachSentences.isEmpty {
            out += "<ul class=\"breaches\">\n"
                + summary.verdict.breachSentences.map { HTMLText.element("li", $0) + "\n" }.joined() + "</ul>\n"
        }
        out += HTMLText.element("p", summary.verdict.objectivesNote, className: "objectives") + "\n"
        if !summary.keyFigures.isEmpty {
            out += "<div class=\"figures\">\n"
            for figure in summary.keyFigures {
                out += "<p class=\"figure\">" + HTMLText.element("span", figure.value, className: "value")
                    + HTMLText.element("span", figure.caption, className: "caption") + "</p>\n"
            }
            out += "</div>\n"
        }
        if !summary.tableRows.isEmpty {
            out += HTMLTable(header: summary.tableHeader, rows: summary.tableRows, className: "option-figures").html
        }
        return out + "<h2>The answer</h2>\n" + sentenceList(summary.sentences) + "</section>\n"
    }

    /// Sentences as a bulleted list.
    static func sentenceList(_ sentences: [String]) -> String {
        "<ul class=\"sentences\">\n" + sentences.map { HTMLText.element("li", $0) + "\n" }.joined() + "</ul>\n"
    }
}
