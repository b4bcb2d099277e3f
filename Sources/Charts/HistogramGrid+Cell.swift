/// Painting one cell of a `HistogramGrid`: grid, bars, outline, edge gutters, annotations.
extension HistogramGrid {
    /// Fill of a histogram's in-range bins.
    public static func barColor(_ overlay: Overlay) -> Color { overlay.color.withAlpha(0.5) }
    /// Fill of the under/overflow bars in the gutters: stronger, they are the warning.
    public static func edgeColor(_ overlay: Overlay) -> Color { overlay.color.withAlpha(0.9) }
    /// Fill of the full-height bar of an all-zero histogram.
    public static func allZeroColor(_ overlay: Overlay) -> Color { overlay.color.withAlpha(0.85) }
    /// The overlay's colour darkened enough for small text on white.
    public static func textColor(_ overlay: Overlay) -> Color {
        Color(red: overlay.color.red * 0.75, green: overlay.color.green * 0.75, blue: overlay.color.blue * 0.75)
    }

    func drawCell(_ cell: Cell, box: Rect, x: Axis, y: Axis, renderer: some Renderer) {
        drawCellGrid(box: box, x: x, y: y, renderer: renderer)
        let present = cell.histograms.enumerated().compactMap { i, h in h.flatMap { $0.total > 0 ? (i, $0) : nil } }
        guard !present.isEmpty else {
            var style = Self.smallFont; style.anchor = .middle
            renderer.text("no data", at: Point(box.minX + box.width / 2, box.minY + box.height / 2 + 4), style: style)
            return
        }
        renderer.clip(to: box)
        for (i, histogram) in present {
            if histogram.isAllZero {
                drawAllZeroBar(overlays[i], x: x, y: y, renderer: renderer)
            } else {
                drawBins(histogram, overlay: overlays[i], x: x, y: y, renderer: renderer)
            }
            drawEdgeBars(histogram, overlay: i, box: box, x: x, y: y, renderer: renderer)
        }
        renderer.clip(to: nil)
        drawAnnotations(present, box: box, x: x, y: y, renderer: renderer)
    }

    private func drawCellGrid(box: Rect, x: Axis, y: Axis, renderer: some Renderer) {
        renderer.fill(.rectangle(box), color: Color(hex: 0xFBFCFD))
        for value in x.ticks {
            guard let px = x.position(value) else { continue }
            renderer.stroke(.segment(Point(px, box.minY), Point(px, box.maxY)), style: StrokeStyle(color: .grid))
        }
        var label = Self.smallFont; label.anchor = .end
        for value in y.ticks {
            guard let py = y.position(value) else { continue }
            if value != y.ticks.first {
                renderer.stroke(.segment(Point(box.minX, py), Point(box.maxX, py)), style: StrokeStyle(color: .grid, dash: [2, 2]))
            }
            if value == y.ticks.first || value == y.ticks.last {
                renderer.text(y.scale == .linear && value == 0 ? "0" : HistogramData.percentTick(value), at: Point(box.minX - 4, py + 4), style: label)
            }
        }
        renderer.stroke(.rectangle(box), style: StrokeStyle(color: Color(hex: 0xC5CCD3)))
    }

    /// One rectangle per non-empty bin, then the outline of the bin tops.
    private func drawBins(_ h: HistogramData, overlay: Overlay, x: Axis, y: Axis, renderer: some Renderer) {
        let edges = h.edges, bottom = y.start
        var outline = Path()
        for (i, fraction) in h.binFractions.enumerated() {
            guard var x0 = x.position(edges[i]), var x1 = x.position(edges[i + 1]) else { continue }
            if x1 - x0 < 1.5 { let mid = (x0 + x1) / 2; x0 = mid - 0.75; x1 = mid + 0.75 }
            let top = fraction > 0 ? (y.position(fraction) ?? bottom) : bottom
            if fraction > 0 {
                renderer.fill(.rectangle(Rect(x: x0, y: top, width: x1 - x0, height: bottom - top)), color: Self.barColor(overlay))
            }
            if outline.isEmpty { outline.move(to: Point(x0, bottom)) }
            outline.line(to: Point(x0, top)); outline.line(to: Point(x1, top))
            if i == h.counts.count - 1 { outline.line(to: Point(x1, bottom)) }
        }
        if !outline.isEmpty { renderer.stroke(outline, style: StrokeStyle(color: overlay.color, width: 1.2)) }
    }

