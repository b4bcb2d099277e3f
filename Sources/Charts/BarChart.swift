/// Horizontal grouped bars: one row per category (long labels read well on the left), one
/// bar per group within a row — e.g. test accuracy after epoch 1 and epoch 2 per
/// initializer. Non-finite values are written out instead of drawn. A bar may carry a
/// whisker (e.g. min–max over seeds), drawn as a thin capped line across the bar's end.
public struct BarChart: Chart {
    public enum ValueFormat: Sendable { case percent, plain }

    public struct Category: Sendable {
        public var label: String
        /// One value per group.
        public var values: [Double]
        /// One whisker per group (nil: none), e.g. the min–max over seeds around a mean.
        public var ranges: [ClosedRange<Double>?]
        public init(label: String, values: [Double], ranges: [ClosedRange<Double>?]? = nil) {
            precondition(ranges.map { $0.count == values.count } ?? true, "BarChart.Category '\(label)': one range per value")
            self.label = label; self.values = values; self.ranges = ranges ?? values.map { _ in nil }
        }
    }

    public var title: String
    public var valueLabel: String
    public var groups: [String]
    public var categories: [Category]
    public var valueRange: ClosedRange<Double>?
    public var format: ValueFormat
    /// A dashed vertical line, e.g. chance level.
    public var reference: (value: Double, label: String)?
    public var groupColors: [Color]

    public static let labelFont = TextStyle(size: 12, color: .ink)
    static let valueFont = TextStyle(size: 10, color: .muted)
    public static let whiskerColor = Color.ink

    public init(title: String, valueLabel: String, groups: [String], categories: [Category],
                valueRange: ClosedRange<Double>? = nil, format: ValueFormat = .plain,
                reference: (value: Double, label: String)? = nil, groupColors: [Color]? = nil) {
        precondition(categories.allSatisfy { $0.values.count == groups.count }, "BarChart: every category needs \(groups.count) values")
        self.title = title; self.valueLabel = valueLabel; self.groups = groups; self.categories = categories
        self.valueRange = valueRange; self.format = format; self.reference = reference
        self.groupColors = groupColors ?? [Color(hex: 0x9CC3E0), Color(hex: 0x0072B2), Color(hex: 0x00466E), Color(hex: 0xE69F00)]
    }

    func text(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : "∞" }
        switch format {
        case .percent: return String(format: "%.1f%%", v * 100)
        case .plain: return TickFormat.short(v)
        }
    }

    public func draw(in renderer: some Renderer, size: Size) {
        let values = categories.flatMap { $0.values + $0.ranges.compactMap { $0?.upperBound } }
        var axis = Axis(scale: .linear, data: values + [0], fixed: valueRange, target: 5)
        let labelWidth = categories.map { renderer.measure($0.label, style: Self.labelFont).width }.max() ?? 0
        let top = 14 + 26.0 + (groups.count > 1 ? 20 : 0)
        let plot = Rect(x: 16 + labelWidth, y: top, width: max(40, size.width - 16 - labelWidth - 60),
                        height: max(20, size.height - top - 50))
        axis.start = plot.minX; axis.end = plot.maxX

        renderer.text(title, at: Point(16, 22), style: PlotFrame.titleFont)
        if groups.count > 1 {  // group legend in one row under the title
            var x = 16.0
            for (g, name) in groups.enumerated() {
                renderer.fill(.rectangle(Rect(x: x, y: 33, width: 12, height: 10)), color: groupColors[g % groupColors.count])
                renderer.text(name, at: Point(x + 17, 42), style: Legend.font)
                x += 17 + renderer.measure(name, style: Legend.font).width + 16
            }
        }
        let labels = format == .percent ? axis.ticks.map { String(format: "%g%%", $0 * 100) } : axis.labels
        for (value, label) in zip(axis.ticks, labels) {
            guard let px = axis.position(value) else { continue }
            renderer.stroke(.segment(Point(px, plot.minY), Point(px, plot.maxY)), style: StrokeStyle(color: .grid))
            var style = PlotFrame.tickFont; style.anchor = .middle
            renderer.text(label, at: Point(px, plot.maxY + 15), style: style)
        }
        var axisTitle = PlotFrame.axisTitleFont; axisTitle.anchor = .middle
        renderer.text(valueLabel, at: Point(plot.minX + plot.width / 2, plot.maxY + 34), style: axisTitle)

        let row = plot.height / Double(max(1, categories.count))
        let thickness = min(14, row * 0.78 / Double(max(1, groups.count)))
        for (c, category) in categories.enumerated() {
            let rowTop = plot.minY + Double(c) * row
            let blockTop = rowTop + (row - thickness * Double(groups.count)) / 2
            var label = Self.labelFont; label.anchor = .end
            renderer.text(category.label, at: Point(plot.minX - 8, rowTop + row / 2 + 4), style: label)
            for (g, value) in category.values.enumerated() {
                let y = blockTop + Double(g) * thickness
                let zero = axis.position(max(axis.domain.lowerBound, 0)) ?? plot.minX
                guard value.isFinite, let end = axis.position(min(max(value, axis.domain.lowerBound), axis.domain.upperBound)) else {
                    renderer.text(text(value), at: Point(zero + 4, y + thickness - 2), style: Self.valueFont)
                    continue
                }
                renderer.fill(.rectangle(Rect(x: min(zero, end), y: y, width: abs(end - zero), height: thickness - 1)),
                              color: groupColors[g % groupColors.count])
                var labelX = max(zero, end) + 4
                if let range = category.ranges[g], range.lowerBound.isFinite, range.upperBound.isFinite,
                   let low = axis.position(min(max(range.lowerBound, axis.domain.lowerBound), axis.domain.upperBound)),
                   let high = axis.position(min(max(range.upperBound, axis.domain.lowerBound), axis.domain.upperBound)) {
                    let mid = y + (thickness - 1) / 2, cap = max(2, (thickness - 1) / 2 - 1)
                    var whisker = Path.segment(Point(low, mid), Point(high, mid))
                    for px in [low, high] { whisker.move(to: Point(px, mid - cap)); whisker.line(to: Point(px, mid + cap)) }
                    renderer.stroke(whisker, style: StrokeStyle(color: Self.whiskerColor, width: 1))
                    labelX = max(labelX, high + 4)
                }
                if g == groups.count - 1 || groups.count == 1 {
                    renderer.text(text(value), at: Point(labelX, y + thickness - 3), style: Self.valueFont)
                }
            }
        }
        renderer.stroke(.segment(Point(plot.minX, plot.minY), Point(plot.minX, plot.maxY)), style: StrokeStyle(color: .frame))
        if let reference, let px = axis.position(reference.value) {
            renderer.stroke(.segment(Point(px, plot.minY - 4), Point(px, plot.maxY)),
                            style: StrokeStyle(color: Color(hex: 0xB3261E), width: 1.2, dash: [4, 3]))
            var style = Self.valueFont; style.color = Color(hex: 0xB3261E); style.anchor = .middle
            renderer.text(reference.label, at: Point(px, plot.minY - 7), style: style)
        }
    }
}
