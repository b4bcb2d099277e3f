import Testing
import Charts

/// Categorical lines: names on the x axis, "never" on a labelled top strip, lines that do
/// not pretend a "never" has a value.
@Suite struct CategoryLineChartTests {
    let size = Size(900, 380)

    func chart() -> CategoryLineChart {
        CategoryLineChart(title: "Speed", xLabel: "network variant", yLabel: "batches",
                          categories: ["depth-2", "depth-8", "depth-32"],
                          series: [.init(label: "orthogonal", values: [.value(69), .value(41), .value(23)]),
                                   .init(label: "lecun", values: [.value(71), .value(40), .never])])
    }

    @Test func categoriesLabelTheXAxisInOrder() {
        let r = RecordingRenderer()
        chart().draw(in: r, size: size)
        let labels = r.texts.filter { ["depth-2", "depth-8", "depth-32"].contains($0.text) }
        #expect(labels.map(\.text) == ["depth-2", "depth-8", "depth-32"])
        #expect(labels[0].at.x < labels[1].at.x && labels[1].at.x < labels[2].at.x)
    }

    @Test func neverSitsOnTheTopStripAboveEveryValueAndTheLegendSaysWhere() throws {
        let r = RecordingRenderer()
        chart().draw(in: r, size: size)
        let strip = try #require(r.texts.first { $0.text == "never" })
        let lines = r.strokes.filter { $0.style.width == 1.8 }
        #expect(lines.count == 2)
        #expect(lines[0].path.pointCount == 3 && lines[1].path.pointCount == 2)  // no line into "never"
        let values = lines.flatMap { $0.path.elements }.compactMap { e -> Point? in
            if case let .move(p) = e { return p }; if case let .line(p) = e { return p }; return nil
        }
        #expect(values.allSatisfy { $0.y > strip.at.y })
        // The ▲ marker: a 3-point fill in lecun's colour, at depth-32, on the strip.
        let marker = try #require(r.fills.first { $0.path.pointCount == 3 && $0.color == Palette.color(1) })
        guard case let .move(tip) = marker.path.elements[0] else { Issue.record("marker starts with a move"); return }
        let depth32 = try #require(r.texts.first { $0.text == "depth-32" })
        #expect(abs(tip.x - depth32.at.x) < 10)
        #expect(tip.y < strip.at.y)
        #expect(r.texts.contains { $0.text == "lecun — never at depth-32" })
        #expect(r.texts.contains { $0.text == "orthogonal" })
    }

    @Test func withoutNeverThereIsNoStripAndLogScaleWorks() {
        var c = chart()
        c.series[1].values = [.value(700), .none, .value(3)]
        c.yScale = .log10
        let r = RecordingRenderer()
        c.draw(in: r, size: size)
        #expect(!r.texts.contains { $0.text == "never" })
        #expect(r.strokes.filter { $0.style.width == 1.8 }.count == 1)  // lecun: two lone dots, no line
        #expect(r.fills.filter { $0.color == Palette.color(1) }.count == 2)
    }
}
