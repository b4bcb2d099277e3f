import Tensor

/// Constant: W = c. Like zeros and ones, every unit of a layer starts identical and stays so
/// (the symmetry problem); c sets how fast activations grow (by ~c·fan_in per layer).
/// torch.nn.init.constant_(w, c); Keras `Constant(c)`. `ones` keeps its own name.
public struct Constant: Initializer, Equatable {
    public let value: Double

    public init(_ value: Double) {
        precondition(value.isFinite, "Constant needs a finite value, got \(value)")
        self.value = value
    }

    public var name: String { "constant(\(formatParameter(value)))" }
    public var label: String { "constant \(formatParameter(value))" }
    public var formula: String { "W = \(formatParameter(value))" }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        let c = Float(value)
        for i in 0..<weights.storage.count { weights.storage[i] = c }
    }
}
