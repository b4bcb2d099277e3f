import Tensor

/// Xavier/Glorot uniform: W ~ U[-a, a), a = gain · √(6 / (fan_in + fan_out)), gain 1.
/// Keeps activation and gradient variance equal across layers for linear/tanh units.
/// Glorot & Bengio 2010; torch.nn.init.xavier_uniform_.
public struct XavierUniform: Initializer {
    public init() {}
    public var name: String { "xavier_uniform" }
    public var label: String { "Xavier uniform" }
    public var formula: String { "W ~ U[±√(6/(fan_in+fan_out))]" }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        let bound = (6 / Float(weights.cols + weights.rows)).squareRoot()
        fillUniform(&weights, low: -bound, high: bound, rng: &rng)
    }
}
