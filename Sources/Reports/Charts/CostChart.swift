import Analysis

/// Chart 3: monthly cost per option as stacked bars by component, with each total on top and
/// how many times cheaper than the baseline each option is.
public struct CostChart: Chart {
    public var options: [OptionCost]
    /// Option the savings ratios compare against (`nil`: the most expensive).
    public var baselineName: String?
    public var title: String
    public var fileStem: String { "monthly-cost" }

    public init(options: [OptionCost], baselineName: String? = nil, title: String = "What each option costs per month")
    {
        self.options = options
        self.baselineName = baselineName
        self.title = title
    }

    public func draw(on canvas: Canvas, in frame: ChartRect) { _ = render(on: canvas, in: frame) }

    var baseline: OptionCost? {
        if let baselineName, let match = options.first(where: { $0.optionName == baselineName }) { return match }
        return options.max { $0.totalDollars < $1.totalDollars }
    }

    /// Plain-words comparison of the cheapest option with the baseline.
    var savingsSentence: String? {
        guard options.count >= 2, let baseline, let cheapest = options.min(by: { $0.totalDollars < $1.totalDollars }),
            cheapest.optionName != baseline.optionName
        else { return nil }
        let sentence =
            "\(cheapest.optionName) costs \(NumberFormat.dollars(cheapest.totalDollars))/month "
            + "vs \(NumberFormat.dollars(baseline.totalDollars)) for \(baseline.optionName)"
        guard cheapest.totalDollars > 0 else { return sentence + "." }
        let phrase = CostPhrase.compare(option: cheapest.totalDollars, baseline: baseline.totalDollars)
        guard CostPhrase.isCheaper(option: cheapest.totalDollars, baseline: baseline.totalDollars) else {
            return sentence + " (\(phrase))."
        }
        return sentence
            + " (\(phrase), saving \(NumberFormat.dollars(baseline.totalDollars - cheapest.totalDollars))/month)."
    }

