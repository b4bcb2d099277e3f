import Tensor

/// Three numbers that summarise the singular values σ₁ ≥ … ≥ σₖ (k = min(fanOut, fanIn)) of a
/// layer's weight matrix W (fanOut, fanIn), from `Matrix.singularValues()` (LAPACK sgesdd):
/// how much W can stretch a signal, over how many directions, and how unevenly.
///
/// - `spectralNorm` = σ₁ = ‖W‖₂: the largest gain of the layer on any input direction.
/// - `stableRank` = ‖W‖²_F / σ₁² ∈ [1, rank W]: how many directions carry the weight's energy
///   (Rudelson & Vershynin 2007; used for weight matrices by Sanyal et al. 2020). It is 0 for
///   the zero matrix, where the ratio would be 0/0.
/// - `conditionNumber` = σ₁ / σₖ ≥ 1: how unevenly W scales directions (1 for an orthogonal
///   or scaled-orthogonal W, Saxe et al. 2014). It is +∞ when σₖ = 0, including the zero and
///   the empty matrix (0/0 is taken as +∞: such a W is as degenerate as it gets), so the
///   value is never NaN for a finite W. A rank-deficient W usually gives a large finite value
///   (about 1/ε ≈ 10⁷) rather than +∞: a Float SVD rounds σₖ to a few ε·σ₁, not to 0.
///
/// A weight holding NaN or ±Inf (a diverged run) gives NaN in all three. metrics.json keeps
/// +∞ and NaN as the strings "Infinity" and "NaN" (see ResultsStore). NaN ≠ NaN, so stats of
/// such a weight are not `==` to themselves.
public struct SpectralStats: Sendable, Codable, Equatable {
    /// σ_max = ‖W‖₂.
    public var spectralNorm: Double
    /// ‖W‖²_F / σ_max²; 0 for the zero matrix.
    public var stableRank: Double
    /// σ_max / σ_min; +∞ when σ_min = 0 (zero and empty matrices included).
    public var conditionNumber: Double

    public init(spectralNorm: Double, stableRank: Double, conditionNumber: Double) {
        self.spectralNorm = spectralNorm
        self.stableRank = stableRank
        self.conditionNumber = conditionNumber
    }

    /// Measures `weight` (fanOut, fanIn): one SVD (values only) plus ‖W‖²_F in Double.
    public init(weight: Matrix) {
        let sigma = weight.singularValues()
        guard let largest = sigma.first.map(Double.init), let smallest = sigma.last.map(Double.init) else {
            self.init(spectralNorm: 0, stableRank: 0, conditionNumber: .infinity)  // empty matrix
            return
        }
        guard largest.isFinite, smallest.isFinite else {
            self.init(spectralNorm: .nan, stableRank: .nan, conditionNumber: .nan)
            return
        }
        let frobenius2 = weight.storage.reduce(0.0) { $0 + Double($1) * Double($1) }
        self.init(spectralNorm: largest,
                  stableRank: largest > 0 ? frobenius2 / (largest * largest) : 0,
                  conditionNumber: smallest > 0 ? largest / smallest : .infinity)
    }
}
