import Tensor

/// Xavier/Glorot uniform: W ~ U[-a, a), a = gain · √(6 / (fan_in + fan_out)), gain 1 unless
/// given. Keeps activation and gradient variance equal across layers for linear/tanh units.
/// Glorot & Bengio 2010; torch.nn.init.xavier_uniform_(w, gain).
///
/// Named `xavier_uniform` (gain 1, the numbers it always drew), `xavier_uniform(1.5)` (a
/// number) or `xavier_uniform(tanh)` (the gain table's entry, kept in the name and label).
public struct XavierUniform: Initializer, Equatable {
    public let gain: Double
    /// The nonlinearity the gain came from, if it was given by name.
    public let nonlinearity: Nonlinearity?

    public init(gain: Double = 1) {
        precondition(gain > 0 && gain.isFinite, "XavierUniform needs a finite gain > 0, got \(gain)")
        self.gain = gain
        self.nonlinearity = nil
    }

    public init(nonlinearity: Nonlinearity) {
        self.gain = nonlinearity.gain
        self.nonlinearity = nonlinearity
    }

    public var name: String { xavierName("xavier_uniform", gain: gain, nonlinearity: nonlinearity) }
    public var label: String { xavierLabel("Xavier uniform", gain: gain, nonlinearity: nonlinearity) }
    public var formula: String {
        "W ~ U[±\(xavierGainFactor(gain: gain, nonlinearity: nonlinearity))√(6/(fan_in+fan_out))]"
    }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        var bound = (6 / Float(weights.cols + weights.rows)).squareRoot()
        if gain != 1 { bound *= Float(gain) }
        fillUniform(&weights, low: -bound, high: bound, rng: &rng)
    }
}

/// `base`, `base(1.5)` or `base(tanh)`.
func xavierName(_ base: String, gain: Double, nonlinearity: Nonlinearity?) -> String {
    if let nonlinearity { return "\(base)(\(nonlinearity.name))" }
    return gain == 1 ? base : "\(base)(\(formatParameter(gain)))"
}

/// `Xavier uniform`, `Xavier uniform ×1.5` or `Xavier uniform (tanh)`.
func xavierLabel(_ base: String, gain: Double, nonlinearity: Nonlinearity?) -> String {
    if let nonlinearity { return "\(base) (\(nonlinearity.name))" }
    return gain == 1 ? base : "\(base) ×\(formatParameter(gain))"
}

/// The gain in front of a formula: "", "1.5·" or "5/3·".
func xavierGainFactor(gain: Double, nonlinearity: Nonlinearity?) -> String {
    if let nonlinearity { return nonlinearity.gainText == "1" ? "" : "\(nonlinearity.gainText)·" }
    return gain == 1 ? "" : "\(formatParameter(gain))·"
}