    func render(on canvas: Canvas, in frame: ChartRect) -> PlotGeometry {
        let kinds = CostComponent.Kind.allCases
        var used: [(kind: CostComponent.Kind, label: String)] = []
        for kind in kinds {
            for option in options {
                if let component = option.components.first(where: { $0.kind == kind && $0.dollars > 0 }),
                    !used.contains(where: { $0.kind == kind })
                {
                    used.append((kind, component.label))
                }
            }
        }
        let legend = used.map {
            LegendEntry(label: $0.label, color: $0.kind.color, swatch: $0.kind.isHatched ? .hatchedBox : .box)
        }
        let subtitle =
            savingsSentence.map(NumberFormat.capitalizedFirst)
            ?? "Projected monthly cost, split by what the money pays for."
        let body = ChartChrome(
            title: title, subtitle: subtitle, legend: legend,
            footnote: "Stacked by component; amounts are the simulated usage projected to one month."
        ).draw(on: canvas, in: frame)
        let maxTotal = options.map(\.totalDollars).max() ?? 0
        let axes = PlotAxes(
            x: AxisSpec(
                title: "", unit: .count, lower: 0, upper: Double(Swift.max(1, options.count)), niceBounds: false),
            y: AxisSpec(title: "dollars per month", unit: .dollars, lower: 0, upper: Swift.max(1, maxTotal * 1.12)),
            showXLabels: false, showXGrid: false)
        // Room below the plot for option names.
        let nameHeight = canvas.lineHeight(.axisTitle) * 2 + 8
        let region = ChartRect(
            x: body.minX, y: body.minY, width: body.width, height: Swift.max(20, body.height - nameHeight))
        let geometry = axes.draw(on: canvas, in: region)
        let plot = geometry.plot
        guard !options.isEmpty else {
            ChartChrome.drawMessage("No cost figures were given.", on: canvas, in: plot)
            return geometry
        }
        let slot = plot.width / Double(options.count)
        let barWidth = Swift.min(140, slot * 0.5)
        let baselineTotal = baseline?.totalDollars ?? 0
        let placer = LabelPlacer(bounds: plot)
        for (index, option) in options.enumerated() {
            let center = plot.minX + slot * (Double(index) + 0.5)
            let top = geometry.y.position(option.totalDollars)
            placer.reserve(
                ChartRect(x: center - barWidth / 2, y: top - 40, width: barWidth, height: plot.maxY - top + 40))
        }
        for (index, option) in options.enumerated() {
            let center = plot.minX + slot * (Double(index) + 0.5)
            var running = 0.0
            for kind in kinds {
                let amount = option.components.filter { $0.kind == kind }.reduce(0) { $0 + Swift.max(0, $1.dollars) }
                guard amount > 0 else { continue }
                let top = geometry.y.position(running + amount)
                let bottom = geometry.y.position(running)
                let rect = ChartRect(
                    x: center - barWidth / 2, y: top, width: barWidth, height: Swift.max(0.8, bottom - top))
                canvas.fill(rect, kind.color)
                if kind.isHatched { canvas.hatch(rect, Palette.text(on: kind.color).withAlpha(0.3)) }
                canvas.stroke(rect, Palette.background, width: 0.6)
                let share = option.totalDollars > 0 ? amount / option.totalDollars : 0
                let label = NumberFormat.dollars(amount)
                let style = TextStyle(size: 9, color: Palette.text(on: kind.color))
                let box = canvas.textBox(
                    label, at: ChartPoint(x: center, y: rect.midY), style, align: .center, vertical: .middle)
                if share > 0.04, box.height + 2 < rect.height, box.width + 4 < rect.width {
                    // No hatch lines through the amount.
                    if kind.isHatched { canvas.fill(box.expanded(by: 2), kind.color) }
                    canvas.text(
                        label, at: ChartPoint(x: center, y: rect.midY), style, align: .center, vertical: .middle)
                } else {
                    // Too thin for a label inside: name it beside the bar, where there is room.
                    let side = "\(CostChart.shortLabel(kind)) \(label)"
                    let sideStyle = TextStyle(size: 9, color: Palette.text)
                    // Right of the bar (left of it for the last bar), level with the slice or up to 48 points
                    // above or below it.
                    let offsets: [Double] = [0, -8, 8, -16, 16, -24, 24, -32, 32, -40, 40, -48, 48]
                    let right = offsets.map { dy in
                        canvas.textBox(
                            side, at: ChartPoint(x: rect.maxX + 14, y: rect.midY + dy), sideStyle, vertical: .middle)
                    }
                    let left = offsets.map { dy in
                        canvas.textBox(
                            side, at: ChartPoint(x: rect.minX - 14, y: rect.midY + dy), sideStyle, align: .right,
                            vertical: .middle)
                    }
                    if let free = placer.place(right + left) {
                        let fromX = free.minX > rect.maxX ? rect.maxX + 1 : rect.minX - 1
                        let toX = free.minX > rect.maxX ? free.minX - 2 : free.maxX + 2
                        canvas.line(
                            from: ChartPoint(x: fromX, y: rect.midY), to: ChartPoint(x: toX, y: free.midY),
                            Palette.neutral, width: 0.6)
                        canvas.text(side, at: ChartPoint(x: free.minX, y: free.midY), sideStyle, vertical: .middle)
                    }
                }
                running += amount
            }
            let topY = geometry.y.position(option.totalDollars)
            canvas.text(
                NumberFormat.dollars(option.totalDollars) + "/mo", at: ChartPoint(x: center, y: topY - 4),
                TextStyle(size: 12, bold: true), align: .center, vertical: .bottom)
            let nameStyle = TextStyle(size: 11, bold: true)
            var nameY = plot.maxY + 6
            for line in canvas.wrap(option.optionName, width: slot - 8, nameStyle).prefix(2) {
                canvas.text(line, at: ChartPoint(x: center, y: nameY), nameStyle, align: .center, vertical: .top)
                nameY += canvas.lineHeight(nameStyle)
            }
            if baselineTotal > 0, option.optionName != baseline?.optionName, option.totalDollars > 0 {
                let text = CostPhrase.compare(option: option.totalDollars, baseline: baselineTotal)
                let cheaper = option.totalDollars <= baselineTotal
                canvas.text(
                    text, at: ChartPoint(x: center, y: topY - 4 - canvas.lineHeight(TextStyle(size: 12))),
                    TextStyle(size: 10.5, bold: true, color: cheaper ? Palette.bluishGreen : Palette.vermillion),
                    align: .center, vertical: .bottom)
            }
        }
        if maxTotal <= 0 {
            ChartChrome.drawMessage(
                "Every option costs $0 with these prices — check the price catalog.", on: canvas, in: plot)
        }
        return geometry
    }

    /// Label beside thin segments.
    static func shortLabel(_ kind: CostComponent.Kind) -> String {
        switch kind {
        case .systemNodes: "system nodes"
        case .clusterFee: "cluster fee"
        case .gpuServing: "serving"
        case .gpuIdle: "idle"
        case .gpuColdStart: "cold start"
        case .gpuCooldownTail: "cooldown tail"
        case .gpuScaleDownTail: "scale-down tail"
        case .other: "other"
        }
    }
}
