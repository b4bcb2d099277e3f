import Testing
import Charts

@Suite struct BarChartTests {
    @Test func groupedBarsWithPercentLabelsAndAChanceLine() {
        let chart = BarChart(title: "Accuracy", valueLabel: "test accuracy", groups: ["epoch 1", "epoch 2"],
                             categories: [.init(label: "He normal", values: [0.84, 0.86]),
                                          .init(label: "zeros", values: [0.1, 0.1]),
                                          .init(label: "diverged", values: [0.5, .nan])],
                             valueRange: 0...1, format: .percent, reference: (0.1, "chance"))
        let r = RecordingRenderer()
        chart.draw(in: r, size: Size(900, 300))
        let bars = r.fills.filter { $0.path.pointCount == 4 && $0.color != Color(hex: 0xF3F4F6) }
        #expect(bars.count == 2 /* legend */ + 5 /* finite values */)
        #expect(r.texts.contains { $0.text == "86.0%" })
        #expect(r.texts.contains { $0.text == "NaN" })
        #expect(r.texts.contains { $0.text == "chance" })
        #expect(r.texts.contains { $0.text == "100%" })
        // Category labels end left of the bars.
        let label = r.texts.first { $0.text == "He normal" }
        #expect(label != nil)
    }
}
