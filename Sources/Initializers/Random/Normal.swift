import Tensor

/// Normal: W ~ N(0, σ²). torch.nn.init.normal_(w, mean=0, std=σ).
public struct Normal: Initializer, Equatable {
    public let std: Double

    public init(std: Double) {
        precondition(std > 0, "Normal needs σ > 0, got \(std)")
        self.std = std
    }

    public var name: String { "normal(\(formatParameter(std)))" }
    public var label: String { "N(0, \(formatParameter(std))²)" }
    public var formula: String { "W ~ N(0, σ²), σ = \(formatParameter(std))" }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        fillNormal(&weights, std: Float(std), rng: &rng)
    }
}
