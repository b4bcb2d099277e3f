import Foundation
import Charts
import CairoRenderer
import Experiments

/// The loss curves of the comparison: one chart per series (initializer × variant) matched
/// on both sides, base dashed in grey, head solid in colour, so a reader sees where the head
/// run leaves the base run. With several seeds each line is the mean and the shade spans the
/// lowest to the highest seed, as in the report.
public struct CompareFigures {
    public static let chartSize = Size(900, 300)
    public var scale: Double

    public init(scale: Double = 2) { self.scale = scale }

    /// The charts in head's series order, with ids, for the matched runs only.
    func charts(comparison: ResultComparison, base: ExperimentResult,
                head: ExperimentResult) -> [(id: String, chart: LineChart, caption: String)] {
        let matched = Set(comparison.runs.map(\.run.id))
        let baseRuns = Dictionary(base.runs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let baseName = "base" + (comparison.base.gitCommit.map { " (\($0))" } ?? "")
        let headName = "head" + (comparison.head.gitCommit.map { " (\($0))" } ?? "")
        return RunSeries.of(head).enumerated().compactMap { index, series in
            let headRuns = series.runs.filter { matched.contains($0.id) }
            let oldRuns = headRuns.compactMap { baseRuns[$0.id] }
            guard !headRuns.isEmpty else { return nil }
            let seeds = headRuns.count > 1 ? " (mean of \(headRuns.count) seeds)" : ""
            let chart = LineChart(
                title: "\(series.label): training loss, base vs head",
                xLabel: "batch", yLabel: "loss",
                series: [Self.line(oldRuns, label: baseName + seeds, color: Color.muted, dash: [6, 3]),
                         Self.line(headRuns, label: headName + seeds, color: Palette.color(index % Palette.colors.count), dash: [])],
                yScale: .log10)
            return ("loss-\(series.anchor)", chart,
                    "Every batch's training loss on a log axis: base dashed, head solid. A gap is a NaN/Inf loss; a line that stops early diverged.")
        }
    }

    static func line(_ runs: [RunResult], label: String, color: Color, dash: [Double]) -> LineChart.Series {
        let envelope = SeedEnvelope(runs.map { $0.history.batchLosses.map(Double.init) })
        return LineChart.Series(label: label, x: envelope.mean.indices.map { Double($0 + 1) }, y: envelope.mean,
                                color: color, dash: dash, lineWidth: 1.6,
                                band: runs.count > 1 ? LineChart.Band(lower: envelope.min, upper: envelope.max) : nil)
    }

    /// Every chart drawn as an embedded PNG.
    public func figures(comparison: ResultComparison, base: ExperimentResult,
                        head: ExperimentResult) throws(ReportError) -> [ReportModel.Figure] {
        var figures: [ReportModel.Figure] = []
        for item in charts(comparison: comparison, base: base, head: head) {
            let png: [UInt8]
            do { png = try CairoRenderer.png(item.chart, size: Self.chartSize, scale: scale) } catch {
                throw .chartFailed(title: item.chart.title, reason: error.description)
            }
            figures.append(ReportModel.Figure(id: item.id, title: item.chart.title, caption: item.caption,
                                              alt: item.chart.title, dataURI: DataURI.png(png),
                                              width: Int(Self.chartSize.width), height: Int(Self.chartSize.height)))
        }
        return figures
    }
}
