import Tensor

/// Xavier/Glorot normal: W ~ N(0, σ²), σ = gain · √(2 / (fan_in + fan_out)), gain 1.
/// The normal twin of `XavierUniform` (same variance): keeps activation and gradient variance
/// equal across layers for linear/tanh units. Glorot & Bengio 2010; torch.nn.init.xavier_normal_.
public struct XavierNormal: Initializer {
    public init() {}
    public var name: String { "xavier_normal" }
    public var label: String { "Xavier normal" }
    public var formula: String { "W ~ N(0, 2/(fan_in+fan_out))" }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        fillNormal(&weights, std: (2 / Float(weights.cols + weights.rows)).squareRoot(), rng: &rng)
    }
}
