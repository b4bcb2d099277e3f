import Tensor

/// Truncated normal: W ~ N(0, σ²) with every draw beyond ±2σ redrawn (TensorFlow's
/// `truncated_normal`, the course's choice). The truncated variance is ≈ 0.7737·σ².
///
/// Note: torch.nn.init.trunc_normal_(w, std=σ) cuts at the *absolute* bounds a=-2, b=2 by
/// default, not at ±2σ; to match this scheme in PyTorch pass a=-2σ, b=2σ.
public struct TruncatedNormal: Initializer, Equatable {
    public let std: Double

    public init(std: Double) {
        precondition(std > 0, "TruncatedNormal needs σ > 0, got \(std)")
        self.std = std
    }

    public var name: String { "truncated_normal(\(formatParameter(std)))" }
    public var label: String { "truncated N(0, \(formatParameter(std))²)" }
    public var formula: String { "W ~ N(0, σ²) redrawn beyond ±2σ, σ = \(formatParameter(std))" }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        let sigma = Float(std)
        let cut = 2 * sigma
        for i in 0..<weights.storage.count {
            var x = rng.normalFloat(std: sigma)
            while abs(x) > cut { x = rng.normalFloat(std: sigma) }
            weights.storage[i] = x
        }
    }
}
