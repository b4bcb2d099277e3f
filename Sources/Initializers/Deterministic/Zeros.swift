import Tensor

/// Zeros: W = 0. Every unit of a layer computes the same function and receives the same
/// gradient, so gradient descent can never make them differ (the symmetry problem).
/// torch.nn.init.zeros_.
public struct Zeros: Initializer, Equatable {
    public init() {}
    public var name: String { "zeros" }
    public var label: String { "zeros" }
    public var formula: String { "W = 0" }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        for i in 0..<weights.storage.count { weights.storage[i] = 0 }
    }
}
