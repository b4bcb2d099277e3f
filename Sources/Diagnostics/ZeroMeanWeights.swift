import Foundation

/// Whether a drawn weight matrix fits the forecast's assumption of zero-mean weights.
///
/// With weights of mean m and variance v, E[z²] = n_in·v·E[a²] gains a coherent term of
/// about n_in²·m²·E[a]² that the Glorot/He derivation leaves out. The forecast is made when
/// either
/// - that term is small: n_in·m² ≤ `coherentShare`·v, so it adds at most 10% (E[a]² ≤ E[a²]);
/// - or the draw is what a zero-mean scheme draws: |m| ≤ `noiseBound`·√(v/count), six
///   standard errors (a zero-mean scheme lands beyond that once in 5·10⁸ layers; four would
///   refuse one narrow layer in a few thousand, as truncated_normal(0.1)'s 128→10 layer at
///   seed 0, 4.03 standard errors out).
/// Ones and U[0, 1) fail both (the derivation does not describe them); every zero-mean
/// scheme of the catalogue passes. The mean of a zero-mean draw still shifts narrow layers
/// a little — finite-width noise of this draw, like the rest (see `ForecastComparison`).
enum ZeroMeanWeights {
    static let coherentShare = 0.1
    static let noiseBound = 6.0

    /// nil when the forecast applies, else the reason it does not.
    static func problem(mean: Double, variance: Double, fanIn: Int, count: Int) -> String? {
        let coherent = Double(fanIn) * mean * mean <= coherentShare * variance
        let noise = abs(mean) <= noiseBound * (variance / Double(max(count, 1))).squareRoot()
        guard !(coherent || noise) else { return nil }
        return "the derivation assumes zero-mean weights, and this draw has mean(W) = \(Wording.number(mean)) "
            + "against std(W) = \(Wording.number(variance.squareRoot()))"
    }
}
