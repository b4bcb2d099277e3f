import Foundation

/// Whether a drawn weight matrix fits the forecast's assumption of zero-mean weights.
///
/// With weights of mean m and variance v, E[z²] = n_in·v·E[a²] gains a coherent term of
/// about n_in²·m²·E[a]² that the Glorot/He derivation leaves out. The forecast is made when
/// either
/// - that term is small: n_in·m² ≤ `coherentShare`·v, so it adds at most 10% (E[a]² ≤ E[a²]);
/// - or m is no larger than sampling noise of a zero-mean draw: |m| ≤ `noiseBound`·√(v/count)
///   (four standard errors), which is what a zero-mean scheme's own draw looks like even when
///   the layer is narrow (fan_out 10 leaves |m|·√n_in ≈ std/√10).
/// U[0, 1) and ones fail both; every zero-mean scheme of the catalogue passes.
enum ZeroMeanWeights {
    static let coherentShare = 0.1
    static let noiseBound = 4.0

    /// nil when the forecast applies, else the reason it does not.
    static func problem(mean: Double, variance: Double, fanIn: Int, count: Int) -> String? {
        let coherent = Double(fanIn) * mean * mean <= coherentShare * variance
        let noise = abs(mean) <= noiseBound * (variance / Double(max(count, 1))).squareRoot()
        guard !(coherent || noise) else { return nil }
        return "the derivation assumes zero-mean weights, and this draw has mean(W) = \(Wording.number(mean)) "
            + "against std(W) = \(Wording.number(variance.squareRoot()))"
    }
}
