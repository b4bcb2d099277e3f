import Tensor

/// He (Kaiming) normal, fan_in mode: W ~ N(0, 2/fan_in), i.e. gain √2 for ReLU, which
/// zeroes half of its inputs. He et al. 2015; torch.nn.init.kaiming_normal_(w,
/// mode="fan_in", nonlinearity="relu").
public struct HeNormal: Initializer {
    public init() {}
    public var name: String { "he_normal" }
    public var label: String { "He normal" }
    public var formula: String { "W ~ N(0, 2/fan_in)" }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        fillNormal(&weights, std: (2 / Float(weights.cols)).squareRoot(), rng: &rng)
    }
}
