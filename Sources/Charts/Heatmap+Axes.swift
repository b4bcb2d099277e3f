/// The heatmap's frame, axes, under/overflow strips and colour bar.
extension Heatmap {
    func drawAxes(x: Axis, y: Axis, plot: Rect, low: Double, high: Double, strips: (over: Rect?, under: Rect?),
                  renderer: some Renderer) {
        var tick = PlotFrame.tickFont; tick.anchor = .end
        for (value, label) in zip(y.ticks, y.labels) {
            guard let py = y.position(value) else { continue }
            renderer.stroke(.segment(Point(plot.minX - 4, py), Point(plot.minX, py)), style: StrokeStyle(color: .frame))
            renderer.text(label, at: Point(plot.minX - 6, py + 4), style: tick)
        }
        for (band, label) in [(strips.over, "> " + TickFormat.short(high)), (strips.under, "< " + TickFormat.short(low))] {
            guard let band else { continue }
            renderer.stroke(.rectangle(band), style: StrokeStyle(color: .frame, dash: [3, 2]))
            renderer.text(label, at: Point(plot.minX - 6, band.minY + band.height / 2 + 4), style: tick)
        }
        let labelY = (strips.under?.maxY ?? plot.maxY) + 15
        tick.anchor = .middle
        for (value, label) in zip(x.ticks, x.labels) {
            guard let px = x.position(value) else { continue }
            renderer.stroke(.segment(Point(px, plot.maxY), Point(px, plot.maxY + 4)), style: StrokeStyle(color: .frame))
            renderer.text(label, at: Point(px, labelY), style: tick)
        }
        renderer.stroke(.rectangle(plot), style: StrokeStyle(color: .frame))
        var axisTitle = PlotFrame.axisTitleFont; axisTitle.anchor = .middle
        if !xLabel.isEmpty { renderer.text(xLabel, at: Point(plot.minX + plot.width / 2, labelY + 19), style: axisTitle) }
        if !yLabel.isEmpty {
            axisTitle.vertical = true
            renderer.text(yLabel, at: Point(16, plot.minY + plot.height / 2), style: axisTitle)
        }
    }

    /// A vertical gradient right of the plot, low at the bottom, ticked in percent.
    func drawColorBar(_ axis: Axis, next plot: Rect, renderer: some Renderer) {
        let bar = Rect(x: plot.maxX + 16, y: plot.minY, width: Self.colorBarWidth, height: plot.height)
        let slice = bar.height / Double(Self.colorBarSlices)
        for k in 0..<Self.colorBarSlices {
            let t = (Double(k) + 0.5) / Double(Self.colorBarSlices)
            renderer.fill(.rectangle(Rect(x: bar.minX, y: bar.maxY - Double(k + 1) * slice, width: bar.width, height: slice + 0.5)),
                          color: colormap.color(at: t))
        }
        renderer.stroke(.rectangle(bar), style: StrokeStyle(color: .frame))
        let tick = PlotFrame.tickFont
        var widest = 0.0
        for value in axis.ticks {
            guard let t = axis.position(value) else { continue }
            let py = bar.maxY - t * bar.height
            let label = axis.scale == .linear && value == 0 ? "0" : HistogramData.percentTick(value)
            renderer.stroke(.segment(Point(bar.maxX, py), Point(bar.maxX + 3, py)), style: StrokeStyle(color: .frame))
            renderer.text(label, at: Point(bar.maxX + 6, py + 4), style: tick)
            widest = max(widest, renderer.measure(label, style: tick).width)
        }
        var title = PlotFrame.axisTitleFont; title.anchor = .middle; title.vertical = true; title.size = 11
        renderer.text("share of elements per bin", at: Point(bar.maxX + 6 + widest + 12, bar.minY + bar.height / 2), style: title)
    }
}
