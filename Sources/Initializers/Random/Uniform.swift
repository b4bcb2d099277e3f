import Tensor

/// Uniform: W ~ U[low, high). torch.nn.init.uniform_(w, a=low, b=high).
/// The deep-learning course's experiment sweeps U[0,1), U[-1,1) and U[±0.1], U[±0.01],
/// U[±0.001] to show that both the centre and the scale matter.
public struct Uniform: Initializer, Equatable {
    public let low: Double
    public let high: Double

    public init(low: Double, high: Double) {
        precondition(low < high, "Uniform needs low < high, got [\(low), \(high))")
        self.low = low
        self.high = high
    }

    public var name: String { "uniform(\(formatParameter(low)),\(formatParameter(high)))" }
    public var label: String { "U[\(formatParameter(low)), \(formatParameter(high)))" }
    public var formula: String { "W ~ U[\(formatParameter(low)), \(formatParameter(high)))" }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        fillUniform(&weights, low: Float(low), high: Float(high), rng: &rng)
    }
}
