import Tensor

/// The "general rule": W ~ U[-1/√fan_in, 1/√fan_in), so a unit's pre-activation variance
/// does not grow with its number of inputs. The deep-learning course's rule of thumb
/// (y = 1/√n); also PyTorch's nn.Linear default range for the bias.
public struct GeneralRule: Initializer, Equatable {
    public init() {}
    public var name: String { "general_rule" }
    public var label: String { "U[±1/√fan_in]" }
    public var formula: String { "W ~ U[-1/√fan_in, 1/√fan_in)" }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        let bound = 1 / Float(weights.cols).squareRoot()
        fillUniform(&weights, low: -bound, high: bound, rng: &rng)
    }
}
