/// Several charts in one picture, one above the other, each given an equal share of the
/// height: e.g. one histogram-over-time heat map per layer, so a network's layers read top
/// to bottom in a single image instead of one image each.
public struct ChartStack: Chart {
    public var title: String
    public var panels: [any Chart]

    public init(title: String, panels: [any Chart]) {
        self.title = title
        self.panels = panels
    }

    public func draw(in renderer: some Renderer, size: Size) {
        guard !panels.isEmpty else { return }
        let height = size.height / Double(panels.count)
        for (i, panel) in panels.enumerated() {
            let shifted = ShiftedRenderer(base: renderer, dy: height * Double(i))
            shifted.clip(to: nil)
            panel.draw(in: shifted, size: Size(size.width, height))
        }
        renderer.clip(to: nil)
    }
}

/// Passes every call on to `base`, moved down by `dy`: a panel draws as if it had the whole
/// canvas to itself. Clipping stays inside the panel's band.
final class ShiftedRenderer<Base: Renderer>: Renderer {
    let base: Base
    let dy: Double

    init(base: Base, dy: Double) { self.base = base; self.dy = dy }

    func stroke(_ path: Path, style: StrokeStyle) { base.stroke(shift(path), style: style) }
    func fill(_ path: Path, color: Color) { base.fill(shift(path), color: color) }
    func text(_ text: String, at point: Point, style: TextStyle) { base.text(text, at: shift(point), style: style) }
    func measure(_ text: String, style: TextStyle) -> Size { base.measure(text, style: style) }
    func clip(to rect: Rect?) {
        base.clip(to: rect.map { Rect(x: $0.x, y: $0.y + dy, width: $0.width, height: $0.height) })
    }

    private func shift(_ p: Point) -> Point { Point(p.x, p.y + dy) }

    private func shift(_ path: Path) -> Path {
        var moved = Path()
        for element in path.elements {
            switch element {
            case let .move(p): moved.move(to: shift(p))
            case let .line(p): moved.line(to: shift(p))
            case .close: moved.close()
            }
        }
        return moved
    }
}
