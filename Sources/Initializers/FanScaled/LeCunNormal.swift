import Tensor

/// LeCun normal: W ~ N(0, 1/fan_in), gain 1: keeps the pre-activation variance for linear
/// units, and with SELU gives self-normalizing networks. LeCun et al. 1998 ("Efficient
/// BackProp"); Klambauer et al. 2017; torch.nn.init.kaiming_normal_(w, nonlinearity="linear").
///
/// Keras's `lecun_normal` is the *truncated* variant (VarianceScaling(1, fan_in,
/// truncated_normal)); here that is `variance_scaling(1,fan_in,truncated_normal)`.
public struct LeCunNormal: Initializer, Equatable {
    public init() {}
    public var name: String { "lecun_normal" }
    public var label: String { "LeCun normal" }
    public var formula: String { "W ~ N(0, 1/fan_in)" }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        fillNormal(&weights, std: (1 / Float(weights.cols)).squareRoot(), rng: &rng)
    }
}
