import Foundation
import Charts
import CairoRenderer
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

    /// Chart colour of each run (by run id), in config order: the same run has the same
    /// colour in every chart and in the leaderboard.
    public static func colors(for result: ExperimentResult) -> [String: String] {
        Dictionary(uniqueKeysWithValues: result.runs.enumerated().map { ($1.id, Palette.color($0).hexString) })
    }

    /// The charts, in page order.
    public func charts(for result: ExperimentResult) -> [(id: String, chart: any Chart, caption: String, size: Size)] {
        let classes = Double(max(result.dataset.classes, 2))
        let chance = Foundation.log(classes)
        let firstSteps = min(100, result.runs.map(\.history.batchLosses.count).max() ?? 0)
        let early = LineChart(
            title: "Training loss, first \(firstSteps) batches",
            xLabel: "batch", yLabel: "loss",
            series: result.runs.map { LineChart.Series(label: $0.label, values: $0.history.batchLosses.prefix(firstSteps).map(Double.init)) },
            yRange: 0...(chance * 1.5).rounded(.up))
        let whole = LineChart(
            title: "Training loss, whole run (log scale)",
            xLabel: "batch", yLabel: "loss",
            series: result.runs.map { LineChart.Series(label: $0.label, values: $0.history.batchLosses.map(Double.init)) },
            yScale: .log10)
        let ranked = result.runs.sorted { ($0.history.finalTestAccuracy ?? -1) > ($1.history.finalTestAccuracy ?? -1) }
        let epochs = result.runs.map(\.history.epochs.count).max() ?? 0
        let accuracy = BarChart(
            title: "Test accuracy after each epoch",
            valueLabel: "test accuracy",
            groups: (0..<epochs).map { "epoch \($0 + 1)" },
            categories: ranked.map { run in
                BarChart.Category(label: run.label, values: (0..<epochs).map {
                    $0 < run.history.epochs.count ? run.history.epochs[$0].testAccuracy : .nan
                })
            },
            valueRange: 0...1, format: .percent,
            reference: (1 / classes, "chance"))
        let barHeight = Double(max(200, 70 + result.runs.count * max(1, epochs) * 13 + result.runs.count * 6))
        return [
            ("loss-early", early,
             "The view of the course's experiment: how each initializer starts learning. The y axis stops at \(TickFormat.short((chance * 1.5).rounded(.up))) (chance is ln \(Int(classes)) ≈ \(String(format: "%.2f", chance))); ▲ marks where a run's loss leaves the scale.",
             Self.chartSize),
            ("loss-whole", whole,
             "Every batch of the run on a log axis, so runs that differ by orders of magnitude stay readable. A gap is a NaN/Inf loss; runs that stop early diverged.",
             Self.chartSize),
            ("accuracy", accuracy,
             "Sorted by final test accuracy; the dashed line is chance (\(Int(100 / classes))%).",
             Size(Self.chartSize.width, barHeight)),
        ]
    }

    /// Every chart as a report figure with its PNG embedded.
    public func figures(for result: ExperimentResult) throws(ReportError) -> [ReportModel.Figure] {
        var figures: [ReportModel.Figure] = []
        for item in charts(for: result) {
            let png: [UInt8]
            do { png = try CairoRenderer.png(item.chart, size: item.size, scale: scale) } catch {
                throw .chartFailed(title: item.chart.title, reason: error.description)
            }
            figures.append(ReportModel.Figure(
                id: item.id, title: item.chart.title, caption: item.caption,
                alt: "\(item.chart.title) for \(result.runs.count) initializers",
                dataURI: DataURI.png(png), width: Int(item.size.width), height: Int(item.size.height)))
        }
        return figures
    }
}
