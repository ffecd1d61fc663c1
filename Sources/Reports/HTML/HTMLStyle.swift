/// The HTML report's style sheet, inlined in its `<head>`: system fonts only, the PDF's colours,
/// a single column that reads on a laptop and at phone width (charts scale to the column, wide
/// tables scroll sideways instead of squeezing), and print rules that keep a chart on one page.
enum HTMLStyle {
    static let css = """
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;background:#fff;color:#1e293b;
        font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif}
        main,header,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
        header{padding-top:1.5rem}
        h1{font-size:1.6rem;line-height:1.25;margin:0 0 .4rem}
        h2{font-size:1.25rem;color:#1f5aa6;margin:2rem 0 .6rem}
        .scenario{color:#64748b;margin:0 0 1.2rem}
        .verdict,ul.breaches{font-size:1.2rem;font-weight:700;line-height:1.35;margin:0 0 .5rem}
        ul.breaches{list-style:none;padding:0;color:#b03a00}
        ul.breaches li::before{content:"✗ "}
        .objectives{color:#64748b;font-size:.9rem;margin:0 0 1.2rem}
        .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.9rem;margin:0 0 1rem}
        .figure{margin:0;background:#f1f5f9;border-left:4px solid #1f5aa6;padding:.7rem 1rem}
        .figure .value{display:block;font-size:1.6rem;font-weight:700;color:#1f5aa6;line-height:1.2}
        .figure .caption{display:block;font-size:.85rem;color:#64748b}
        ul.sentences{padding-left:1.2rem;margin:.4rem 0 1rem}
        ul.sentences li{margin:.3rem 0}
        .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.6rem 0 1rem}
        table{border-collapse:collapse;font-size:.9rem;min-width:100%}
        th,td{text-align:left;vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid #e2e8f0}
        th{background:#e2e8f0;white-space:nowrap}
        tbody tr:nth-child(even){background:#f8fafc}
        table.option-figures td{white-space:nowrap}
        table.option-figures th,table.option-figures td:first-child,
        table.option-figures td:last-child{white-space:normal}
        table.option-figures td+td,table.option-figures th+th{text-align:right}
        table.option-figures td:last-child,table.option-figures th:last-child{text-align:left}
        table.assumptions{table-layout:fixed;min-width:44rem}
        table.assumptions td{overflow-wrap:anywhere}
        table.assumptions th:nth-child(1){width:22%}
        table.assumptions th:nth-child(2){width:30%}
        table.assumptions th:nth-child(3){width:34%}
        table.assumptions th:nth-child(4){width:14%}
        a{color:#1f5aa6}
        figure.chart{margin:1rem 0 2rem}
        figure.chart svg{display:block;width:100%;height:auto;max-width:60rem}
        footer{color:#64748b;font-size:.85rem;border-top:1px solid #e2e8f0;margin-top:2rem;padding-bottom:1.5rem}
        @media (max-width:40rem){body{font-size:15px}h1{font-size:1.35rem}.figure .value{font-size:1.35rem}}
        @media print{figure.chart,.figure,tr{break-inside:avoid}a{color:inherit}}
        """
}
