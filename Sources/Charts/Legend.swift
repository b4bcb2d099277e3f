/// A legend laid out outside the plot area (to its right), in as many columns as its
/// entries need to fit the available height — it never covers data.
public struct Legend: Sendable {
    public struct Entry: Sendable, Equatable {
        public var label: String
        public var color: Color
        public var dash: [Double]
        public init(label: String, color: Color, dash: [Double] = []) {
            self.label = label; self.color = color; self.dash = dash
        }
    }

    public static let font = TextStyle(size: 11, color: .ink)
    static let rowHeight = 16.0, swatchWidth = 22.0, gap = 6.0, columnGap = 14.0

    public let entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Width the legend needs when its columns may be `height` tall.
    public func width(availableHeight height: Double, renderer: some Renderer) -> Double {
        guard !entries.isEmpty else { return 0 }
        let columns = columnEntries(height: height)
        return columns.reduce(0) { total, column in
            let text = column.map { renderer.measure($0.label, style: Self.font).width }.max() ?? 0
            return total + Self.swatchWidth + Self.gap + text + Self.columnGap
        } - Self.columnGap
    }

    /// Paints the legend with its top-left corner at `origin`; returns the rectangle used.
    @discardableResult
    public func draw(at origin: Point, availableHeight height: Double, renderer: some Renderer) -> Rect {
        var x = origin.x
        var bottom = origin.y
        for column in columnEntries(height: height) {
            var y = origin.y
            var widest = 0.0
            for entry in column {
                let mid = y + Self.rowHeight / 2
                renderer.stroke(.segment(Point(x, mid), Point(x + Self.swatchWidth, mid)),
                                style: StrokeStyle(color: entry.color, width: 2.5, dash: entry.dash))
                renderer.text(entry.label, at: Point(x + Self.swatchWidth + Self.gap, mid + 4), style: Self.font)
                widest = max(widest, renderer.measure(entry.label, style: Self.font).width)
                y += Self.rowHeight
            }
            bottom = max(bottom, y)
            x += Self.swatchWidth + Self.gap + widest + Self.columnGap
        }
        return Rect(x: origin.x, y: origin.y, width: x - Self.columnGap - origin.x, height: bottom - origin.y)
    }

    func columnEntries(height: Double) -> [[Entry]] {
        let perColumn = max(1, Int(height / Self.rowHeight))
        return stride(from: 0, to: entries.count, by: perColumn).map {
            Array(entries[$0..<min($0 + perColumn, entries.count)])
        }
    }
}
