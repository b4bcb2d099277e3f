import Foundation
import Tensor

/// Bin ranges shared by every run of an experiment, per layer and quantity, so histograms of
/// different initializers compare honestly side by side.
///
/// Decided once, before training, from each initializer's step-0 pass over the probe batch:
/// R = 2 × the median across initializers of the 99th percentile of |x|. Runs far outside
/// (ones, U[0,1)) then show large overflow counts instead of squashing everyone else's
/// picture into one bin. Activations of ReLU layers use [0, R]; everything else [−R, R].
public struct HistogramRanges: Sendable, Codable, Equatable {
    public struct Range: Sendable, Codable, Equatable {
        public var lower: Double
        public var upper: Double
        public init(lower: Double, upper: Double) { self.lower = lower; self.upper = upper }
    }

    public static let bins = 60
    /// Per layer, per quantity (`ProbedQuantity.rawValue`).
    public var layers: [[String: Range]]

    public func range(layer: Int, _ quantity: ProbedQuantity) -> Range {
        layers[layer][quantity.rawValue] ?? Range(lower: -1, upper: 1)
    }

    public func histogram(layer: Int, _ quantity: ProbedQuantity, of values: [Float]) -> Histogram {
        let r = range(layer: layer, quantity)
        var h = Histogram(lower: r.lower, upper: r.upper, bins: Self.bins)
        h.add(values)
        return h
    }

    /// Plans ranges from step-0 magnitudes: `magnitudes[run][layer][quantity]` = p99 |x|.
    /// `nonNegative[layer]` marks ReLU layers, whose activations are ≥ 0.
    public static func plan(magnitudes: [[[ProbedQuantity: Double]]], nonNegative: [Bool]) -> HistogramRanges {
        let layerCount = nonNegative.count
        let layers = (0..<layerCount).map { l -> [String: Range] in
            var ranges: [String: Range] = [:]
            for quantity in ProbedQuantity.allCases {
                let values = magnitudes.compactMap { $0.indices.contains(l) ? $0[l][quantity] : nil }
                    .filter { $0.isFinite }.sorted()
                var r = values.isEmpty ? 1 : 2 * values[values.count / 2]
                if r <= 0 { r = 2 * (values.last { $0 > 0 } ?? 0.5) }  // most runs all-zero: use the others
                r = Double(Float(r))  // stored as written in JSON, bit for bit
                let lower = quantity == .activation && nonNegative[l] ? 0 : -r
                ranges[quantity.rawValue] = Range(lower: lower, upper: r)
            }
            return ranges
        }
        return HistogramRanges(layers: layers)
    }
}

/// 99th percentile of |x| (from a strided sample, like `Summary`'s percentiles).
func robustMagnitude(_ values: [Float]) -> Double {
    let magnitudes = values.map { abs($0) }
    return Summary.percentiles(of: magnitudes, at: [99])[0]
}
