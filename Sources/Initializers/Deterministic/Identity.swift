import Tensor

/// Identity / partial identity: W[i, i] = 1 for i < min(fan_out, fan_in), every other entry 0.
/// A square layer starts as the identity map; a wide one (fan_out < fan_in) keeps the first
/// fan_out inputs; a tall one copies all inputs and leaves the extra units at 0.
/// torch.nn.init.eye_; Keras `Identity`. Deterministic: draws nothing from `rng`.
public struct Identity: Initializer, Equatable {
    public init() {}
    public var name: String { "identity" }
    public var label: String { "identity" }
    public var formula: String { "W = I (partial identity: W[i,i] = 1 for i < min(fan_out, fan_in), else 0)" }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        fillPartialIdentity(&weights)
    }
}

/// W[i, i] = 1 for i < min(rows, cols), every other entry 0.
func fillPartialIdentity(_ weights: inout Matrix) {
    for i in 0..<weights.storage.count { weights.storage[i] = 0 }
    for i in 0..<min(weights.rows, weights.cols) { weights[i, i] = 1 }
}
