import Testing
import Charts

@Suite struct BandChartTests {
    let size = Size(900, 360)

    func draw(_ chart: BandChart) -> RecordingRenderer {
        let r = RecordingRenderer()
        chart.draw(in: r, size: size)
        return r
    }

    func bands(_ r: RecordingRenderer, _ color: Color) -> [Path] {
        r.fills.filter { fill in BandChart.bandOpacities.contains { color.withAlpha($0) == fill.color } }.map(\.path)
    }

    func medians(_ r: RecordingRenderer) -> [Path] { r.strokes.filter { $0.style.width == BandChart.medianWidth }.map(\.path) }

    func moves(_ p: Path) -> Int { p.elements.filter { if case .move = $0 { return true }; return false }.count }

    func steady(_ count: Int) -> [BandChart.Percentiles] {
        (0..<count).map { _ in BandChart.Percentiles([-3, -2, -1, 0, 1, 2, 3]) }
    }

    @Test func percentilesOfASampleInterpolateOrderStatistics() {
        let p = BandChart.Percentiles(of: (0...100).map(Double.init).reversed())
        #expect(p.values == [0, 2, 16, 50, 84, 98, 100])
        #expect(!BandChart.Percentiles(of: [1, .nan]).isFinite)
        #expect(!BandChart.Percentiles(of: []).isFinite)
    }

    @Test func threeBandsAndAMedianPerSeries() {
        let series = (0..<2).map { BandChart.Series(label: "layer \($0 + 1)", x: (0..<10).map(Double.init), percentiles: steady(10)) }
        let r = draw(BandChart(title: "", xLabel: "step", yLabel: "activation", series: series))
        for i in 0..<2 {
            #expect(bands(r, Palette.color(i)).count == 3)
            #expect(bands(r, Palette.color(i)).allSatisfy { $0.pointCount == 20 })  // 10 points up, 10 back
        }
        #expect(medians(r).count == 2)
        #expect(r.texts.contains { $0.text == "16–84 %" } && r.texts.contains { $0.text == "line: median" })
    }

    @Test func nanBreaksBandsAndMedianAndEndingNaNIsLabelledDiverged() {
        var percentiles = steady(8)
        percentiles[3] = BandChart.Percentiles(of: [.nan])
        percentiles[7] = BandChart.Percentiles(of: [.infinity])
        let s = BandChart.Series(label: "layer 3", x: (0..<8).map(Double.init), percentiles: percentiles)
        let r = draw(BandChart(title: "", xLabel: "", yLabel: "", series: [s]))
        #expect(bands(r, Palette.color(0)).count == 6)  // two runs: 0…2 and 4…6
        #expect(medians(r).count == 1 && moves(medians(r)[0]) == 2)
        #expect(r.texts.contains { $0.text == "layer 3 — diverged at step 7" })
        #expect(r.log.allSatisfy { !$0.contains("nan") })
    }

    @Test func aLonePointStillShowsItsBands() {
        let s = BandChart.Series(label: "one", x: [5], percentiles: steady(1))
        let r = draw(BandChart(title: "", xLabel: "", yLabel: "", series: [s]))
        #expect(bands(r, Palette.color(0)).count == 3)
        #expect(medians(r).count == 1 && medians(r)[0].pointCount == 2)
    }

    @Test func logAxisPutsNonPositivePercentilesOnTheZeroStrip() {
        let relu = BandChart.Percentiles([0, 0, 0, 0.4, 1, 2, 5])
        let s = BandChart.Series(label: "relu", x: [1, 2, 3], percentiles: [relu, relu, relu])
        let r = draw(BandChart(title: "", xLabel: "", yLabel: "", series: [s], yScale: .log10))
        let strip = r.texts.first { $0.text == "= 0" }
        #expect(strip != nil)
        let lowest = bands(r, Palette.color(0)).flatMap { $0.elements.compactMap { if case let .line(p) = $0 { return p.y }; return nil } }.max() ?? 0
        #expect(lowest > (strip?.at.y ?? .infinity) - 12)  // the 0–100 band reaches the strip
    }
}
