import Foundation

/// Lines over named categories (e.g. network variants in config order), one per series, a
/// dot at every value, linear or log10 y.
///
/// A value may be missing in two ways, and the chart tells them apart:
/// - `.never`: the thing measured never happened (a loss that never reached its target). It
///   is drawn as a ▲ on a shaded "never" strip along the top edge, and the legend names the
///   categories; lines do not join it, since it has no value;
/// - `.none`: nothing was measured (no run); the line breaks there.
public struct CategoryLineChart: Chart {
    public enum Value: Sendable, Equatable {
        case value(Double)
        case never
        case none
    }

    public struct Series: Sendable {
        public var label: String
        /// One per category.
        public var values: [Value]
        /// Defaults to the palette colour (and dash) of the series' index.
        public var color: Color?

        public init(label: String, values: [Value], color: Color? = nil) {
            self.label = label; self.values = values; self.color = color
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var categories: [String]
    public var series: [Series]
    public var yScale: AxisScale
    /// The word on the top strip.
    public var neverLabel = "never"
    /// Height of the top strip where `.never` values sit.
    public static let neverStripHeight = 22.0
    static let dotRadius = 3.5
    /// Horizontal distance between markers of different series at one category on the strip.
    static let neverSpacing = 9.0

    public init(title: String, xLabel: String, yLabel: String, categories: [String], series: [Series],
                yScale: AxisScale = .linear) {
        precondition(series.allSatisfy { $0.values.count == categories.count },
                     "CategoryLineChart: every series needs \(categories.count) values")
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
        self.categories = categories; self.series = series; self.yScale = yScale
    }

    func color(_ i: Int) -> Color { series[i].color ?? Palette.color(i) }
    func dash(_ i: Int) -> [Double] { Palette.dash(i, of: series.count) }

    var hasNever: Bool { series.contains { $0.values.contains(.never) } }

    /// Legend entries: the label, and where the series never got there.
    public func legendEntries() -> [Legend.Entry] {
        series.indices.map { i in
            let s = series[i]
            let never = zip(categories, s.values).filter { $0.1 == .never }.map(\.0)
            let label = never.isEmpty ? s.label
                : s.label + " — \(neverLabel)" + (never.count == categories.count ? "" : " at " + never.joined(separator: ", "))
            return Legend.Entry(label: label, color: color(i), dash: dash(i))
        }
    }

    public func draw(in renderer: some Renderer, size: Size) {
        let numbers = series.flatMap { $0.values.compactMap { if case let .value(v) = $0 { return v }; return nil } }
        var x = Axis(categories: categories)
        var y = Axis(scale: yScale, data: numbers.isEmpty ? (yScale == .log10 ? [1, 10] : [0, 1]) : numbers)
        var frame = PlotFrame(title: title, xLabel: xLabel, yLabel: yLabel, legend: Legend(entries: legendEntries()))
        frame.layout(size: size, x: &x, y: &y, renderer: renderer)
        let plot = frame.plot
        // The strip takes the top of the plot area; values use the rest.
        let strip = hasNever ? Rect(x: plot.minX, y: plot.minY, width: plot.width, height: Self.neverStripHeight) : nil
        if let strip { y.end = strip.maxY + 6 }
        frame.drawAxes(x: x, y: y, size: size, renderer: renderer)
        if let strip {
            renderer.fill(.rectangle(strip), color: Color(hex: 0xF3F4F6))
            renderer.stroke(.rectangle(strip), style: StrokeStyle(color: .frame, width: 1, dash: [3, 2]))
            var style = PlotFrame.tickFont
            style.anchor = .end
            renderer.text(neverLabel, at: Point(plot.minX - 6, strip.minY + strip.height / 2 + 4), style: style)
        }
        for i in series.indices {
            let s = series[i]
            var path = Path()
            var penDown = false
            var dots: [Point] = []
            var markers: [Point] = []
            for (k, value) in s.values.enumerated() {
                guard let px = x.position(Double(k)) else { continue }
                switch value {
                case let .value(v):
                    guard let py = y.position(v) else { penDown = false; continue }  // ≤ 0 on a log axis
                    let point = Point(px, py)
                    if penDown { path.line(to: point) } else { path.move(to: point); penDown = true }
                    dots.append(point)
                case .never:
                    penDown = false
                    if let strip {
                        let offset = (Double(i) - Double(series.count - 1) / 2) * Self.neverSpacing
                        markers.append(Point(px + offset, strip.minY + strip.height / 2 + 4))
                    }
                case .none:
                    penDown = false
                }
            }
            if path.elements.contains(where: { if case .line = $0 { true } else { false } }) { renderer.stroke(path, style: StrokeStyle(color: color(i), width: 1.8, dash: dash(i))) }
            for dot in dots { renderer.fill(.dot(at: dot, radius: Self.dotRadius), color: color(i)) }
            for marker in markers { renderer.fill(.clipMarker(at: marker, pointingUp: true, size: 6), color: color(i)) }
        }
    }
}

extension Path {
    /// A filled round marker, as a 12-sided polygon.
    static func dot(at p: Point, radius: Double) -> Path {
        var path = Path()
        for k in 0..<12 {
            let angle = Double(k) * Double.pi / 6
            let point = Point(p.x + radius * cos(angle), p.y + radius * sin(angle))
            if k == 0 { path.move(to: point) } else { path.line(to: point) }
        }
        path.close()
        return path
    }
}
