import Tensor

/// He (Kaiming) uniform: W ~ U[−b, b), b = gain · √(3 / fan), so Var(W) = gain²/fan as for
/// `he_normal`; gain = √2 for ReLU; fan = fan_in (default) or fan_out. He et al. 2015;
/// torch.nn.init.kaiming_uniform_(w, mode=…, nonlinearity=…).
///
/// Named `he_uniform`, `he_uniform(fan_out)`, `he_uniform(fan_in,leaky_relu)` → written back
/// as `he_uniform(leaky_relu)`: defaults (fan_in, relu) are left out of the name. Note that
/// torch's nn.Linear default, kaiming_uniform_(a=√5), is U[±1/√fan_in], here `general_rule`.
public struct HeUniform: Initializer, Equatable {
    public let mode: FanMode
    public let nonlinearity: Nonlinearity

    public init(mode: FanMode = .fanIn, nonlinearity: Nonlinearity = .relu) {
        precondition(mode != .fanAvg, "He initialization takes fan_in or fan_out, not fan_avg")
        self.mode = mode
        self.nonlinearity = nonlinearity
    }

    public var name: String { heName("he_uniform", mode: mode, nonlinearity: nonlinearity) }
    public var label: String { heLabel("He uniform", mode: mode, nonlinearity: nonlinearity) }
    public var formula: String {
        mode == .fanIn && nonlinearity == .relu
            ? "W ~ U[±√(6/fan_in)]"
            : "W ~ U[±gain·√(3/\(mode.rawValue))], gain = \(nonlinearity.gainText) (\(nonlinearity.name))"
    }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        let bound = Float((3 * nonlinearity.gainSquared / mode.fan(of: weights)).squareRoot())
        fillUniform(&weights, low: -bound, high: bound, rng: &rng)
    }
}
