import Foundation

/// Percentile bands over time, one colour per series (e.g. per layer): for each x the
/// 0–100 % range lightest, 2–98 % darker, 16–84 % darkest (±1σ for a normal), and the
/// median as a line — a tensor's whole distribution per step at a glance.
///
/// Honest about awkward values, like `LineChart`:
/// - an x where any percentile is NaN/±Inf is a gap: bands and median break there, and a
///   series that ends non-finite is labelled "diverged at <unit> N" in the legend;
/// - on a log10 y axis, percentiles ≤ 0 (e.g. the lower half of ReLU activations) are drawn
///   on the labelled "= 0" strip under the plot, so a band reaching zero visibly does.
public struct BandChart: Chart {
    /// A distribution summarised at `levels` percent.
    public struct Percentiles: Sendable, Equatable {
        public static let levels: [Double] = [0, 2, 16, 50, 84, 98, 100]
        /// One value per level, ascending.
        public var values: [Double]

        public init(_ values: [Double]) {
            precondition(values.count == Self.levels.count, "Percentiles: need \(Self.levels.count) values (0, 2, 16, 50, 84, 98, 100 %)")
            self.values = values
        }

        /// From a sample, by linear interpolation between order statistics; a sample with any
        /// non-finite element (or none at all) gives NaN everywhere: a gap, not a guess.
        public init(of sample: [Double]) {
            guard !sample.isEmpty, sample.allSatisfy(\.isFinite) else {
                self.init([Double](repeating: .nan, count: Self.levels.count)); return
            }
            let sorted = sample.sorted()
            self.init(Self.levels.map { level in
                let rank = level / 100 * Double(sorted.count - 1)
                let below = Int(rank.rounded(.down)), above = min(below + 1, sorted.count - 1)
                return sorted[below] + (sorted[above] - sorted[below]) * (rank - Double(below))
            })
        }

        public var isFinite: Bool { values.allSatisfy(\.isFinite) }
        public var median: Double { values[3] }
    }

    public struct Series: Sendable {
        public var label: String
        public var x: [Double]
        public var percentiles: [Percentiles]
        /// Defaults to the palette colour of the series' index.
        public var color: Color?

        public init(label: String, x: [Double], percentiles: [Percentiles], color: Color? = nil) {
            precondition(x.count == percentiles.count, "Series '\(label)': \(x.count) x values for \(percentiles.count) percentiles")
            self.label = label; self.x = x; self.percentiles = percentiles; self.color = color
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    public var yScale: AxisScale
    /// The word for x in annotations, e.g. "step".
    public var xUnit: String

    /// Fill opacity of the 0–100, 2–98 and 16–84 % bands (they stack where nested).
    public static let bandOpacities = [0.12, 0.16, 0.24]
    public static let medianWidth = 1.8

    public init(title: String, xLabel: String, yLabel: String, series: [Series], yScale: AxisScale = .linear, xUnit: String = "step") {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.series = series
        self.yScale = yScale; self.xUnit = xUnit
    }

    func color(_ i: Int) -> Color { series[i].color ?? Palette.color(i) }

    /// Index ranges of consecutive points with finite x and finite percentiles.
    static func finiteRuns(_ s: Series) -> [Range<Int>] {
        var runs: [Range<Int>] = [], start: Int?
        for k in s.x.indices {
            let ok = s.x[k].isFinite && s.percentiles[k].isFinite
            if ok, start == nil { start = k }
            if !ok, let first = start { runs.append(first..<k); start = nil }
        }
        if let first = start { runs.append(first..<s.x.count) }
        return runs
    }

    public func legendEntries() -> [Legend.Entry] {
        let named = series.indices.map { i in
            let s = series[i]
            var label = s.label
            if let last = s.percentiles.last, !last.isFinite {
                var k = s.x.count - 1
                while k > 0 && !s.percentiles[k - 1].isFinite { k -= 1 }
                label += " — diverged at \(xUnit) \(TickFormat.short(s.x[k]))"
            }
            return Legend.Entry(label: label, color: color(i))
        }
        let key = Color(hex: 0x5B6673)
        return named + [Legend.Entry(label: "line: median", color: key),
                        Legend.Entry(label: "16–84 %", color: key.withAlpha(0.55)),
                        Legend.Entry(label: "2–98 %", color: key.withAlpha(0.3)),
                        Legend.Entry(label: "min–max", color: key.withAlpha(0.14))]
    }

    public func draw(in renderer: some Renderer, size: Size) {
        let values = series.flatMap { $0.percentiles.filter(\.isFinite).flatMap(\.values) }
        let xs = series.flatMap(\.x)
        let integral = xs.allSatisfy { !$0.isFinite || $0 == $0.rounded() }
        var x = Axis(scale: .linear, data: xs, target: 6, minimumStep: integral ? 1 : 0)
        var y = Axis(scale: yScale, data: values)
        let needsZeroStrip = yScale == .log10 && values.contains { $0 <= 0 }
        var frame = PlotFrame(title: title, xLabel: xLabel, yLabel: yLabel, legend: Legend(entries: legendEntries()),
                              hasZeroStrip: needsZeroStrip)
        frame.layout(size: size, x: &x, y: &y, renderer: renderer)
        frame.drawAxes(x: x, y: y, size: size, renderer: renderer)
        let plot = frame.plot, strip = frame.zeroStrip
        let bottom = strip?.maxY ?? plot.maxY
        renderer.clip(to: Rect(x: plot.minX, y: plot.minY, width: plot.width, height: bottom - plot.minY))
        func py(_ v: Double) -> Double { y.position(v) ?? strip.map { $0.minY + $0.height / 2 } ?? plot.maxY }
        var medians: [(Path, Color)] = []  // stroked after every band, so no band hides a median
        for i in series.indices {
            let s = series[i]
            var median = Path()
            for run in Self.finiteRuns(s) {
                // A lone point gets a little width so its bands and median show.
                let pxs = run.map { x.position(s.x[$0]) ?? plot.minX }
                let lefts = run.count == 1 ? [pxs[0] - 3, pxs[0] + 3] : pxs
                let ks = run.count == 1 ? [run.lowerBound, run.lowerBound] : Array(run)
                for (band, (lowLevel, highLevel)) in [(0, 6), (1, 5), (2, 4)].enumerated() {
                    var polygon = Path()
                    for (px, k) in zip(lefts, ks) {
                        let point = Point(px, py(s.percentiles[k].values[highLevel]))
                        if polygon.isEmpty { polygon.move(to: point) } else { polygon.line(to: point) }
                    }
                    for (px, k) in zip(lefts, ks).reversed() { polygon.line(to: Point(px, py(s.percentiles[k].values[lowLevel]))) }
                    polygon.close()
                    renderer.fill(polygon, color: color(i).withAlpha(Self.bandOpacities[band]))
                }
                for (j, (px, k)) in zip(lefts, ks).enumerated() {
                    let point = Point(px, py(s.percentiles[k].median))
                    if j == 0 { median.move(to: point) } else { median.line(to: point) }
                }
            }
            if !median.isEmpty { medians.append((median, color(i))) }
        }
        for (median, color) in medians { renderer.stroke(median, style: StrokeStyle(color: color, width: Self.medianWidth)) }
        renderer.clip(to: nil)
    }
}
