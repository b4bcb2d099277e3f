import Tensor

/// Variance scaling: Var(W) = s / n with n = fan_in, fan_out or (fan_in + fan_out)/2, drawn
/// from one of three distributions. Keras `VarianceScaling(scale, mode, distribution)`:
/// - `truncated_normal`: N(0, σ²) with σ = √(s/n) / 0.87962566103423978, every draw beyond
///   ±2σ redrawn. 0.8796… is the std of a standard normal truncated at ±2, so the truncated
///   draws have std √(s/n) exactly as intended.
/// - `untruncated_normal`: N(0, s/n).
/// - `uniform`: U[−a, a), a = √(3s/n).
///
/// It names the whole fan-scaled family: Glorot is (1, fan_avg), He (2, fan_in), LeCun
/// (1, fan_in); Keras's own he_normal/lecun_normal/glorot_normal are the truncated ones.
/// Written out in full in its name, e.g. `variance_scaling(2,fan_in,truncated_normal)`;
/// Keras's defaults (1, fan_in, truncated_normal) fill in what a spec leaves out.
public struct VarianceScaling: Initializer, Equatable {
    public enum Distribution: String, Sendable, CaseIterable {
        case truncatedNormal = "truncated_normal"
        case untruncatedNormal = "untruncated_normal"
        case uniform
    }

    /// The std of N(0, 1) truncated to [−2, 2] (Keras's constant).
    public static let truncatedStdCorrection = 0.87962566103423978

    public let scale: Double
    public let mode: FanMode
    public let distribution: Distribution

    public init(scale: Double = 1, mode: FanMode = .fanIn, distribution: Distribution = .truncatedNormal) {
        precondition(scale > 0 && scale.isFinite, "VarianceScaling needs a finite scale > 0, got \(scale)")
        self.scale = scale
        self.mode = mode
        self.distribution = distribution
    }

    public var name: String {
        "variance_scaling(\(formatParameter(scale)),\(mode.rawValue),\(distribution.rawValue))"
    }
    public var label: String {
        "VarianceScaling(\(formatParameter(scale)), \(mode.rawValue), \(distribution.rawValue))"
    }
    public var formula: String {
        let s = formatParameter(scale), n = mode.rawValue
        switch distribution {
        case .truncatedNormal: return "W ~ N(0, σ²) redrawn beyond ±2σ, σ = √(\(s)/\(n))/0.8796 (std √(\(s)/\(n)))"
        case .untruncatedNormal: return "W ~ N(0, \(s)/\(n))"
        case .uniform: return "W ~ U[±√(3·\(s)/\(n))]"
        }
    }

    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        let variance = scale / max(mode.fan(of: weights), 1)
        switch distribution {
        case .truncatedNormal:
            let sigma = Float(variance.squareRoot() / Self.truncatedStdCorrection)
            let cut = 2 * sigma
            for i in 0..<weights.storage.count {
                var x = rng.normalFloat(std: sigma)
                while abs(x) > cut { x = rng.normalFloat(std: sigma) }
                weights.storage[i] = x
            }
        case .untruncatedNormal:
            fillNormal(&weights, std: Float(variance.squareRoot()), rng: &rng)
        case .uniform:
            let bound = Float((3 * variance).squareRoot())
            fillUniform(&weights, low: -bound, high: bound, rng: &rng)
        }
    }
}
