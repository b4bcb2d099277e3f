import Testing
import Charts

@Suite struct HeatmapTests {
    let size = Size(900, 320)

    func draw(_ chart: Heatmap) -> RecordingRenderer {
        let r = RecordingRenderer()
        chart.draw(in: r, size: size)
        return r
    }

    @Test func oneRectanglePerNonEmptyBinAndAColourBar() {
        let histograms = [HistogramData(lower: -1, upper: 1, counts: [0, 4, 6, 0]),
                          HistogramData(lower: -1, upper: 1, counts: [1, 1, 1, 1]),
                          HistogramData(lower: -1, upper: 1, counts: [0, 0, 10, 0])]
        let chart = Heatmap(title: "h", yLabel: "activation", steps: [0, 100, 200], histograms: histograms)
        let r = draw(chart)
        #expect(r.fills.count == 1 + (2 + 4 + 1) + Heatmap.colorBarSlices)  // background, non-empty bins, colour bar
        #expect(r.texts.contains { $0.text == "share of elements per bin" })
        #expect(!r.texts.contains { $0.text.hasPrefix(">") || $0.text.hasPrefix("<") })  // no strips needed
    }

    @Test func fullestBinGetsTheTopColourAndEmptyBinsStayBlank() {
        let chart = Heatmap(title: "", yLabel: "", steps: [1], histograms: [HistogramData(lower: 0, upper: 1, counts: [0, 1, 3])])
        let axis = chart.colorAxis()
        #expect(chart.color(for: 0, on: axis) == nil)
        #expect(chart.color(for: 0.75, on: axis) == chart.colormap.color(at: axis.position(0.75) ?? -1))
        #expect((axis.position(0.75) ?? 0) > (axis.position(0.25) ?? 1))
    }

    @Test func logColourScaleSpansDecadesDownToItsFloor() {
        let chart = Heatmap(title: "", yLabel: "", steps: [1], histograms: [HistogramData(lower: 0, upper: 1, counts: [1, 999])],
                            colorScale: .log10(floor: 1e-4))
        let axis = chart.colorAxis()
        #expect(axis.scale == .log10 && axis.domain.lowerBound == 1e-4)
        #expect(chart.color(for: 1e-7, on: axis) == Colormap.viridis.color(at: 0))  // below the floor: lowest colour, still drawn
        let r = draw(chart)
        #expect(r.texts.contains { $0.text == "0.01%" })
    }

    @Test func outOfRangeStripsAndNonFiniteMarkersAreDrawn() {
        let histograms = [HistogramData(lower: -4, upper: 4, counts: [5, 5], overflow: 3),
                          HistogramData(lower: -4, upper: 4, counts: [5, 5], underflow: 2, nonFinite: 1),
                          HistogramData(lower: -4, upper: 4, counts: [5, 5], nonFinite: 4)]
        let r = draw(Heatmap(title: "", yLabel: "", steps: [0, 1, 2], histograms: histograms))
        #expect(r.texts.contains { $0.text == "> 4" } && r.texts.contains { $0.text == "< -4" })
        #expect(r.fills.filter { $0.color == Heatmap.nonFiniteColor && $0.path.pointCount == 3 }.count == 2)
        #expect(r.texts.contains { $0.text == "▼ steps with NaN/Inf elements" })
    }

    @Test func unevenStepsGetColumnsMeetingHalfwayBetweenThem() {
        let h = HistogramData(lower: 0, upper: 1, counts: [1])
        let chart = Heatmap(title: "", yLabel: "", steps: [0, 10, 30], histograms: [h, h, h])
        let r = draw(chart)
        let widths = r.fills.compactMap { fill -> Double? in
            let xs = fill.path.elements.compactMap { if case let .line(p) = $0 { return p.x }; return nil }
            guard fill.color == chart.color(for: 1, on: chart.colorAxis()) else { return nil }
            return (xs.max() ?? 0) - (xs.min() ?? 0)
        }
        #expect(widths.count == 3)
        // Edges at −5 | 5 | 20 | 40: 10, 15 and 20 step-units wide.
        #expect(abs(widths[1] - 1.5 * widths[0]) < 1.5 && abs(widths[2] - 2 * widths[0]) < 1.5)
    }
}
