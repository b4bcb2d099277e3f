import Tensor

/// He (Kaiming) normal: W ~ N(0, gain² / fan), gain = √2 for ReLU, which zeroes half of its
/// inputs; fan = fan_in (default: keeps the forward variance) or fan_out (keeps the backward
/// variance). He et al. 2015; torch.nn.init.kaiming_normal_(w, mode=…, nonlinearity=…).
///
/// Plain `he_normal` is fan_in with relu and draws exactly what it always drew:
/// std = √(2/fan_in) computed in Float. Named `he_normal(fan_out)`, `he_normal(tanh)`,
/// `he_normal(fan_out,leaky_relu(0.2))`: defaults are left out of the name. torch's
/// default nonlinearity is leaky_relu with a = 0, the same gain √2 as relu; here
/// `leaky_relu` alone means slope 0.01, as in the Network and calculate_gain.
public struct HeNormal: Initializer, Equatable {
    public let mode: FanMode
    public let nonlinearity: Nonlinearity

    public init(mode: FanMode = .fanIn, nonlinearity: Nonlinearity = .relu) {
        precondition(mode != .fanAvg, "He initialization takes fan_in or fan_out, not fan_avg")
        self.mode = mode
        self.nonlinearity = nonlinearity
    }

    public var name: String { heName("he_normal", mode: mode, nonlinearity: nonlinearity) }
    public var label: String { heLabel("He normal", mode: mode, nonlinearity: nonlinearity) }
    public var formula: String {
        mode == .fanIn && nonlinearity == .relu
            ? "W ~ N(0, 2/fan_in)"
            : "W ~ N(0, gain²/\(mode.rawValue)), gain = \(nonlinearity.gainText) (\(nonlinearity.name))"
    }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        // relu: Float(2) / Float(fan_in), exactly the original he_normal's arithmetic.
        let std = (Float(nonlinearity.gainSquared) / Float(mode.fan(of: weights))).squareRoot()
        fillNormal(&weights, std: std, rng: &rng)
    }
}

/// `base`, or `base(mode,nonlinearity)` with the defaults (fan_in, relu) left out.
func heName(_ base: String, mode: FanMode, nonlinearity: Nonlinearity) -> String {
    var parts: [String] = []
    if mode != .fanIn { parts.append(mode.rawValue) }
    if nonlinearity != .relu { parts.append(nonlinearity.name) }
    return parts.isEmpty ? base : "\(base)(\(parts.joined(separator: ",")))"
}

/// `He normal`, or `He normal (fan_out, tanh)` with the defaults left out.
func heLabel(_ base: String, mode: FanMode, nonlinearity: Nonlinearity) -> String {
    var parts: [String] = []
    if mode != .fanIn { parts.append(mode.rawValue) }
    if nonlinearity != .relu { parts.append(nonlinearity.name) }
    return parts.isEmpty ? base : "\(base) (\(parts.joined(separator: ", ")))"
}
