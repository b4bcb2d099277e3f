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

    static let sparkline = Size(220, 110)
    static let detail = Size(880, 260)

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
                LineChart.Series(label: item.label, x: steps(item.probes.layers[l]), y: item.probes.layers[l].snapshots.map(\.weightGradient.l2),
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
            var loss = LineChart(title: "", xLabel: "", yLabel: "",
                                 series: [.init(label: "loss", values: run.history.batchLosses.map(Double.init))], yScale: .log10)
            loss.showsLegend = false
            let cells = [
                spark(loss, id: "\(run.id)-loss"),
                spark(perLayer(layers, yScale: .log10) { $0.weightGradient.l2 }, id: "\(run.id)-grad"),
                spark(updateRatios(layers), id: "\(run.id)-update"),
                spark(perLayer(Array(layers.dropLast()), yScale: .linear, yRange: 0...1, UnitHealth(layers).value), id: "\(run.id)-dead"),
            ]
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
            var grid = histogramGrid(item.series.label(of: run), layers)
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
                FigureRequest(grid, id: "\(item.anchor)-histograms", size: Size(900, 110 + 120 * Double(layers.count)), scale: 1,
                              caption: "Shares of elements per bin at step 0 (grey) and at the end (blue); bins shared by every initializer. ◀/▶ count what fell outside the shared range."
                                  + (flagged.isEmpty ? "" : " Rows framed in red: layers with findings above.")),
                FigureRequest(gradientChart.showingLegend(), id: "\(item.anchor)-gradients", size: Self.detail, scale: 1,
                              caption: "Vanishing gradients fall toward the \"= 0\" strip, exploding ones climb by decades."),
                FigureRequest(updates.showingLegend(), id: "\(item.anchor)-updates", size: Self.detail, scale: 1,
                              caption: "Far below 1e-3 the layer barely learns; far above, updates are large relative to the weights."),
                FigureRequest(activationBands(layers), id: "\(item.anchor)-bands", size: Self.detail, scale: 1,
                              caption: "Percentiles of each hidden layer's activations on the probe batch (TensorBoard's distribution bands): collapsing bands mean dying or vanishing units, climbing ones exploding activations."),
            ]
            let health = UnitHealth(layers)
            var healthChart = perLayer(Array(layers.dropLast()), yScale: .linear, yRange: 0...1, health.value)
            healthChart.title = health.title
            healthChart.yLabel = health.axisLabel
            healthChart.xLabel = "step"
            figures.append(FigureRequest(healthChart.showingLegend(), id: "\(item.anchor)-units", size: Self.detail, scale: 1,
                                         caption: health.caption))
            let heatmaps = layers.compactMap(activationHeatmap)
            if !heatmaps.isEmpty {
                figures.append(FigureRequest(ChartStack(title: "Activation histograms over time, every layer", panels: heatmaps),
                                             id: "\(item.anchor)-heatmap", size: Size(880, 200 * Double(heatmaps.count)), scale: 1,
                                             caption: "One row per layer; each column is one probe's activation histogram on the shared bins, colour the share of activations in the bin (log scale)."))
            }
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

    // MARK: building blocks

    func steps(_ layer: LayerTrace) -> [Double] { layer.snapshots.map { Double($0.step) } }

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

    func histogramGrid(_ label: String, _ layers: [LayerTrace]) -> HistogramGrid {
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
        return HistogramGrid(title: "\(label): distributions at step 0 and at the end",
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

    func spark(_ chart: LineChart, id: String) -> FigureRequest {
        var small = chart
        small.xTickTarget = 2
        return FigureRequest(small, id: id, size: Self.sparkline, scale: 1, caption: "")
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
