import Testing
import Charts

@Suite struct ChartStackTests {
    /// A one-line chart whose title lands at the top-left of whatever canvas it gets.
    struct Probe: Chart {
        let title: String
        func draw(in renderer: some Renderer, size: Size) {
            renderer.clip(to: Rect(x: 0, y: 0, width: size.width, height: size.height))
            renderer.text(title, at: Point(5, 10), style: TextStyle(size: 10))
            renderer.fill(.rectangle(Rect(x: 0, y: size.height - 1, width: size.width, height: 1)), color: .black)
        }
    }

    @Test func panelsShareTheHeightTopToBottom() {
        let renderer = RecordingRenderer()
        ChartStack(title: "stack", panels: [Probe(title: "a"), Probe(title: "b"), Probe(title: "c")])
            .draw(in: renderer, size: Size(300, 600))
        #expect(renderer.texts.map(\.text) == ["a", "b", "c"])
        #expect(renderer.texts.map(\.at.y) == [10, 210, 410])
        // Each panel's clip and its bottom rule are moved into its own band.
        #expect(renderer.log.filter { $0.hasPrefix("clip (") } == ["clip (0, 0, 300, 200)", "clip (0, 200, 300, 200)", "clip (0, 400, 300, 200)"])
        let bottoms = renderer.fills.compactMap { fill -> Double? in
            if case let .move(p) = fill.path.elements.first { return p.y } else { return nil }
        }
        #expect(bottoms == [199, 399, 599])
        #expect(renderer.log.last == "clip none")
    }

    @Test func anEmptyStackDrawsNothing() {
        let renderer = RecordingRenderer()
        ChartStack(title: "none", panels: []).draw(in: renderer, size: Size(100, 100))
        #expect(renderer.log.isEmpty)
    }
}