    /// Every element is exactly 0: a full-height bar at x = 0 (kept inside the plot).
    private func drawAllZeroBar(_ overlay: Overlay, x: Axis, y: Axis, renderer: some Renderer) {
        let center = min(max(x.position(0) ?? x.start, x.start + 2), x.end - 2)
        let top = y.position(1) ?? y.end
        renderer.fill(.rectangle(Rect(x: center - 2, y: top, width: 4, height: y.start - top)), color: Self.allZeroColor(overlay))
    }

    /// Under/overflow bars side by side in the gutters, one slot per overlay.
    private func drawEdgeBars(_ h: HistogramData, overlay index: Int, box: Rect, x: Axis, y: Axis, renderer: some Renderer) {
        let slot = (Self.gutter - 1) / Double(max(1, overlays.count))
        for (count, gutterX) in [(h.underflow, box.minX), (h.overflow, x.end)] where count > 0 {
            let top = y.position(h.fraction(count)) ?? y.end
            renderer.fill(.rectangle(Rect(x: gutterX + 0.5 + Double(index) * slot, y: top, width: slot, height: y.start - top)),
                          color: Self.edgeColor(overlays[index]))
            let edge = gutterX == box.minX ? x.start : x.end
            renderer.stroke(.segment(Point(edge, box.minY), Point(edge, box.maxY)), style: StrokeStyle(color: .frame, dash: [2, 2]))
        }
    }

    /// "◀ 12%" top left, "8% ▶" top right, "NaN/Inf: 3%" top centre (red), "all = 0" beside
    /// its bar; a line per overlay that has something to say.
    private func drawAnnotations(_ present: [(Int, HistogramData)], box: Rect, x: Axis, y: Axis, renderer: some Renderer) {
        var lines = (left: 0, right: 0, middle: 0)
        let allZero = present.allSatisfy { $0.1.isAllZero }
        func put(_ text: String, _ anchor: TextStyle.Anchor, _ line: Int, _ color: Color, bold: Bool = false) {
            let px = anchor == .start ? x.start + 2 : anchor == .end ? x.end - 2 : box.minX + box.width / 2
            let baseline = box.minY + 11 + Double(line) * 12
            let style = TextStyle(size: 10, color: color, bold: bold, anchor: anchor)
            if line > 0 {  // inside the plot: a light backdrop keeps it readable over bars
                let width = renderer.measure(text, style: style).width
                let left = anchor == .start ? px : anchor == .end ? px - width : px - width / 2
                renderer.fill(.rectangle(Rect(x: left - 1, y: baseline - 10, width: width + 2, height: 12)), color: Color.white.withAlpha(0.8))
            }
            renderer.text(text, at: Point(px, baseline), style: style)
        }
        for (i, h) in present {
            let overlay = overlays[i], color = Self.textColor(overlay)
            if h.underflow > 0 { put("◀ " + HistogramData.percentText(h.fraction(h.underflow)), .start, lines.left, color); lines.left += 1 }
            if h.overflow > 0 { put(HistogramData.percentText(h.fraction(h.overflow)) + " ▶", .end, lines.right, color); lines.right += 1 }
            if h.nonFinite > 0 {
                let suffix = present.count > 1 ? " (\(overlay.label))" : ""
                put("NaN/Inf: " + HistogramData.percentText(h.fraction(h.nonFinite)) + suffix, .middle, lines.middle, Self.nonFiniteColor, bold: true)
                lines.middle += 1
            }
        }
        for (i, h) in present where h.isAllZero {
            let overlay = overlays[i]
            let text = allZero || present.count == 1 ? "all = 0" : "\(overlay.label): all = 0"
            let bar = min(max(x.position(0) ?? x.start, x.start + 2), x.end - 2)
            let leftHalf = bar < x.start + (x.end - x.start) * 0.6
            let style = TextStyle(size: 11, color: Self.textColor(overlay), bold: true, anchor: leftHalf ? .start : .end)
            let row = Double(present.firstIndex { $0.0 == i } ?? 0)
            renderer.text(text, at: Point(bar + (leftHalf ? 7 : -7), y.end + (y.start - y.end) / 2 + 4 + row * 13), style: style)
            if allZero { break }
        }
    }
}
