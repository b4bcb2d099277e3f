import Foundation
import Charts

/// Deterministic, realistic-looking data for the statistical charts: what an MLP's layers
/// look like under He, zero and U[−1, 1) initialisation.
enum ChartFixtures {
    /// SplitMix64, for reproducible samples without Foundation's random sources.
    struct Samples {
        var state: UInt64
        mutating func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        mutating func normal(_ std: Double, mean: Double = 0) -> Double {
            mean + std * (-2 * log(max(uniform(), 1e-300))).squareRoot() * cos(2 * .pi * uniform())
        }
        mutating func normals(_ count: Int, std: Double, mean: Double = 0) -> [Double] {
            (0..<count).map { _ in normal(std, mean: mean) }
        }
    }

    static let rowLabels = ["layer 1\n784→256", "layer 2\n256→128", "layer 3\n128→10"]
    static let columnTitles = ["activations", "back-prop gradients", "weight gradients"]
    static let ranges: [(Double, Double)] = [(-4, 4), (-0.02, 0.02), (-0.002, 0.002)]

    static func histogram(_ values: [Double], column: Int) -> HistogramData {
        HistogramData(binning: values, lower: ranges[column].0, upper: ranges[column].1, bins: 40)
    }

    /// He normal: bell-shaped at every depth, a little wider at the end of training.
    static func heGrid() -> HistogramGrid {
        var rng = Samples(state: 1)
        let cells = (0..<3).map { layer in
            (0..<3).map { column in
                let std = ranges[column].1 / 4 * (1 + 0.15 * Double(layer))
                return HistogramGrid.Cell([histogram(rng.normals(4000, std: std), column: column),
                                           histogram(rng.normals(4000, std: std * 1.35), column: column)])
            }
        }
        return HistogramGrid(title: "He normal — distributions stay bell-shaped", rowLabels: rowLabels,
                             columnTitles: columnTitles, cells: cells)
    }

    /// Zero init: hidden activations and every gradient but the last layer's are exactly 0.
    static func zeroGrid() -> HistogramGrid {
        var rng = Samples(state: 2)
        let cells = (0..<3).map { layer in
            (0..<3).map { column in
                let zeros = [Double](repeating: 0, count: 2000)
                let lastLayerGradients = layer == 2 && column > 0
                let end = lastLayerGradients ? rng.normals(2000, std: ranges[column].1 / 3) : zeros
                return HistogramGrid.Cell([histogram(zeros, column: column), histogram(end, column: column)])
            }
        }
        return HistogramGrid(title: "Zero init — symmetry never breaks", rowLabels: rowLabels, columnTitles: columnTitles,
                             cells: cells, highlighted: [.init(row: 0, column: 2), .init(row: 1, column: 2)])
    }

    /// U[−1, 1): activations grow ×~9 per layer and blow past the range; gradients turn NaN.
    static func hugeGrid() -> HistogramGrid {
        var rng = Samples(state: 3)
        let cells = (0..<3).map { layer in
            (0..<3).map { column in
                let std = ranges[column].1 / 4 * pow(9, Double(layer))
                var end = rng.normals(3000, std: std * 2)
                if column > 0 && layer < 2 { for k in 0..<(layer == 0 ? 300 : 90) { end[k] = .nan } }
                return HistogramGrid.Cell([histogram(rng.normals(3000, std: std), column: column), histogram(end, column: column)])
            }
        }
        return HistogramGrid(title: "U[−1, 1) — activations explode with depth", rowLabels: rowLabels,
                             columnTitles: columnTitles, cells: cells, highlighted: [.init(row: 2, column: 0)])
    }

    /// Layer-2 activations over 60 probes: He slowly widens; U[−1, 1) saturates the range and
    /// then turns NaN for the last probes.
    static func heatmap(exploding: Bool, log: Bool) -> Heatmap {
        var rng = Samples(state: exploding ? 5 : 4)
        let steps = (0..<60).map { Double($0 * 50) }
        let histograms = steps.indices.map { k in
            let progress = Double(k) / 59
            var values = exploding ? rng.normals(2000, std: 1.5 * pow(6, progress)) : rng.normals(2000, std: 0.8 + 0.5 * progress, mean: 0.6 * progress)
            if exploding && k >= 52 { for i in 0..<(k - 50) * 60 { values[i] = .nan } }
            return HistogramData(binning: values, lower: -4, upper: 4, bins: 40)
        }
        return Heatmap(title: exploding ? "U[−1, 1) — layer 2 activations over training" : "He normal — layer 2 activations over training",
                       yLabel: "activation", steps: steps, histograms: histograms, colorScale: log ? .log10(floor: 1e-4) : .linear)
    }

    /// Per layer over 80 probes. Linear: ReLU activations, layer 3 widening until it diverges
    /// (NaN) for the last probes, with a NaN blip at probe 30. Log: |weight gradients|, the
    /// first layer's vanishing over training.
    static func bandChart(log: Bool) -> BandChart {
        var rng = Samples(state: 6)
        let x = (0..<80).map { Double($0 * 25) }
        let series = (0..<3).map { layer in
            let percentiles = x.indices.map { k -> BandChart.Percentiles in
                if log {
                    let std = 1e-3 * pow(0.3, Double(2 - layer)) * (layer == 0 ? pow(0.94, Double(k)) : 1)
                    return BandChart.Percentiles(of: rng.normals(1500, std: std).map(abs))
                }
                if layer == 2 && (k >= 74 || k == 30) { return BandChart.Percentiles(of: [.nan]) }
                let growth = layer == 0 ? 1 : layer == 1 ? 1 + Double(k) / 80 : pow(1.025, Double(k))
                return BandChart.Percentiles(of: rng.normals(1500, std: 0.5 * growth, mean: 0.5 + 0.3 * Double(layer)).map { max(0, $0) })
            }
            return BandChart.Series(label: "layer \(layer + 1)", x: x, percentiles: percentiles)
        }
        return log
            ? BandChart(title: "|weight gradient| per layer — layer 1 vanishes", xLabel: "step", yLabel: "|∂L/∂W|",
                        series: series, yScale: .log10)
            : BandChart(title: "ReLU activations per layer — layer 3 diverges", xLabel: "step", yLabel: "activation",
                        series: series)
    }
}
