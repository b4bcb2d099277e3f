import Testing
import Charts

/// The histogram grid's honesty rules, through the draw log of RecordingRenderer.
@Suite struct HistogramGridTests {
    let size = Size(900, 400)
    let start = HistogramGrid.defaultOverlays[0], end = HistogramGrid.defaultOverlays[1]

    func grid(_ cell: HistogramGrid.Cell, highlighted: Set<HistogramGrid.GridPosition> = []) -> HistogramGrid {
        HistogramGrid(title: "t", rowLabels: ["layer 1\n784→256"], columnTitles: ["activations"], cells: [[cell]], highlighted: highlighted)
    }

    func draw(_ chart: HistogramGrid) -> RecordingRenderer {
        let r = RecordingRenderer()
        chart.draw(in: r, size: size)
        return r
    }

    func texts(_ r: RecordingRenderer) -> [String] { r.texts.map(\.text) }

    @Test func binningKeepsEveryElement() {
        let h = HistogramData(binning: [-5, -1, 0, 0, 0.5, 1, 1.5, .nan, .infinity], lower: -1, upper: 1, bins: 4)
        #expect(h.counts == [1, 0, 2, 1])
        #expect(h.underflow == 1 && h.overflow == 2 && h.nonFinite == 2 && h.exactZeros == 2)
        #expect(h.total == 9)
        #expect(h.edges == [-1, -0.5, 0, 0.5, 1])
    }

    @Test func percentTextIsShortAndNeverRoundsToAFalseExtreme() {
        #expect(HistogramData.percentText(0.12) == "12%")
        #expect(HistogramData.percentText(0.004) == "0.4%")
        #expect(HistogramData.percentText(0.0002) == "<0.1%")
        #expect(HistogramData.percentText(0.998) == "99.8%")
        #expect(HistogramData.percentText(1) == "100%")
        #expect(HistogramData.percentText(0) == "0%")
    }

    @Test func oneBarPerNonEmptyBinPerOverlay() {
        let a = HistogramData(lower: -1, upper: 1, counts: [0, 3, 5, 0, 2, 0])
        let b = HistogramData(lower: -1, upper: 1, counts: [1, 1, 1, 1, 0, 0])
        let r = draw(grid(.init([a, b])))
        #expect(r.fills.filter { $0.color == HistogramGrid.barColor(start) }.count == 3)
        #expect(r.fills.filter { $0.color == HistogramGrid.barColor(end) }.count == 4)
        #expect(r.strokes.filter { $0.style.color == start.color }.count == 1)  // outline of the tops
    }

    @Test func outOfRangeAndNonFiniteElementsAreLabelledWithTheirShare() {
        let h = HistogramData(lower: -1, upper: 1, counts: [20, 40, 17], underflow: 12, overflow: 8, nonFinite: 3)
        let r = draw(grid(.init(h)))
        #expect(texts(r).contains("◀ 12%"))
        #expect(texts(r).contains("8% ▶"))
        #expect(texts(r).contains("NaN/Inf: 3%"))
        #expect(r.fills.filter { $0.color == HistogramGrid.edgeColor(start) }.count == 2)
    }

    @Test func allZeroCellDrawsAFullHeightBarAndSaysSo() throws {
        let zeros = HistogramData(binning: [Double](repeating: 0, count: 100), lower: -1, upper: 1, bins: 10)
        #expect(zeros.isAllZero)
        let r = draw(grid(.init(zeros)))
        #expect(texts(r).contains("all = 0"))
        #expect(texts(r).contains("100%"))  // the y axis reaches the bar's top
        let bars = r.fills.filter { $0.color == HistogramGrid.allZeroColor(start) }
        #expect(bars.count == 1)
        let points = try #require(bars.first?.path.elements.compactMap { if case let .line(p) = $0 { return p }; return nil })
        let height = (points.map(\.y).max() ?? 0) - (points.map(\.y).min() ?? 0)
        #expect(height > 40)  // visible, not a sliver
    }

    @Test func allZeroOverlayIsNamedWhenTheOtherIsNot() {
        let zeros = HistogramData(lower: -1, upper: 1, counts: [0, 50, 0], exactZeros: 50)
        let spread = HistogramData(lower: -1, upper: 1, counts: [10, 30, 10])
        #expect(texts(draw(grid(.init([zeros, spread])))).contains("step 0: all = 0"))
    }

    @Test func highlightedCellGetsAThickBorderInTheHighlightColour() {
        let h = HistogramData(lower: 0, upper: 1, counts: [1, 2])
        let plain = draw(grid(.init(h)))
        let marked = draw(grid(.init(h), highlighted: [.init(row: 0, column: 0)]))
        let orange = Color(hex: 0xE69F00)
        #expect(!plain.strokes.contains { $0.style.color == orange })
        #expect(marked.strokes.filter { $0.style.color == orange && $0.style.width >= 2 }.count == 1)
    }

    @Test func labelsTicksAndLegendAreLaidOutOnce() {
        let h = HistogramData(lower: -4, upper: 4, counts: [1, 5, 9, 5, 1])
        let cells = (0..<3).map { _ in (0..<3).map { _ in HistogramGrid.Cell([h, h]) } }
        let chart = HistogramGrid(title: "He", rowLabels: ["layer 1\n784→256", "layer 2\n256→128", "layer 3\n128→10"],
                                  columnTitles: ["activations", "back-prop gradients", "weight gradients"], cells: cells)
        let r = RecordingRenderer()
        chart.draw(in: r, size: size)
        for label in ["layer 1", "784→256", "layer 3", "activations", "weight gradients", "step 0", "end"] {
            #expect(texts(r).filter { $0 == label }.count == 1, "\(label)")
        }
        #expect(texts(r).filter { $0 == "-4" }.count == 3)  // x ticks under each column's bottom cell only
        let boxes = chart.cellRects(size: size, renderer: r).joined()
        #expect(boxes.allSatisfy { $0.width > 200 && $0.height > 80 && $0.maxX <= size.width && $0.maxY <= size.height })
        #expect(r.texts.allSatisfy { $0.at.x >= 0 && $0.at.x <= size.width })
    }

    @Test func missingOrEmptyCellSaysNoData() {
        let r = draw(grid(.init([nil, HistogramData(lower: 0, upper: 1, counts: [0, 0])])))
        #expect(texts(r).contains("no data"))
    }
}
