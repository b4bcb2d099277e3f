/// The parts every x/y chart shares: title, plot area, grid, axes with tick labels, axis
/// titles and a legend to the right. `layout` computes rectangles; `drawAxes` paints.
public struct PlotFrame: Sendable {
    public static let titleFont = TextStyle(size: 15, color: .ink, bold: true)
    public static let axisTitleFont = TextStyle(size: 12, color: .muted)
    public static let tickFont = TextStyle(size: 11, color: .muted)
    /// Height of the strip under a log y axis where values ≤ 0 are drawn.
    public static let zeroStripHeight = 20.0

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var legend: Legend
    public var hasZeroStrip: Bool

    /// Computed by `layout`.
    public private(set) var plot = Rect(x: 0, y: 0, width: 1, height: 1)
    public private(set) var legendOrigin = Point(0, 0)
    public private(set) var zeroStrip: Rect?

    public init(title: String, xLabel: String, yLabel: String, legend: Legend, hasZeroStrip: Bool = false) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
        self.legend = legend; self.hasZeroStrip = hasZeroStrip
    }

    /// Places the plot area inside `size`, leaving room for everything around it, and sets
    /// the axes' pixel ranges.
    public mutating func layout(size: Size, x: inout Axis, y: inout Axis, renderer: some Renderer) {
        let top = 14 + (title.isEmpty ? 0 : 26.0)
        let yTickWidth = (y.labels.map { renderer.measure($0, style: Self.tickFont).width }.max() ?? 0)
        let left = 12 + (yLabel.isEmpty ? 0 : 18.0) + yTickWidth + 8
        let zero = hasZeroStrip ? Self.zeroStripHeight + 4 : 0
        let bottom = 10 + 18 + (xLabel.isEmpty ? 0 : 18.0) + zero
        let plotHeight = max(40, size.height - top - bottom)
        let legendWidth = legend.width(availableHeight: plotHeight + zero, renderer: renderer)
        let right = 12 + (legendWidth > 0 ? legendWidth + 16 : 0)
        plot = Rect(x: left, y: top, width: max(40, size.width - left - right), height: plotHeight)
        legendOrigin = Point(plot.maxX + 16, plot.minY)
        zeroStrip = hasZeroStrip ? Rect(x: plot.minX, y: plot.maxY + 4, width: plot.width, height: Self.zeroStripHeight) : nil
        x.start = plot.minX; x.end = plot.maxX
        y.start = plot.maxY; y.end = plot.minY
    }

    /// Title, grid, frame, ticks, tick labels, axis titles, the "= 0" strip and the legend.
    public func drawAxes(x: Axis, y: Axis, size: Size, renderer: some Renderer) {
        if !title.isEmpty {
            renderer.text(title, at: Point(plot.minX, 22), style: Self.titleFont)
        }
        for (value, label) in zip(y.ticks, y.labels) {
            guard let py = y.position(value) else { continue }
            renderer.stroke(.segment(Point(plot.minX, py), Point(plot.maxX, py)), style: StrokeStyle(color: .grid))
            renderer.text(label, at: Point(plot.minX - 6, py + 4), style: anchored(Self.tickFont, .end))
        }
        for (value, label) in zip(x.ticks, x.labels) {
            guard let px = x.position(value) else { continue }
            renderer.stroke(.segment(Point(px, plot.minY), Point(px, plot.maxY)), style: StrokeStyle(color: .grid))
            let labelY = (zeroStrip?.maxY ?? plot.maxY) + 15
            renderer.text(label, at: Point(px, labelY), style: anchored(Self.tickFont, .middle))
        }
        renderer.stroke(.rectangle(plot), style: StrokeStyle(color: .frame))
        if let strip = zeroStrip {
            renderer.fill(.rectangle(strip), color: Color(hex: 0xF3F4F6))
            renderer.stroke(.rectangle(strip), style: StrokeStyle(color: .frame, width: 1, dash: [3, 2]))
            renderer.text("= 0", at: Point(plot.minX - 6, strip.minY + strip.height / 2 + 4),
                          style: anchored(Self.tickFont, .end))
        }
        if !xLabel.isEmpty {
            let base = (zeroStrip?.maxY ?? plot.maxY) + 34
            renderer.text(xLabel, at: Point(plot.minX + plot.width / 2, base), style: anchored(Self.axisTitleFont, .middle))
        }
        if !yLabel.isEmpty {
            var style = anchored(Self.axisTitleFont, .middle)
            style.vertical = true
            renderer.text(yLabel, at: Point(16, plot.minY + plot.height / 2), style: style)
        }
        legend.draw(at: legendOrigin, availableHeight: plot.height + (zeroStrip.map { $0.height + 4 } ?? 0), renderer: renderer)
    }

    private func anchored(_ style: TextStyle, _ anchor: TextStyle.Anchor) -> TextStyle {
        var s = style
        s.anchor = anchor
        return s
    }
}
