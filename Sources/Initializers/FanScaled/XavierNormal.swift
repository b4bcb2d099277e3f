import Tensor

/// Xavier/Glorot normal: W ~ N(0, σ²), σ = gain · √(2 / (fan_in + fan_out)), gain 1 unless
/// given. The normal twin of `XavierUniform` (same variance): keeps activation and gradient
/// variance equal across layers for linear/tanh units. Glorot & Bengio 2010;
/// torch.nn.init.xavier_normal_(w, gain).
///
/// Named `xavier_normal` (gain 1, the numbers it always drew), `xavier_normal(1.5)` or
/// `xavier_normal(tanh)`.
public struct XavierNormal: Initializer, Equatable {
    public let gain: Double
    /// The nonlinearity the gain came from, if it was given by name.
    public let nonlinearity: Nonlinearity?

    public init(gain: Double = 1) {
        precondition(gain > 0 && gain.isFinite, "XavierNormal needs a finite gain > 0, got \(gain)")
        self.gain = gain
        self.nonlinearity = nil
    }

    public init(nonlinearity: Nonlinearity) {
        self.gain = nonlinearity.gain
        self.nonlinearity = nonlinearity
    }

    public var name: String { xavierName("xavier_normal", gain: gain, nonlinearity: nonlinearity) }
    public var label: String { xavierLabel("Xavier normal", gain: gain, nonlinearity: nonlinearity) }
    public var formula: String {
        let factor = xavierGainFactor(gain: gain, nonlinearity: nonlinearity)
        return factor.isEmpty ? "W ~ N(0, 2/(fan_in+fan_out))" : "W ~ N(0, σ²), σ = \(factor)√(2/(fan_in+fan_out))"
    }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        var std = (2 / Float(weights.cols + weights.rows)).squareRoot()
        if gain != 1 { std *= Float(gain) }
        fillNormal(&weights, std: std, rng: &rng)
    }
}
