import Foundation

/// A histogram over time ("colourful dimension", TensorBoard's offset view): one column per
/// probe step, one row per value bin, colour = fraction of the tensor's elements in that bin
/// at that step, from a perceptually uniform colormap (viridis), linear or log10.
///
/// Honest about what the shared range cannot show:
/// - elements below / above the range get their own labelled strip under / over the plot
///   ("< −4", "> 4"), coloured on the same scale;
/// - a step with NaN/Inf elements gets a red ▼ above its column and a red note;
/// - an empty bin stays blank (light grey), so "none" never looks like "a few".
public struct Heatmap: Chart {
    public enum ColorScale: Sendable, Equatable {
        case linear
        /// log10 of the fraction; fractions below `floor` get the lowest colour.
        case log10(floor: Double)
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// x of each column, ascending; one per histogram.
    public var steps: [Double]
    public var histograms: [HistogramData]
    public var colorScale: ColorScale
    public var colormap: Colormap

    static let emptyColor = Color(hex: 0xF3F4F6)
    public static let nonFiniteColor = Color(hex: 0xB3261E)
    /// Slices the colour bar is painted with.
    public static let colorBarSlices = 64
    static let stripHeight = 10.0, stripGap = 8.0, colorBarWidth = 14.0

    public init(title: String, xLabel: String = "step", yLabel: String, steps: [Double], histograms: [HistogramData],
                colorScale: ColorScale = .linear, colormap: Colormap = .viridis) {
        precondition(steps.count == histograms.count, "Heatmap: \(steps.count) steps for \(histograms.count) histograms")
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.steps = steps
        self.histograms = histograms; self.colorScale = colorScale; self.colormap = colormap
    }

    /// The colour scale as an axis over 0…1: position(fraction) is the colormap's t.
    public func colorAxis() -> Axis {
        let fractions = histograms.flatMap { h in h.binFractions + [h.fraction(h.underflow), h.fraction(h.overflow)] }
        let top = fractions.max() ?? 0
        var axis: Axis
        switch colorScale {
        case .linear:
            axis = Axis(scale: .linear, data: [0, top > 0 ? top : 1], target: 4)
        case let .log10(floor):
            let low = floor > 0 ? floor : 1e-4
            axis = Axis(scale: .log10, data: [low, max(top, low * 10)])
        }
        axis.start = 0; axis.end = 1
        return axis
    }

    /// Colour of a bin holding `fraction` of the elements; nil for an empty bin.
    public func color(for fraction: Double, on axis: Axis) -> Color? {
        guard fraction > 0 else { return nil }
        return colormap.color(at: axis.position(max(fraction, axis.domain.lowerBound)) ?? 0)
    }

    /// Column edges: halfway between neighbouring steps, half a gap beyond the ends.
    func columnEdges() -> [Double] {
        guard let first = steps.first, let last = steps.last else { return [0, 1] }
        guard steps.count > 1 else { return [first - 0.5, first + 0.5] }
        let mids = zip(steps, steps.dropFirst()).map { ($0 + $1) / 2 }
        return [first - (steps[1] - first) / 2] + mids + [last + (last - steps[steps.count - 2]) / 2]
    }

    public func draw(in renderer: some Renderer, size: Size) {
        let colors = colorAxis()
        let hasUnder = histograms.contains { $0.underflow > 0 }, hasOver = histograms.contains { $0.overflow > 0 }
        let hasNonFinite = histograms.contains { $0.nonFinite > 0 }
        let low = histograms.map(\.lower).min() ?? 0, high = histograms.map(\.upper).max() ?? 1
        var y = Axis(scale: .linear, data: [], fixed: low < high ? low...high : (low - 1)...(high + 1), target: 6)
        let edges = columnEdges()
        let integral = steps.allSatisfy { $0 == $0.rounded() }
        var x = Axis(scale: .linear, data: steps, fixed: (edges.first ?? 0)...(edges.last ?? 1), target: 6, minimumStep: integral ? 1 : 0)

        let tickFont = PlotFrame.tickFont
        let yTickWidth = (y.labels + ["< " + TickFormat.short(low)]).map { renderer.measure($0, style: tickFont).width }.max() ?? 0
        let colorLabelWidth = colors.ticks.map { renderer.measure(HistogramData.percentTick($0), style: tickFont).width }.max() ?? 0
        let strip = Self.stripHeight + Self.stripGap
        let top = 14 + (title.isEmpty ? 0 : 26.0) + (hasNonFinite ? 12 : 0) + (hasOver ? strip : 0)
        let left = 12 + (yLabel.isEmpty ? 0 : 18.0) + yTickWidth + 8
        let bottom = 10 + 18 + (xLabel.isEmpty ? 0 : 18.0) + (hasUnder ? strip : 0)
        let right = 12 + 16 + Self.colorBarWidth + 6 + colorLabelWidth + 20
        let plot = Rect(x: left, y: top, width: max(40, size.width - left - right), height: max(40, size.height - top - bottom))
        x.start = plot.minX; x.end = plot.maxX
        y.start = plot.maxY; y.end = plot.minY

        if !title.isEmpty { renderer.text(title, at: Point(plot.minX, 22), style: PlotFrame.titleFont) }
        renderer.fill(.rectangle(plot), color: Self.emptyColor)
        let overStrip = Rect(x: plot.minX, y: plot.minY - strip, width: plot.width, height: Self.stripHeight)
        let underStrip = Rect(x: plot.minX, y: plot.maxY + Self.stripGap, width: plot.width, height: Self.stripHeight)
        for (i, h) in histograms.enumerated() {
            guard let x0 = x.position(edges[i]), let x1 = x.position(edges[i + 1]) else { continue }
            let binEdges = h.edges
            for (b, fraction) in h.binFractions.enumerated() {
                guard let color = color(for: fraction, on: colors),
                      let y0 = y.position(binEdges[b]), let y1 = y.position(binEdges[b + 1]) else { continue }
                let height = max(abs(y0 - y1), 1)
                renderer.fill(.rectangle(Rect(x: x0, y: min(y0, y1) - (height - abs(y0 - y1)) / 2, width: x1 - x0 + 0.5, height: height + 0.5)), color: color)  // +0.5: no anti-aliased seams
            }
            for (count, band) in [(h.overflow, overStrip), (h.underflow, underStrip)] where count > 0 {
                if let color = color(for: h.fraction(count), on: colors) {
                    renderer.fill(.rectangle(Rect(x: x0, y: band.minY, width: x1 - x0 + 0.5, height: band.height)), color: color)
                }
            }
            if h.nonFinite > 0 {
                renderer.fill(.clipMarker(at: Point((x0 + x1) / 2, (hasOver ? overStrip.minY : plot.minY) - 8), pointingUp: false, size: 4),
                              color: Self.nonFiniteColor)
            }
        }
        drawAxes(x: x, y: y, plot: plot, low: low, high: high, strips: (hasOver ? overStrip : nil, hasUnder ? underStrip : nil), renderer: renderer)
        if hasNonFinite {
            let note = TextStyle(size: 10, color: Self.nonFiniteColor, bold: true, anchor: .end)
            renderer.text("▼ steps with NaN/Inf elements", at: Point(plot.maxX, (hasOver ? overStrip.minY : plot.minY) - 14), style: note)
        }
        drawColorBar(colors, next: plot, renderer: renderer)
    }
}
