import Charts
import Experiments
import Probes
import Tensor
import Diagnostics

/// Says which run's figure a request draws and everything else the figure is drawn from.
/// `RunFigures` builds a run's figures from the run and these words only — never from the
/// rest of the result — so equal keys mean the same picture: a figure drawn while other
/// runs were still training (`EarlyFigures`) is reused exactly where its key matches.
struct FigureReuseKey: Hashable, Sendable {
    /// The run, unique within one `initscope run`.
    let runID: String
    let seed: UInt64
    let figureID: String
    /// The label in a histogram grid's title and the layers it frames in red; empty for the
    /// other figures, which show neither.
    var label = ""
    var flaggedLayers: [Int] = []
}

/// The figures of one run: its overview row's sparklines and its detail section's charts,
/// drawn from its probes.
struct RunFigures {
    let run: RunResult
    let layers: [LayerTrace]

    init(run: RunResult) {
        self.run = run
        layers = run.probes?.layers ?? []
    }

    static let sparkline = Size(220, 110)
    static let detail = Size(880, 260)

    /// Loss, gradient norms, update:data and unit health, 220×110 each.
    func overview() -> [FigureRequest] {
        var loss = LineChart(title: "", xLabel: "", yLabel: "",
                             series: [.init(label: "loss", values: run.history.batchLosses.map(Double.init))], yScale: .log10)
        loss.showsLegend = false
        return [
            spark(loss, id: "\(run.id)-loss"),
            spark(perLayer(layers, yScale: .log10) { $0.weightGradient.l2 }, id: "\(run.id)-grad"),
            spark(updateRatios(layers), id: "\(run.id)-update"),
            spark(perLayer(Array(layers.dropLast()), yScale: .linear, yRange: 0...1, UnitHealth(layers).value), id: "\(run.id)-dead"),
        ]
        .map { $0.reusable(as: FigureReuseKey(runID: run.id, seed: run.seed, figureID: $0.id)) }
    }

    /// Histograms at both ends (`label` in the title, `flaggedLayers` framed in red),
    /// gradient norms, update:data, activation bands, unit health and the activation heat
    /// map. Figure ids start with `anchor`.
    func details(label: String, anchor: String, flaggedLayers flagged: Set<Int>) -> [FigureRequest] {
        var grid = histogramGrid(label, layers)
        grid.highlighted = Set(flagged.flatMap { l in grid.columnTitles.indices.map { HistogramGrid.GridPosition(row: l - 1, column: $0) } })
        grid.highlightColor = HistogramGrid.nonFiniteColor
        var gradientChart = perLayer(layers, yScale: .log10) { $0.weightGradient.l2 }
        gradientChart.title = "‖∂L/∂W‖ per layer"
        gradientChart.yLabel = "‖∂L/∂W‖"
        gradientChart.xLabel = "step"
        var updates = updateRatios(layers)
        updates.title = "update:data = std(ΔW) / std(W) per layer (1e-3 is the usual healthy level)"
        updates.yLabel = "update:data"
        updates.xLabel = "step"
        var figures = [
            FigureRequest(grid, id: "\(anchor)-histograms", size: Size(900, 110 + 120 * Double(layers.count)), scale: 1,
                          caption: "Shares of elements per bin at step 0 (grey) and at the end (blue); bins shared by every initializer. ◀/▶ count what fell outside the shared range."
                              + (flagged.isEmpty ? "" : " Rows framed in red: layers with findings above.")),
            FigureRequest(gradientChart.showingLegend(), id: "\(anchor)-gradients", size: Self.detail, scale: 1,
                          caption: "Vanishing gradients fall toward the \"= 0\" strip, exploding ones climb by decades."),
            FigureRequest(updates.showingLegend(), id: "\(anchor)-updates", size: Self.detail, scale: 1,
                          caption: "Far below 1e-3 the layer barely learns; far above, updates are large relative to the weights."),
            FigureRequest(activationBands(layers), id: "\(anchor)-bands", size: Self.detail, scale: 1,
                          caption: "Percentiles of each hidden layer's activations on the probe batch (TensorBoard's distribution bands): collapsing bands mean dying or vanishing units, climbing ones exploding activations."),
        ]
        let health = UnitHealth(layers)
        var healthChart = perLayer(Array(layers.dropLast()), yScale: .linear, yRange: 0...1, health.value)
        healthChart.title = health.title
        healthChart.yLabel = health.axisLabel
        healthChart.xLabel = "step"
        figures.append(FigureRequest(healthChart.showingLegend(), id: "\(anchor)-units", size: Self.detail, scale: 1,
                                     caption: health.caption))
        let heatmaps = layers.compactMap(activationHeatmap)
        if !heatmaps.isEmpty {
            figures.append(FigureRequest(ChartStack(title: "Activation histograms over time, every layer", panels: heatmaps),
                                         id: "\(anchor)-heatmap", size: Size(880, 200 * Double(heatmaps.count)), scale: 1,
                                         caption: "One row per layer; each column is one probe's activation histogram on the shared bins, colour the share of activations in the bin (log scale)."))
        }
        // Only the histogram grid (the first) shows the label and the framed layers.
        return figures.enumerated().map { index, request in
            var key = FigureReuseKey(runID: run.id, seed: run.seed, figureID: request.id)
            if index == 0 {
                key.label = label
                key.flaggedLayers = flagged.sorted()
            }
            return request.reusable(as: key)
        }
    }

    static func steps(_ layer: LayerTrace) -> [Double] { layer.snapshots.map { Double($0.step) } }

    func perLayer(_ layers: [LayerTrace], yScale: AxisScale, yRange: ClosedRange<Double>? = nil,
                  _ value: (LayerSnapshot) -> Double) -> LineChart {
        var chart = LineChart(title: "", xLabel: "", yLabel: "",
                              series: layers.map { .init(label: $0.name, x: Self.steps($0), y: $0.snapshots.map(value)) },
                              yScale: yScale, yRange: yRange)
        chart.showsLegend = false
        return chart
    }

    func updateRatios(_ layers: [LayerTrace]) -> LineChart {
        var chart = perLayer(layers, yScale: .log10) { $0.updateToData ?? .nan }
        if let steps = layers.first.map(Self.steps), let first = steps.first, let last = steps.last {
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
                      BandChart.Series(label: layer.name, x: Self.steps(layer), percentiles: layer.snapshots.map {
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
