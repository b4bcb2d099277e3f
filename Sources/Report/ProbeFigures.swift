import Foundation
import Tensor
import Charts
import Experiments
import Probes
import Diagnostics

/// The charts drawn from the probes: what every layer did while it learned.
/// Per initializer they are small (1× density) so twelve runs fit a report of a few MB.
struct ProbeFigures: Sendable {
    let result: ExperimentResult
    let scale: Double
    /// 1-based layer for the across-initializers gradient chart.
    var focusLayer = 1

    /// The run each series shows in detail (its first seed), when it was probed; one
    /// Sendable value each, for drawing on all cores. Other seeds' probes stay in metrics.json:
    /// drawing every seed would multiply the report's size by the number of seeds.
    struct Probed: Sendable {
        let series: RunSeries
        /// The series' place in config order: its palette colour.
        let index: Int
        let probes: RunProbes
        var run: RunResult { series.representative }
        var label: String { series.label }
        var anchor: String { series.anchor }
    }

    var probed: [Probed] {
        RunSeries.of(result).enumerated().compactMap { index, series in
            series.representative.probes.map { Probed(series: series, index: index, probes: $0) }
        }
    }

    // MARK: across initializers

    /// ‖∂L/∂W‖ of the focus layer for every initializer on one log axis.
    func gradientFlowAcrossInitializers() throws(ReportError) -> FigureRequest? {
        let all = probed
        guard !all.isEmpty else { return nil }
        let l = focusLayer - 1
        // Networks of different depths: only the runs that have this layer are compared.
        let having = all.filter { $0.probes.layers.indices.contains(l) }
        guard let first = having.first else {
            throw .focusLayerOutOfRange(layer: focusLayer, layers: all.map(\.probes.layers.count).max() ?? 0)
        }
        let layer = first.probes.layers[l]
        let chart = LineChart(
            title: "Weight-gradient norm ‖∂L/∂W‖ of \(layer.name), every initializer",
            xLabel: "step", yLabel: "‖∂L/∂W‖",
            series: having.map { item in
                LineChart.Series(label: item.label, x: RunFigures.steps(item.probes.layers[l]), y: item.probes.layers[l].snapshots.map(\.weightGradient.l2),
                                 color: Palette.color(item.index))
            },
            yScale: .log10)
        let left = all.count - having.count
        let seeds = RunSeries.hasRepeats(all.map(\.series)) ? " One seed per initializer (the first)." : ""
        return FigureRequest(chart, id: "gradient-flow", size: ReportFigures.chartSize, scale: scale,
                             caption: "Measured on the same held-out probe batch at every probe. A run on the \"= 0\" strip gets no gradient at all in this layer: its weights can never change. Pick another layer with --focus-layer N."
                                 + seeds + (left > 0 ? " \(left) network\(left == 1 ? "" : "s") without a layer \(focusLayer) \(left == 1 ? "is" : "are") left out." : ""))
    }

    // MARK: overview

    /// The unit-health measure of this experiment's activation (dead, saturated or near zero).
    /// With variants of different activations the header names every measure.
    var unitHealth: UnitHealth { UnitHealth(probed.first?.probes.layers ?? []) }

    var unitHealthHeader: String {
        let headers = probed.map { UnitHealth($0.probes.layers).header }
        guard let first = headers.first else { return "" }
        return headers.allSatisfy { $0 == first } ? first : "Dead / saturated / near-zero units per layer (by activation)"
    }

    /// One row per initializer: sparklines of loss, gradient norms, update:data, dead units.
    func overviewRows() -> [Planned<ReportModel.OverviewRow>] {
        probed.map { item in
            let run = item.run
            let layers = item.probes.layers
            let cells = RunFigures(run: run).overview()
            let hidden = layers.dropLast()
            let identical = Self.identicalUnitsText(hidden.map { ($0.snapshots.last?.symmetry.identicalUnits ?? 0, $0.fanOut) })
            let symmetric = hidden.contains { ($0.snapshots.last?.symmetry.identicalUnits ?? 0) == $0.fanOut }
            let anchor = item.anchor, label = item.label
            return Planned(cells) { drawn in
                ReportModel.OverviewRow(anchor: anchor, label: label, cells: drawn,
                                        identicalUnits: identical, rowClass: symmetric ? "failed" : "")
            }
        }
    }

    // MARK: per initializer

    func details() -> [Planned<ReportModel.DetailSection>] {
        let allFindings = result.allFindings
        return probed.map { item in
            let run = item.run
            let layers = item.probes.layers
            let findings = allFindings.filter { $0.runID == run.id }
            // Layers a rule found something in: their row of histograms is framed in red.
            let flagged = Set(findings.compactMap(\.layer)).filter { (1...layers.count).contains($0) }
            let figures = RunFigures(run: run)
                .details(label: item.series.label(of: run), anchor: item.anchor, flaggedLayers: flagged)
            let first = layers.first?.snapshots.first
            let series = item.series
            let repeats = series.runs.count > 1
            let others = series.runs.dropFirst().map { "\($0.seed)" }.joined(separator: ", ")
            let section = ReportModel.DetailSection(
                anchor: item.anchor, label: item.label,
                summary: (repeats ? "seed \(run.seed), " : "")
                    + "step 0: ‖∂L/∂W‖ of layer 1 = \(TickFormat.short(first?.weightGradient.l2 ?? .nan)), activation std = \(TickFormat.short(first?.activation.std ?? .nan))",
                figures: [],
                findings: ReportModel.findingRows(findings, result: result),
                open: findings.contains { !$0.expected && $0.severity >= .warning },
                layers: ReportModel.layerRows(run),
                seedNote: repeats ? "Findings, layer table and charts below are seed \(run.seed)'s, the first of \(series.runs.count) seeds; "
                    + "the table gives every seed's final numbers. Seed\(series.runs.count > 2 ? "s" : "") \(others): \(series.runs.count > 2 ? "their" : "its") probes are in the metrics.json that initscope run wrote." : "",
                seeds: ReportModel.seedRows(series, findings: allFindings, chance: 1 / Double(max(result.dataset.classes, 1))),
                calibration: run.calibrationIterations.map {
                    "LSUV iterations per layer to reach unit output variance\(repeats ? " (seed \(run.seed))" : ""): "
                        + $0.map(String.init).joined(separator: ", ")
                } ?? "")
            return Planned(figures) { section.replacingFigures(with: $0) }
        }
    }
}

extension LineChart {
    func showingLegend() -> LineChart {
        var copy = self
        copy.showsLegend = true
        return copy
    }
}

extension ProbeFigures {
    /// "0/256, 0/128" for a few layers; for a deep net only the layers that have identical
    /// units ("none in 32 layers", "layers 1–5: 256/256"), so the column stays narrow.
    static func identicalUnitsText(_ layers: [(identical: Int, units: Int)]) -> String {
        guard layers.count > 4 else { return layers.map { "\($0.identical)/\($0.units)" }.joined(separator: ", ") }
        let flagged = layers.enumerated().filter { $0.element.identical > 0 }
        guard !flagged.isEmpty else { return "none in \(layers.count) layers" }
        var spans: [(first: Int, last: Int, text: String)] = []
        for (l, layer) in flagged {
            let text = "\(layer.identical)/\(layer.units)"
            if let last = spans.last, last.last == l - 1, last.text == text { spans[spans.count - 1].last = l } else { spans.append((l, l, text)) }
        }
        return spans.map { $0.first == $0.last ? "layer \($0.first + 1): \($0.text)" : "layers \($0.first + 1)–\($0.last + 1): \($0.text)" }
            .joined(separator: ", ") + " of \(layers.count) layers"
    }
}
