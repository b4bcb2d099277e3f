import Testing
import Charts

/// Line chart layout and its honesty rules, through the draw log of RecordingRenderer.
@Suite struct LineChartTests {
    let size = Size(900, 430)

    func draw(_ chart: LineChart) -> RecordingRenderer {
        let r = RecordingRenderer()
        chart.draw(in: r, size: size)
        return r
    }

    /// Strokes drawn with a series' line width (grid and frame use width 1).
    func seriesStrokes(_ r: RecordingRenderer) -> [(path: Path, style: StrokeStyle)] {
        r.strokes.filter { $0.style.width == 1.6 }
    }

    func points(_ path: Path) -> [Point] {
        path.elements.compactMap { if case let .move(p) = $0 { return p }; if case let .line(p) = $0 { return p }; return nil }
    }

    func twelveSeries() -> [LineChart.Series] {
        (0..<12).map { i in LineChart.Series(label: "initializer number \(i)", values: (0..<100).map { 2.3 * Double(100 - $0 + i) / 100 }) }
    }

    @Test func legendSitsRightOfEveryDataPointWithTwelveSeries() {
        let r = draw(LineChart(title: "Loss", xLabel: "batch", yLabel: "loss", series: twelveSeries()))
        let dataRight = seriesStrokes(r).flatMap { points($0.path) }.map(\.x).max() ?? 0
        let legend = r.texts.filter { $0.text.hasPrefix("initializer number") }
        #expect(legend.count == 12)
        #expect(legend.allSatisfy { $0.at.x > dataRight })
        #expect(legend.allSatisfy { $0.at.x + Double($0.text.count) * 6.6 <= size.width })
    }

    @Test func moreThanEightSeriesGetDistinctColourAndDashPairs() {
        let r = draw(LineChart(title: "", xLabel: "", yLabel: "", series: twelveSeries()))
        let styles = seriesStrokes(r).map { "\($0.style.color.hexString) \($0.style.dash)" }
        #expect(styles.count == 12 && Set(styles).count == 12)
    }

    @Test func nanBreaksTheLineIntoSeparatePieces() {
        let s = LineChart.Series(label: "gappy", values: [1, 2, .nan, 3, 4])
        let strokes = seriesStrokes(draw(LineChart(title: "", xLabel: "", yLabel: "", series: [s])))
        #expect(strokes.count == 1)
        let moves = strokes[0].path.elements.filter { if case .move = $0 { return true }; return false }
        #expect(moves.count == 2)
        #expect(points(strokes[0].path).count == 4)
    }

    @Test func seriesEndingNonFiniteIsLabelledDiverged() {
        let s = LineChart.Series(label: "ones", values: [2, 50, 900, .nan, .infinity])
        let r = draw(LineChart(title: "", xLabel: "", yLabel: "", series: [s, .init(label: "he", values: [2, 1, 0.5, 0.4, 0.3])]))
        #expect(r.texts.contains { $0.text == "ones — diverged at step 4" })
        #expect(r.texts.contains { $0.text == "he" })
    }

    @Test func logAxisDrawsZerosOnALabelledStrip() {
        let zeros = LineChart.Series(label: "zeros", values: [Double](repeating: 0, count: 50))
        let decaying = LineChart.Series(label: "he", values: (1...50).map { 1 / Double($0) })
        let r = draw(LineChart(title: "", xLabel: "step", yLabel: "gradient norm", series: [zeros, decaying], yScale: .log10))
        let strip = r.texts.first { $0.text == "= 0" }
        #expect(strip != nil)
        #expect(r.texts.contains { $0.text.hasPrefix("zeros") && $0.text.contains("all = 0") })
        // The zero series is drawn (50 points), on the strip: below every point of the other series.
        let strokes = seriesStrokes(r)
        #expect(strokes.count == 2)
        let zeroPoints = points(strokes[0].path), otherPoints = points(strokes[1].path)
        #expect(zeroPoints.count == 50)
        #expect(zeroPoints.allSatisfy { p in otherPoints.allSatisfy { p.y > $0.y } })
    }

    @Test func valuesBeyondAFixedRangeAreClippedWithMarkers() {
        let s = LineChart.Series(label: "huge", values: [0.5, 5, 6, 7, 0.5, 9, 0.2])
        let r = draw(LineChart(title: "", xLabel: "", yLabel: "", series: [s], yRange: 0...1))
        let triangles = r.fills.filter { $0.path.pointCount == 3 }
        #expect(triangles.count == 2)  // one per excursion above the axis
        #expect(points(seriesStrokes(r)[0].path).count == 7)  // nothing dropped
        #expect(r.texts.contains { $0.text == "huge ▲ off scale (up to 9)" })
    }

    @Test func noFiniteDataDrawsAFrameWithoutNaNCoordinates() {
        let r = draw(LineChart(title: "empty", xLabel: "", yLabel: "", series: [.init(label: "no data", values: [.nan, .nan])]))
        #expect(r.log.allSatisfy { !$0.contains("nan") })
        #expect(r.strokes.flatMap { points($0.path) }.allSatisfy { $0.x.isFinite && $0.y.isFinite })
    }
}
