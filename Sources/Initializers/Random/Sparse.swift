import Tensor

/// Sparse: each unit (row) is connected to exactly k inputs chosen at random, with weights
/// N(0, σ²); every other weight is 0. Martens 2010 ("Deep learning via Hessian-free
/// optimization", k = 15 with unit Gaussian weights) and CS231n's "sparse initialization"
/// (k ≈ 10 with small Gaussian weights): the scale of a unit's input no longer depends on
/// fan_in, while units still differ.
///
/// Default σ = 0.01, torch.nn.init.sparse_'s default std. torch's `sparse_(w, sparsity, std)`
/// is a different recipe: it zeroes a fraction `sparsity` of each *column* (per input), not a
/// fixed count per row. If k ≥ fan_in every weight of the row is drawn (a dense N(0, σ²)).
///
/// Draw order, per row: k column indices by a partial Fisher–Yates shuffle of 0..<fan_in
/// (bounded integers from `rng`), then k normals in the order the columns were picked.
public struct Sparse: Initializer, Equatable {
    /// Nonzero weights per unit.
    public let count: Int
    public let std: Double
    public static let defaultStd = 0.01

    public init(count: Int, std: Double = Sparse.defaultStd) {
        precondition(count >= 1, "Sparse needs k ≥ 1 connections per unit, got \(count)")
        precondition(std > 0 && std.isFinite, "Sparse needs σ > 0, got \(std)")
        self.count = count
        self.std = std
    }

    public var name: String {
        std == Self.defaultStd ? "sparse(\(count))" : "sparse(\(count),\(formatParameter(std)))"
    }
    public var label: String { "sparse k=\(count), N(0, \(formatParameter(std))²)" }
    public var formula: String {
        "W[j, S_j] ~ N(0, σ²) on k = \(count) random inputs S_j per unit, else 0; σ = \(formatParameter(std))"
    }

    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        let fanIn = weights.cols
        let k = min(count, fanIn)
        let sigma = Float(std)
        var columns = Array(0..<fanIn)
        for row in 0..<weights.rows {
            for col in 0..<fanIn { weights[row, col] = 0 }
            for i in 0..<k {
                let pick = Int.random(in: i..<fanIn, using: &rng)
                columns.swapAt(i, pick)
            }
            for i in 0..<k { weights[row, columns[i]] = rng.normalFloat(std: sigma) }
        }
    }
}
