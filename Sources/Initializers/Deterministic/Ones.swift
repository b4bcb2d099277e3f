import Tensor

/// Ones: W = 1. Like zeros, a constant init leaves every unit of a layer identical forever;
/// unlike zeros, activations grow by ~fan_in per layer, so the loss starts huge.
/// torch.nn.init.ones_.
public struct Ones: Initializer, Equatable {
    public init() {}
    public var name: String { "ones" }
    public var label: String { "ones" }
    public var formula: String { "W = 1" }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        for i in 0..<weights.storage.count { weights.storage[i] = 1 }
    }
}
