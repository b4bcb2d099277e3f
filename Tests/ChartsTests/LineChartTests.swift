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

/// Mean curves with a shaded band (e.g. min–max over seeds).
@Suite struct LineChartBandTests {
    let size = Size(900, 430)

    func draw(_ chart: LineChart) -> RecordingRenderer {
        let r = RecordingRenderer()
        chart.draw(in: r, size: size)
        return r
    }

    func bandFills(_ r: RecordingRenderer) -> [(path: Path, color: Color)] {
        r.fills.filter { $0.color.alpha == LineChart.bandOpacity }
    }

    func ys(_ path: Path) -> [Double] {
        path.elements.compactMap { if case let .move(p) = $0 { return p.y }; if case let .line(p) = $0 { return p.y }; return nil }
    }

    @Test func bandIsOnePolygonUnderTheLineWithAKeyInTheLegend() {
        let x = (1...10).map(Double.init)
        let s = LineChart.Series(label: "He normal", x: x, y: x.map { 2 / $0 },
                                 band: .init(lower: x.map { 1.5 / $0 }, upper: x.map { 2.5 / $0 }))
        var chart = LineChart(title: "", xLabel: "batch", yLabel: "loss", series: [s, .init(label: "plain", values: [1, 1])])
        chart.bandLegend = "shade: min–max over 3 seeds"
        let r = draw(chart)
        let fills = bandFills(r)
        #expect(fills.count == 1 && fills[0].path.pointCount == 20)  // 10 points along the top, 10 back
        #expect(fills[0].color == Palette.color(0).withAlpha(LineChart.bandOpacity))
        let firstFill = r.log.firstIndex { $0.hasPrefix("fill") && $0.contains("20 pts") } ?? .max
        let firstLine = r.log.firstIndex { $0.hasPrefix("stroke") && $0.contains("width=1.6") } ?? -1
        #expect(firstFill < firstLine)  // the band never covers a line
        #expect(r.texts.contains { $0.text == "shade: min–max over 3 seeds" })
        // The band's top is above the line everywhere (smaller y on screen).
        let line = r.strokes.first { $0.style.width == 1.6 }.map { ys($0.path) } ?? []
        let polygon = ys(fills[0].path)
        #expect(zip(polygon.prefix(10), line).allSatisfy { $0 < $1 })
        #expect(zip(polygon.suffix(10).reversed(), line).allSatisfy { $0 > $1 })
    }

    @Test func nonFiniteBoundsBreakTheBandAndFixedRangesClampIt() {
        let x = (1...6).map(Double.init)
        let s = LineChart.Series(label: "gappy", x: x, y: [1, 1, 1, 1, 1, 1],
                                 band: .init(lower: [0.5, 0.5, .nan, 0.5, 0.5, 0.5], upper: [1.5, 1.5, 1.5, 9, 9, 1.5]))
        let r = draw(LineChart(title: "", xLabel: "", yLabel: "", series: [s], yRange: 0...2))
        let fills = bandFills(r)
        #expect(fills.map(\.path.pointCount) == [4, 6])  // steps 1–2 and 4–6
        #expect(r.log.allSatisfy { !$0.contains("nan") })
        let top = fills.flatMap { ys($0.path) }.min() ?? 0
        let axisTop = draw(LineChart(title: "", xLabel: "", yLabel: "", series: [.init(label: "a", values: [2, 2])], yRange: 0...2))
            .strokes.first { $0.style.width == 1.6 }.map { ys($0.path)[0] } ?? 0
        #expect(abs(top - axisTop) < 0.01)  // 9 is drawn on the top edge, not beyond it
    }

    @Test func bandBoundsWidenTheAxis() {
        let s = LineChart.Series(label: "a", x: [1, 2], y: [1, 1], band: .init(lower: [0, 0], upper: [50, 50]))
        let r = draw(LineChart(title: "", xLabel: "", yLabel: "", series: [s]))
        #expect(r.texts.contains { $0.text == "50" })
    }
}

@Suite struct BarChartWhiskerTests {
    @Test func rangesAreDrawnAsCappedWhiskersAndTheValueSitsPastThem() {
        let chart = BarChart(title: "", valueLabel: "accuracy", groups: ["epoch 1"],
                             categories: [.init(label: "He normal", values: [0.82], ranges: [0.80...0.84]),
                                          .init(label: "zeros", values: [0.1])],
                             valueRange: 0...1, format: .percent)
        let r = RecordingRenderer()
        chart.draw(in: r, size: Size(900, 200))
        let whiskers = r.strokes.filter { $0.style.color == BarChart.whiskerColor && $0.style.width == 1 && $0.path.pointCount == 6 }
        #expect(whiskers.count == 1)
        let xs: [Double] = whiskers.first.map { w in w.path.elements.compactMap { e -> Double? in if case let .line(p) = e { return p.x }; return nil } } ?? []
        let label = r.texts.first { $0.text == "82.0%" }
        #expect(label != nil && (label?.at.x ?? 0) > (xs.max() ?? .infinity))
    }
}
