import Foundation
import Charts
import Experiments

extension ReportFigures {
    /// The sorted singular values of each series' end-to-end Jacobian at init (representative
    /// seed), one line per series on a log axis; nil when no run has a Jacobian.
    func jacobianChart(for result: ExperimentResult) -> LineChart? {
        let all = RunSeries.of(result)
        let lines = all.enumerated().compactMap { index, s -> LineChart.Series? in
            guard let values = s.representative.jacobian?.singularValues, !values.isEmpty else { return nil }
            return LineChart.Series(label: s.label(of: s.representative), x: values.indices.map { Double($0 + 1) },
                                    y: values.sorted(by: >), color: Palette.color(index), dash: Palette.dash(index, of: all.count))
        }
        guard !lines.isEmpty else { return nil }
        return LineChart(title: "End-to-end Jacobian ∂logits/∂x at init: singular values (log scale)",
                         xLabel: "singular value index (largest first)", yLabel: "singular value",
                         series: lines, yScale: .log10,
                         xRange: 1...Double(max(2, lines.map(\.x.count).max() ?? 2)), xUnit: "index")
    }

    func jacobianFigureRequests(for result: ExperimentResult) -> [FigureRequest] {
        guard let chart = jacobianChart(for: result) else { return [] }
        return [FigureRequest(chart, id: "jacobian", size: Size(Self.chartSize.width, 380), scale: scale,
                              caption: "Sorted singular values of each initializer's first seed. A flat line at 1: the error signal reaches the input undistorted; "
                                  + "a line falling over decades: a few directions dominate and the rest are lost on the way back. "
                                  + "Lines that coincide hide one another; the table has every run's numbers.",
                              alt: "Singular values of the input–output Jacobian at init for \(chart.series.count) runs")]
    }

    /// Learning speed per network variant: x = variants in config order, one line per
    /// initializer; nil unless at least two variants were trained.
    func variantChart(for result: ExperimentResult) -> CategoryLineChart? {
        let all = RunSeries.of(result)
        let variants = ReportModel.variantNames(result, series: all)
        guard variants.count >= 2 else { return nil }
        let speed = LearningSpeed(result)
        let initializers = ReportModel.initializers(all)
        let series = initializers.enumerated().map { index, initializer in
            CategoryLineChart.Series(label: initializer.label, values: variants.map { variant in
                guard let s = all.first(where: { $0.initializer == initializer.name && RunSeries.variantName($0.variant) == variant }) else {
                    return .none
                }
                return speed.statistics(s.runs).map { .value($0.mean) } ?? .never
            }, color: Palette.color(index))
        }
        let values = series.flatMap { $0.values.compactMap { if case let .value(v) = $0 { return v }; return nil } }
        let wide = (values.max() ?? 1) / max(values.min() ?? 1, 1) > 10
        return CategoryLineChart(title: "Learning speed: batches until the smoothed training loss falls below ℓ*",
                                 xLabel: "network variant", yLabel: "batches to ℓ*" + (wide ? " (log scale)" : ""),
                                 categories: variants, series: series, yScale: wide ? .log10 : .linear)
    }

    func variantFigureRequests(for result: ExperimentResult) -> [FigureRequest] {
        guard let chart = variantChart(for: result) else { return [] }
        let seeds = RunSeries.hasRepeats(RunSeries.of(result)) ? " Each point is the mean over the seeds that reached ℓ*." : ""
        return [FigureRequest(chart, id: "variants-speed", size: Size(Self.chartSize.width, 380), scale: scale,
                              caption: "Lower is faster. A ▲ on the top strip: that initializer's loss never fell below ℓ* on that network." + seeds,
                              alt: "Batches to ℓ* for \(chart.series.count) initializers on \(chart.categories.count) networks")]
    }

}
