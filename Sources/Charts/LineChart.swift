/// Many labelled series over a shared x axis, linear or log10 y.
///
/// Honest about awkward values:
/// - NaN/±Inf points are not joined: the line breaks, and a series that ends non-finite is
///   labelled "diverged at <unit> N" in the legend;
/// - with a fixed `yRange`, values beyond it are drawn on the edge with a ▲/▼ marker where
///   each excursion starts, and the legend says "off scale";
/// - on a log y axis, values ≤ 0 are drawn on a labelled "= 0" strip under the plot (an
///   all-zero series is visible, not silently empty).
///
/// A series may carry a shaded `band` (e.g. min–max over seeds around the mean curve): it is
/// filled in the series' colour under every line, follows the same clipping and "= 0" strip
/// rules, and breaks where a bound is NaN/±Inf.
public struct LineChart: Chart {
    /// Lower and upper bounds around a series, one pair per x.
    public struct Band: Sendable, Equatable {
        public var lower: [Double]
        public var upper: [Double]
        public init(lower: [Double], upper: [Double]) {
            precondition(lower.count == upper.count, "Band: \(lower.count) lower bounds for \(upper.count) upper bounds")
            self.lower = lower; self.upper = upper
        }
    }

    public struct Series: Sendable {
        public var label: String
        public var x: [Double]
        public var y: [Double]
        /// Defaults to the palette colour (and dash) of the series' index.
        public var color: Color?
        public var dash: [Double]?
        public var lineWidth: Double
        /// A shaded range around the line, one bound pair per x (nil: a plain line).
        public var band: Band?

        public init(label: String, x: [Double], y: [Double], color: Color? = nil, dash: [Double]? = nil, lineWidth: Double = 1.6,
                    band: Band? = nil) {
            precondition(x.count == y.count, "Series '\(label)': \(x.count) x values for \(y.count) y values")
            precondition(band.map { $0.lower.count == x.count } ?? true, "Series '\(label)': band needs \(x.count) bounds")
            self.label = label; self.x = x; self.y = y; self.color = color; self.dash = dash; self.lineWidth = lineWidth
            self.band = band
        }

