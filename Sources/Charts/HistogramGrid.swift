import Foundation

/// Small multiples of histograms, as in Glorot & Bengio (2010), figures 6–8: one row per
/// layer, one column per quantity ("activations", "back-prop gradients", …).
///
/// - Each cell shows one or more overlaid histograms (e.g. "step 0" light behind "end"
///   dark), with one legend for the whole grid.
/// - x is shared per column (the union of the cells' bin ranges); its tick labels sit under
///   the column's bottom cell. y is the fraction of *all* elements per bin (under/overflow
///   and non-finite included in the total), per cell or per column, linear or log10.
/// - Nothing is silently dropped: elements below/above the range are drawn as bars in thin
///   gutters at the cell edges and labelled "◀ 12%" / "8% ▶"; NaN/Inf are written in red
///   ("NaN/Inf: 3%"); a histogram whose elements are all exactly 0 is a full-height bar at 0
///   labelled "all = 0"; an empty one says "no data".
/// - Highlighted cells get a thick coloured border (evidence for a finding).
public struct HistogramGrid: Chart {
    public struct GridPosition: Hashable, Sendable {
        public var row: Int
        public var column: Int
        public init(row: Int, column: Int) { self.row = row; self.column = column }
    }

    /// One histogram kind drawn in every cell, e.g. "step 0" or "end".
    public struct Overlay: Sendable, Equatable {
        public var label: String
        public var color: Color
        public init(label: String, color: Color) { self.label = label; self.color = color }
    }

    /// A cell's histograms, one per overlay in overlay order; nil where one is missing.
    public struct Cell: Sendable {
        public var histograms: [HistogramData?]
        public init(_ histograms: [HistogramData?]) { self.histograms = histograms }
        public init(_ histogram: HistogramData) { self.histograms = [histogram] }
    }

    public enum YSharing: Sendable { case perCell, perColumn }

    public var title: String
    /// Row labels; "\n" splits one into lines ("layer 1\n784→256").
    public var rowLabels: [String]
    public var columnTitles: [String]
    /// cells[row][column].
    public var cells: [[Cell]]
    public var overlays: [Overlay]
    public var yScale: AxisScale
    public var ySharing: YSharing
    public var highlighted: Set<GridPosition>
    public var highlightColor: Color

    public static let defaultOverlays = [Overlay(label: "step 0", color: Color(hex: 0x8C96A0)),
                                         Overlay(label: "end", color: Color(hex: 0x0072B2))]
    static let rowFont = TextStyle(size: 11, color: .ink, bold: true)
    static let columnFont = TextStyle(size: 12, color: .ink, bold: true)
    static let smallFont = TextStyle(size: 10, color: .muted)
    public static let nonFiniteColor = Color(hex: 0xB3261E)
    /// Width of the under/overflow gutter at each side of a cell.
    static let gutter = 7.0
    /// Room at the top of a cell for the under/overflow and NaN annotations.
    static let headroom = 14.0

    public init(title: String, rowLabels: [String], columnTitles: [String], cells: [[Cell]],
                overlays: [Overlay] = HistogramGrid.defaultOverlays, yScale: AxisScale = .linear,
                ySharing: YSharing = .perCell, highlighted: Set<GridPosition> = [],
                highlightColor: Color = Color(hex: 0xE69F00)) {
        precondition(cells.count == rowLabels.count, "HistogramGrid: \(cells.count) rows of cells for \(rowLabels.count) row labels")
        precondition(cells.allSatisfy { $0.count == columnTitles.count }, "HistogramGrid: every row needs \(columnTitles.count) cells")
        precondition(cells.joined().allSatisfy { $0.histograms.count <= overlays.count }, "HistogramGrid: more histograms in a cell than overlays")
        self.title = title; self.rowLabels = rowLabels; self.columnTitles = columnTitles; self.cells = cells
        self.overlays = overlays; self.yScale = yScale; self.ySharing = ySharing
        self.highlighted = highlighted; self.highlightColor = highlightColor
    }

    /// Where each cell's box lies for a chart of `size`; [row][column].
    public func cellRects(size: Size, renderer: some Renderer) -> [[Rect]] {
        let labelWidth = rowLabels.flatMap { $0.split(separator: "\n").map(String.init) }
            .map { renderer.measure($0, style: Self.rowFont).width }.max() ?? 0
        let yLabelWidth = 32.0, columnGap = 14.0, rowGap = 10.0
        let left = 12 + labelWidth + 8
        let top = 12 + (title.isEmpty ? 0 : 26.0) + (overlays.count > 1 || !title.isEmpty ? 20 : 0) + 18
        let bottom = 24.0
        let columns = Double(max(1, columnTitles.count)), rows = Double(max(1, rowLabels.count))
        let width = max(40, (size.width - left - 12 - columns * yLabelWidth - (columns - 1) * columnGap) / columns)
        let height = max(30, (size.height - top - bottom - (rows - 1) * rowGap) / rows)
        return rowLabels.indices.map { r in
            columnTitles.indices.map { c in
                Rect(x: left + yLabelWidth + Double(c) * (width + yLabelWidth + columnGap),
                     y: top + Double(r) * (height + rowGap), width: width, height: height)
            }
        }
    }

