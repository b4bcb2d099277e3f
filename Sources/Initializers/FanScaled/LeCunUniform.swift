import Tensor

/// LeCun uniform: W ~ U[−a, a), a = √(3/fan_in), so Var(W) = 1/fan_in like `lecun_normal`.
/// LeCun et al. 1998; Keras `lecun_uniform`; torch.nn.init.kaiming_uniform_(w,
/// nonlinearity="linear").
public struct LeCunUniform: Initializer, Equatable {
    public init() {}
    public var name: String { "lecun_uniform" }
    public var label: String { "LeCun uniform" }
    public var formula: String { "W ~ U[±√(3/fan_in)]" }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        let bound = (3 / Float(weights.cols)).squareRoot()
        fillUniform(&weights, low: -bound, high: bound, rng: &rng)
    }
}