        /// y values at x = 1, 2, 3, …
        public init(label: String, values: [Double], color: Color? = nil) {
            self.init(label: label, x: values.indices.map { Double($0 + 1) }, y: values, color: color)
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    public var yScale: AxisScale
    /// Fixed y range; values beyond it are clipped with markers.
    public var yRange: ClosedRange<Double>?
    public var xRange: ClosedRange<Double>?
    /// The word for x in annotations, e.g. "step".
    public var xUnit: String
    /// False for sparklines in a table whose header explains the series.
    public var showsLegend = true
    /// About how many x ticks to aim for (fewer for small charts).
    public var xTickTarget = 6
    /// What the shaded bands are, as a last legend entry (e.g. "shade: min–max over 3 seeds").
    public var bandLegend: String?
    /// Fill opacity of a series' band.
    public static let bandOpacity = 0.16

    public init(title: String, xLabel: String, yLabel: String, series: [Series], yScale: AxisScale = .linear,
                yRange: ClosedRange<Double>? = nil, xRange: ClosedRange<Double>? = nil, xUnit: String = "step") {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.series = series
        self.yScale = yScale; self.yRange = yRange; self.xRange = xRange; self.xUnit = xUnit
    }

    /// The x where a series went non-finite for good, if it ends non-finite.
    public static func divergence(of s: Series) -> Double? {
        guard let last = s.y.last, !last.isFinite else { return nil }
        var i = s.y.count - 1
        while i > 0 && !s.y[i - 1].isFinite { i -= 1 }
        return s.x[i]
    }

    func color(_ i: Int) -> Color { series[i].color ?? Palette.color(i) }
    func dash(_ i: Int) -> [Double] { series[i].dash ?? Palette.dash(i, of: series.count) }

    /// Legend entries with the annotations a reader needs.
    public func legendEntries() -> [Legend.Entry] {
        series.indices.map { i in
            let s = series[i]
            var label = s.label
            if let at = Self.divergence(of: s) { label += " — diverged at \(xUnit) \(TickFormat.short(at))" }
            if let range = yRange {
                let above = s.y.contains { $0.isFinite && $0 > range.upperBound }
                let below = s.y.contains { $0.isFinite && $0 < range.lowerBound }
                if above {
                    let peak = s.y.filter(\.isFinite).max() ?? range.upperBound
                    label += " ▲ off scale (up to \(TickFormat.short(peak)))"
                } else if below {
                    let low = s.y.filter(\.isFinite).min() ?? range.lowerBound
                    label += " ▼ off scale (down to \(TickFormat.short(low)))"
                }
            }
            if yScale == .log10, s.y.contains(where: { $0.isFinite && $0 <= 0 }) {
                label += s.y.allSatisfy({ !$0.isFinite || $0 <= 0 }) ? " (all = 0)" : ""
            }
            return Legend.Entry(label: label, color: color(i), dash: dash(i))
        } + (bandLegend.map { [Legend.Entry(label: $0, color: Color.muted.withAlpha(0.35))] } ?? [])
    }

    public func draw(in renderer: some Renderer, size: Size) {
        let allY = series.flatMap { $0.y + ($0.band.map { $0.lower + $0.upper } ?? []) }, allX = series.flatMap(\.x)
        let counts = allX.allSatisfy { !$0.isFinite || $0 == $0.rounded() }
        var x = Axis(scale: .linear, data: allX, fixed: xRange, target: xTickTarget, minimumStep: counts ? 1 : 0)
        var y = Axis(scale: yScale, data: allY, fixed: yRange)
        let needsZeroStrip = yScale == .log10 && allY.contains { $0.isFinite && $0 <= 0 }
        var frame = PlotFrame(title: title, xLabel: xLabel, yLabel: yLabel,
                              legend: Legend(entries: showsLegend ? legendEntries() : []), hasZeroStrip: needsZeroStrip)
        frame.layout(size: size, x: &x, y: &y, renderer: renderer)
        frame.drawAxes(x: x, y: y, size: size, renderer: renderer)

        let plot = frame.plot
        let clipRect = frame.zeroStrip.map { Rect(x: plot.minX, y: plot.minY, width: plot.width, height: $0.maxY - plot.minY) } ?? plot
        renderer.clip(to: Rect(x: clipRect.minX - 6, y: clipRect.minY - 6, width: clipRect.width + 12, height: clipRect.height + 12))
        for i in series.indices where series[i].band != nil {  // every band under every line
            drawBand(i, x: x, y: y, plot: plot, zeroStrip: frame.zeroStrip, renderer: renderer)
        }
        for i in series.indices {
            drawSeries(i, x: x, y: y, plot: plot, zeroStrip: frame.zeroStrip, renderer: renderer)
        }
        renderer.clip(to: nil)
    }

    /// The band as one polygon per stretch of finite bounds: upper bound left to right, lower
    /// bound back. Bounds beyond a fixed range sit on the edge; ≤ 0 on a log axis on the strip.
    private func drawBand(_ i: Int, x: Axis, y: Axis, plot: Rect, zeroStrip: Rect?, renderer: some Renderer) {
        guard let band = series[i].band else { return }
        let s = series[i]
        func py(_ v: Double) -> Double? {
            guard v.isFinite else { return nil }
            if let placed = y.position(v) { return min(max(placed, plot.minY), plot.maxY) }
            return zeroStrip.map { $0.minY + $0.height / 2 }
        }
        var stretch: [(x: Double, low: Double, high: Double)] = []
        func flush() {
            defer { stretch = [] }
            guard !stretch.isEmpty else { return }
            // A lone point gets a little width so its band shows.
            let points = stretch.count == 1 ? [(stretch[0].x - 3, stretch[0].low, stretch[0].high), (stretch[0].x + 3, stretch[0].low, stretch[0].high)]
                : stretch.map { ($0.x, $0.low, $0.high) }
            var polygon = Path()
            polygon.move(to: Point(points[0].0, points[0].2))
            for p in points.dropFirst() { polygon.line(to: Point(p.0, p.2)) }
            for p in points.reversed() { polygon.line(to: Point(p.0, p.1)) }
            polygon.close()
            renderer.fill(polygon, color: color(i).withAlpha(Self.bandOpacity))
        }
        for k in s.x.indices {
            guard let px = x.position(s.x[k]), let low = py(band.lower[k]), let high = py(band.upper[k]) else { flush(); continue }
            stretch.append((px, low, high))
        }
        flush()
    }

    private func drawSeries(_ i: Int, x: Axis, y: Axis, plot: Rect, zeroStrip: Rect?, renderer: some Renderer) {
        let s = series[i]
        let style = StrokeStyle(color: color(i), width: s.lineWidth, dash: dash(i))
        var path = Path()
        var penDown = false
        var markers: [Path] = []
        var wasClipped = false
        for k in s.x.indices {
            guard let px = x.position(s.x[k]), s.y[k].isFinite else {
                penDown = false  // NaN/Inf: a visible gap
                continue
            }
            let value = s.y[k]
            var py: Double
            var clipped = false
            if let placed = y.position(value) {
                py = placed
                if py < plot.minY - 0.01 { py = plot.minY; clipped = true }
                if py > plot.maxY + 0.01 { py = plot.maxY; clipped = true }
                if clipped && !wasClipped {
                    markers.append(.clipMarker(at: Point(px, py), pointingUp: py == plot.minY))
                }
            } else if let strip = zeroStrip {
                py = strip.minY + strip.height / 2  // ≤ 0 on a log axis
            } else {
                penDown = false
                continue
            }
            wasClipped = clipped
            let point = Point(px, py)
            if penDown { path.line(to: point) } else { path.move(to: point); penDown = true }
        }
        if !path.isEmpty { renderer.stroke(path, style: style) }
        for marker in markers { renderer.fill(marker, color: color(i)) }
    }
}