    /// The x range of column `c`: the union of its histograms' ranges.
    func columnRange(_ c: Int) -> ClosedRange<Double> {
        let histograms = cells.compactMap { $0[c].histograms.compactMap { $0 } }.joined()
        let low = histograms.map(\.lower).min() ?? 0, high = histograms.map(\.upper).max() ?? 1
        return low < high ? low...high : (low - 1)...(high + 1)
    }

    /// Every fraction a cell must show on its y axis: bins, under/overflow, 1 for all-zero.
    func fractions(in cell: Cell) -> [Double] {
        cell.histograms.compactMap { $0 }.flatMap { h in
            h.binFractions + [h.fraction(h.underflow), h.fraction(h.overflow), h.isAllZero ? 1 : 0]
        }
    }

    func yAxis(row r: Int, column c: Int) -> Axis {
        let data = ySharing == .perCell ? fractions(in: cells[r][c]) : cells.flatMap { fractions(in: $0[c]) }
        switch yScale {
        case .linear:
            let top = data.max() ?? 0
            return Axis(scale: .linear, data: [0, top > 0 ? top : 1], target: 3)
        case .log10:
            let positive = data.filter { $0 > 0 }
            return Axis(scale: .log10, data: positive.isEmpty ? [0.01, 1] : positive + [min(1, (positive.max() ?? 1) * 1.5)])
        }
    }

    public func draw(in renderer: some Renderer, size: Size) {
        let rects = cellRects(size: size, renderer: renderer)
        var y = 12.0
        if !title.isEmpty { renderer.text(title, at: Point(12, y + 14), style: PlotFrame.titleFont); y += 26 }
        if overlays.count > 1 || !title.isEmpty { drawLegend(at: Point(12, y), width: size.width - 24, renderer: renderer) }
        for (c, name) in columnTitles.enumerated() {
            guard let box = rects.first?[c] else { continue }
            var style = Self.columnFont; style.anchor = .middle
            renderer.text(name, at: Point(box.minX + box.width / 2, box.minY - 7), style: style)
        }
        for (r, label) in rowLabels.enumerated() {
            guard let box = rects[r].first else { continue }
            let lines = label.split(separator: "\n").map(String.init)
            let firstBaseline = box.minY + box.height / 2 - Double(lines.count - 1) * 7 + 4
            for (i, line) in lines.enumerated() {
                var style = Self.rowFont
                if i > 0 { style.bold = false; style.color = .muted }
                renderer.text(line, at: Point(12, firstBaseline + Double(i) * 14), style: style)
            }
        }
        for r in rects.indices {
            for c in rects[r].indices {
                let box = rects[r][c]
                var x = Axis(scale: .linear, data: [], fixed: columnRange(c), target: 4)
                x.start = box.minX + Self.gutter; x.end = box.maxX - Self.gutter
                var yAxis = yAxis(row: r, column: c)
                yAxis.start = box.maxY; yAxis.end = box.minY + Self.headroom
                drawCell(cells[r][c], box: box, x: x, y: yAxis, renderer: renderer)
                if r == rects.count - 1 { drawXTicks(x, below: box, renderer: renderer) }
                if highlighted.contains(GridPosition(row: r, column: c)) {
                    let ring = Rect(x: box.minX - 2, y: box.minY - 2, width: box.width + 4, height: box.height + 4)
                    renderer.stroke(.rectangle(ring), style: StrokeStyle(color: highlightColor, width: 3))
                }
            }
        }
    }

    private func drawLegend(at origin: Point, width: Double, renderer: some Renderer) {
        var x = origin.x
        if overlays.count > 1 {
            for overlay in overlays {
                renderer.fill(.rectangle(Rect(x: x, y: origin.y + 3, width: 12, height: 10)), color: overlay.color.withAlpha(0.55))
                renderer.text(overlay.label, at: Point(x + 17, origin.y + 12), style: Legend.font)
                x += 17 + renderer.measure(overlay.label, style: Legend.font).width + 16
            }
        }
        var note = Self.smallFont; note.anchor = .end
        renderer.text("y: share of all elements per bin · ◀ ▶ beyond the x range", at: Point(origin.x + width, origin.y + 12), style: note)
    }

    private func drawXTicks(_ x: Axis, below box: Rect, renderer: some Renderer) {
        var style = Self.smallFont; style.anchor = .middle
        for (value, label) in zip(x.ticks, x.labels) {
            guard let px = x.position(value) else { continue }
            renderer.stroke(.segment(Point(px, box.maxY), Point(px, box.maxY + 3)), style: StrokeStyle(color: .frame))
            renderer.text(label, at: Point(px, box.maxY + 14), style: style)
        }
    }
}
