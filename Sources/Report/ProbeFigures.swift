import Foundation
import Tensor
import Charts
import CairoRenderer
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

    static let sparkline = Size(220, 110)
    static let detail = Size(880, 260)

    /// Runs that were probed, in config order.
    var probedRuns: [(run: RunResult, probes: RunProbes)] {
        result.runs.compactMap { run in run.probes.map { (run, $0) } }
    }

    /// Probed runs as one Sendable value each, for drawing on all cores.
    struct Probed: Sendable { let run: RunResult; let probes: RunProbes }
    var probed: [Probed] { probedRuns.map { Probed(run: $0.run, probes: $0.probes) } }

    // MARK: across initializers

    /// ‖∂L/∂W‖ of the focus layer for every initializer on one log axis.
    func gradientFlowAcrossInitializers() throws(ReportError) -> ReportModel.Figure? {
        guard let first = probedRuns.first else { return nil }
        let l = focusLayer - 1
        guard first.probes.layers.indices.contains(l) else {
            throw .focusLayerOutOfRange(layer: focusLayer, layers: first.probes.layers.count)
        }
        let layer = first.probes.layers[l]
        let chart = LineChart(
            title: "Weight-gradient norm ‖∂L/∂W‖ of \(layer.name), every initializer",
            xLabel: "step", yLabel: "‖∂L/∂W‖",
            series: probedRuns.map { run, probes in
                LineChart.Series(label: run.label, x: steps(probes.layers[l]), y: probes.layers[l].snapshots.map(\.weightGradient.l2))
            },
            yScale: .log10)
        return try figure(chart, id: "gradient-flow", size: ReportFigures.chartSize, scale: scale,
                          caption: "Measured on the same held-out probe batch at every probe. A run on the \"= 0\" strip gets no gradient at all in this layer: its weights can never change. Pick another layer with --focus-layer N.")
    }

    // MARK: overview

    /// The unit-health measure of this experiment's activation (dead, saturated or near zero).
    var unitHealth: UnitHealth { UnitHealth(probedRuns.first?.probes.layers ?? []) }

    /// One row per initializer: sparklines of loss, gradient norms, update:data, dead units.
    func overviewRows() throws(ReportError) -> [ReportModel.OverviewRow] {
        try parallelMap(probed) { (item: Probed) throws(ReportError) -> ReportModel.OverviewRow in
            let run = item.run
            let layers = item.probes.layers
            var cells: [ReportModel.Figure] = []
            var loss = LineChart(title: "", xLabel: "", yLabel: "",
                                 series: [.init(label: "loss", values: run.history.batchLosses.map(Double.init))], yScale: .log10)
            loss.showsLegend = false
            cells.append(try spark(loss, id: "\(run.id)-loss"))
            cells.append(try spark(perLayer(layers, yScale: .log10) { $0.weightGradient.l2 }, id: "\(run.id)-grad"))
            cells.append(try spark(updateRatios(layers), id: "\(run.id)-update"))
            cells.append(try spark(perLayer(Array(layers.dropLast()), yScale: .linear, yRange: 0...1, UnitHealth(layers).value),
                                   id: "\(run.id)-dead"))
            let hidden = layers.dropLast()
            let identical = hidden.map { "\($0.snapshots.last?.symmetry.identicalUnits ?? 0)/\($0.fanOut)" }.joined(separator: ", ")
            let symmetric = hidden.contains { ($0.snapshots.last?.symmetry.identicalUnits ?? 0) == $0.fanOut }
            return ReportModel.OverviewRow(anchor: anchor(run), label: run.label, cells: cells,
                                           identicalUnits: identical, rowClass: symmetric ? "failed" : "")
        }
    }

    // MARK: per initializer

    func details() throws(ReportError) -> [ReportModel.DetailSection] {
        let allFindings = result.allFindings
        return try parallelMap(probed) { (item: Probed) throws(ReportError) -> ReportModel.DetailSection in
            let run = item.run
            let layers = item.probes.layers
            let findings = allFindings.filter { $0.runID == run.id }
            var grid = histogramGrid(run, layers)
            // Layers a rule found something in: their row of histograms is framed in red.
            let flagged = Set(findings.compactMap(\.layer)).filter { (1...layers.count).contains($0) }
            grid.highlighted = Set(flagged.flatMap { l in grid.columnTitles.indices.map { HistogramGrid.GridPosition(row: l - 1, column: $0) } })
            grid.highlightColor = HistogramGrid.nonFiniteColor
            let gradients = perLayer(layers, yScale: .log10) { $0.weightGradient.l2 }
            var gradientChart = gradients
            gradientChart.title = "‖∂L/∂W‖ per layer"
            gradientChart.yLabel = "‖∂L/∂W‖"
            gradientChart.xLabel = "step"
            var updates = updateRatios(layers)
            updates.title = "update:data = std(ΔW) / std(W) per layer (1e-3 is the usual healthy level)"
            updates.yLabel = "update:data"
            updates.xLabel = "step"
            var figures = [
                try figure(grid, id: "\(anchor(run))-histograms", size: Size(900, 110 + 120 * Double(layers.count)), scale: 1,
                           caption: "Shares of elements per bin at step 0 (grey) and at the end (blue); bins shared by every initializer. ◀/▶ count what fell outside the shared range."
                    + (flagged.isEmpty ? "" : " Rows framed in red: layers with findings above.")),
                try figure(gradientChart.showingLegend(), id: "\(anchor(run))-gradients", size: Self.detail, scale: 1,
                           caption: "Vanishing gradients fall toward the \"= 0\" strip, exploding ones climb by decades."),
                try figure(updates.showingLegend(), id: "\(anchor(run))-updates", size: Self.detail, scale: 1,
                           caption: "Far below 1e-3 the layer barely learns; far above, updates are large relative to the weights."),
                try figure(activationBands(layers), id: "\(anchor(run))-bands", size: Self.detail, scale: 1,
                           caption: "Percentiles of each hidden layer's activations on the probe batch (TensorBoard's distribution bands): collapsing bands mean dying or vanishing units, climbing ones exploding activations."),
            ]
            let health = UnitHealth(layers)
            var healthChart = perLayer(Array(layers.dropLast()), yScale: .linear, yRange: 0...1, health.value)
            healthChart.title = health.title
            healthChart.yLabel = health.axisLabel
            healthChart.xLabel = "step"
            figures.append(try figure(healthChart.showingLegend(), id: "\(anchor(run))-units", size: Self.detail, scale: 1,
                                      caption: health.caption))
            let heatmaps = layers.compactMap(activationHeatmap)
            if !heatmaps.isEmpty {
                figures.append(try figure(ChartStack(title: "Activation histograms over time, every layer", panels: heatmaps),
                                          id: "\(anchor(run))-heatmap", size: Size(880, 200 * Double(heatmaps.count)), scale: 1,
                                          caption: "One row per layer; each column is one probe's activation histogram on the shared bins, colour the share of activations in the bin (log scale)."))
            }
            let first = layers.first?.snapshots.first
            return ReportModel.DetailSection(
                anchor: anchor(run), label: run.label,
                summary: "step 0: ‖∂L/∂W‖ of layer 1 = \(TickFormat.short(first?.weightGradient.l2 ?? .nan)), activation std = \(TickFormat.short(first?.activation.std ?? .nan))",
                figures: figures,
                findings: ReportModel.findingRows(findings, result: result),
                open: findings.contains { !$0.expected && $0.severity >= .warning },
                layers: ReportModel.layerRows(run))
        }
    }

    // MARK: building blocks

    func steps(_ layer: LayerTrace) -> [Double] { layer.snapshots.map { Double($0.step) } }

    func anchor(_ run: RunResult) -> String { RunAnchor.of(run.initializer) }

    func perLayer(_ layers: [LayerTrace], yScale: AxisScale, yRange: ClosedRange<Double>? = nil,
                  _ value: (LayerSnapshot) -> Double) -> LineChart {
        var chart = LineChart(title: "", xLabel: "", yLabel: "",
                              series: layers.map { .init(label: $0.name, x: steps($0), y: $0.snapshots.map(value)) },
                              yScale: yScale, yRange: yRange)
        chart.showsLegend = false
        return chart
    }

    func updateRatios(_ layers: [LayerTrace]) -> LineChart {
        var chart = perLayer(layers, yScale: .log10) { $0.updateToData ?? .nan }
        if let steps = layers.first.map(steps), let first = steps.first, let last = steps.last {
            chart.series.append(.init(label: "1e-3 reference", x: [first, last], y: [1e-3, 1e-3],
                                      color: Color(hex: 0x9AA4AE), dash: [4, 3], lineWidth: 1.2))
        }
        return chart
    }

    func histogramGrid(_ run: RunResult, _ layers: [LayerTrace]) -> HistogramGrid {
        let cells = layers.map { layer -> [HistogramGrid.Cell] in
            let start = layer.histograms.first, end = layer.histograms.last
            let startSnap = layer.snapshots.first, endSnap = layer.snapshots.last
            func pair(_ pick: (LayerHistograms) -> Histogram, _ summary: (LayerSnapshot) -> Summary) -> HistogramGrid.Cell {
                HistogramGrid.Cell([
                    start.map { chartData(pick($0), allZero: startSnap.map { isAllZero(summary($0)) } ?? false) },
                    end.map { chartData(pick($0), allZero: endSnap.map { isAllZero(summary($0)) } ?? false) },
                ])
            }
            return [pair(\.activation, \.activation), pair(\.activationGradient, \.activationGradient),
                    pair(\.weightGradient, \.weightGradient)]
        }
        return HistogramGrid(title: "\(run.label): distributions at step 0 and at the end",
                             rowLabels: layers.map { "layer \($0.index + 1)\n\($0.fanIn)→\($0.fanOut)" },
                             columnTitles: ["activations a", "back-prop gradients ∂L/∂a", "weight gradients ∂L/∂W"],
                             cells: cells)
    }

    /// Percentile bands of every hidden layer's activations over the steps.
    func activationBands(_ layers: [LayerTrace]) -> BandChart {
        BandChart(title: "Activations per hidden layer: median and 16–84 / 2–98 / 0–100 % bands",
                  xLabel: "step", yLabel: "activation a",
                  series: layers.dropLast().map { layer in
                      BandChart.Series(label: layer.name, x: steps(layer), percentiles: layer.snapshots.map {
                          BandChart.Percentiles($0.activation.percentiles ?? Array(repeating: .nan, count: 7))
                      })
                  })
    }

    /// One layer's activation histograms over time, on the shared bins.
    func activationHeatmap(_ layer: LayerTrace) -> Heatmap? {
        guard !layer.histograms.isEmpty else { return nil }
        let snapshots = Dictionary(layer.snapshots.map { ($0.step, $0) }, uniquingKeysWith: { first, _ in first })
        return Heatmap(title: "\(layer.name): activation histogram over time", yLabel: "activation a",
                       steps: layer.histograms.map { Double($0.step) },
                       histograms: layer.histograms.map { h in
                           chartData(h.activation, allZero: snapshots[h.step].map { isAllZero($0.activation) } ?? false)
                       },
                       colorScale: .log10(floor: 1e-4))
    }

    func isAllZero(_ s: Summary) -> Bool { s.nonFinite == 0 && s.min == 0 && s.max == 0 }

    func chartData(_ h: Histogram, allZero: Bool) -> HistogramData {
        HistogramData(lower: h.lower, upper: h.upper, counts: h.counts, underflow: h.underflow,
                      overflow: h.overflow, nonFinite: h.nonFinite, exactZeros: allZero ? h.total : 0)
    }

    func spark(_ chart: LineChart, id: String) throws(ReportError) -> ReportModel.Figure {
        var small = chart
        small.xTickTarget = 2
        return try figure(small, id: id, size: Self.sparkline, scale: 1, caption: "")
    }

    func figure(_ chart: some Chart, id: String, size: Size, scale: Double, caption: String) throws(ReportError) -> ReportModel.Figure {
        let png: [UInt8]
        do { png = try CairoRenderer.png(chart, size: size, scale: scale) } catch {
            throw .chartFailed(title: chart.title.isEmpty ? id : chart.title, reason: error.description)
        }
        return ReportModel.Figure(id: id, title: chart.title, caption: caption, alt: chart.title.isEmpty ? id : chart.title,
                                  dataURI: DataURI.png(png), width: Int(size.width), height: Int(size.height))
    }
}

extension LineChart {
    func showingLegend() -> LineChart {
        var copy = self
        copy.showsLegend = true
        return copy
    }
}
