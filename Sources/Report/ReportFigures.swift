import Foundation
import Charts
import Experiments

/// The charts of the report, drawn from the results: what each shows is decided here, how
/// it is drawn is the chart kit's business.
public struct ReportFigures {
    /// Logical size of a full-width chart and the pixel density it is drawn at.
    public static let chartSize = Size(900, 430)
    public var scale: Double = 2
    /// The layer (1-based) whose gradient norm is compared across initializers.
    public var focusLayer: Int = 1

    public init(scale: Double = 2, focusLayer: Int = 1) { self.scale = scale; self.focusLayer = focusLayer }

    /// Chart colour of each run (by run id): one colour per series (initializer and
    /// variant), in config order, so a series has the same colour in every chart, in the
    /// leaderboard and for each of its seeds.
    public static func colors(for result: ExperimentResult) -> [String: String] {
        var colors: [String: String] = [:]
        for (index, series) in RunSeries.of(result).enumerated() {
            for run in series.runs { colors[run.id] = Palette.color(index).hexString }
        }
        return colors
    }

    /// The charts, in page order. With several seeds per series each line is the mean over
    /// seeds and a shaded band spans the lowest to the highest seed.
    public func charts(for result: ExperimentResult) -> [(id: String, chart: any Chart, caption: String, size: Size)] {
        let classes = Double(max(result.dataset.classes, 2))
        let chance = Foundation.log(classes)
        let all = RunSeries.of(result)
        let repeats = RunSeries.hasRepeats(all)
        let seedCount = all.map(\.runs.count).max() ?? 1
        let bandLegend = repeats ? "shade: min–max over \(seedCount) seeds" : nil
        let split = result.evaluationSplit
        let firstSteps = min(100, result.runs.map(\.history.batchLosses.count).max() ?? 0)
        func lossSeries(_ series: RunSeries, steps: Int?) -> LineChart.Series {
            let curves = series.runs.map { run in
                (steps.map { Array(run.history.batchLosses.prefix($0)) } ?? run.history.batchLosses).map(Double.init)
            }
            let envelope = SeedEnvelope(curves)
            return LineChart.Series(label: Self.curveLabel(series, within: steps), x: envelope.mean.indices.map { Double($0 + 1) },
                                    y: envelope.mean,
                                    band: series.runs.count > 1 ? LineChart.Band(lower: envelope.min, upper: envelope.max) : nil)
        }
        var early = LineChart(
            title: "Training loss, first \(firstSteps) batches",
            xLabel: "batch", yLabel: "loss",
            series: all.map { lossSeries($0, steps: firstSteps) },
            yRange: 0...(chance * 1.5).rounded(.up))
        early.bandLegend = bandLegend
        var whole = LineChart(
            title: "Training loss, whole run (log scale)",
            xLabel: "batch", yLabel: "loss",
            series: all.map { lossSeries($0, steps: nil) },
            yScale: .log10)
        whole.bandLegend = bandLegend
        let ranked = Self.ranked(all)
        let epochs = result.runs.map(\.history.epochs.count).max() ?? 0
        let accuracy = BarChart(
            title: "\(split.capitalized) accuracy after each epoch",
            valueLabel: "\(split) accuracy" + (repeats ? " (mean; whisker: min–max over seeds)" : ""),
            groups: (0..<epochs).map { "epoch \($0 + 1)" },
            categories: ranked.map { series in
                let stats = (0..<epochs).map { e in
                    SeedStatistics(series.runs.map { e < $0.history.epochs.count ? $0.history.epochs[e].testAccuracy : .nan })
                }
                return BarChart.Category(label: series.label, values: stats.map { $0?.mean ?? .nan },
                                         ranges: stats.map { s in s.flatMap { $0.count > 1 ? $0.min...$0.max : nil } })
            },
            valueRange: 0...1, format: .percent,
            reference: (1 / classes, "chance"))
        let barHeight = Double(max(200, 70 + all.count * max(1, epochs) * 13 + all.count * 6))
        let seedNote = repeats ? " Each line is the mean over \(seedCount) seeds; the shade spans the lowest to the highest seed at each batch." : ""
        return [
            ("loss-early", early,
             "The view of the course's experiment: how each initializer starts learning. The y axis stops at \(TickFormat.short((chance * 1.5).rounded(.up))) (chance is ln \(Int(classes)) ≈ \(String(format: "%.2f", chance))); ▲ marks where a run's loss leaves the scale." + seedNote,
             Self.chartSize),
            ("loss-whole", whole,
             "Every batch of the run on a log axis, so runs that differ by orders of magnitude stay readable. A gap is a NaN/Inf loss; runs that stop early diverged." + seedNote,
             Self.chartSize),
            ("accuracy", accuracy,
             "Sorted by final \(split) accuracy; the dashed line is chance (\(Int(100 / classes))%)."
                + (repeats ? " Bars are the mean over seeds; the whisker spans the lowest to the highest seed." : ""),
             Size(Self.chartSize.width, barHeight)),
        ]
    }

    /// Series by mean final accuracy, best first (a series without any accuracy last).
    static func ranked(_ series: [RunSeries]) -> [RunSeries] {
        func key(_ s: RunSeries) -> Double {
            SeedStatistics(s.runs.map { $0.history.finalTestAccuracy ?? .nan })?.mean ?? -1
        }
        return series.enumerated().sorted { a, b in
            let ka = key(a.element), kb = key(b.element)
            return ka != kb ? ka > kb : a.offset < b.offset
        }.map(\.element)
    }

    /// A curve's legend label: the series, and which seeds diverged when the mean goes on
    /// without them (a mean that ends non-finite is labelled by the chart itself).
    static func curveLabel(_ series: RunSeries, within steps: Int?) -> String {
        guard series.runs.count > 1 else { return series.label }
        let diverged = series.runs.compactMap { run in
            run.history.divergedAtStep.flatMap { step in steps.map { step <= $0 } ?? true ? "seed \(run.seed) at step \(step)" : nil }
        }
        guard !diverged.isEmpty, diverged.count < series.runs.count else { return series.label }
        return series.label + " (diverged: " + diverged.joined(separator: ", ") + ")"
    }

    /// Every chart of `charts(for:)` as a figure to draw.
    func figureRequests(for result: ExperimentResult) -> [FigureRequest] {
        let count = RunSeries.of(result).count
        return charts(for: result).map { item in
            FigureRequest(item.chart, id: item.id, size: item.size, scale: scale, caption: item.caption,
                          alt: "\(item.chart.title) for \(count) initializers")
        }
    }
}
