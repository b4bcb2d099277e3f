import Tensor

/// Small random: W = 0.01 · N(0, 1), i.e. W ~ N(0, 10⁻⁴) whatever the layer size. The
/// deep-learning course's default (`np.random.randn(n_out, n_in) * 0.01`; also CS231n's
/// "small random numbers"). Fine for shallow nets; in deep ones activations shrink by
/// ~0.01·√fan_in per layer and the gradients vanish.
///
/// Same numbers as `normal(0.01)` (same draws from the same seed's stream); it has its own
/// name so the course's baseline is recognisable in legends. Alias: `small_random`.
public struct SmallNormal: Initializer, Equatable {
    /// The fixed scale, 0.01.
    public static let scale = 0.01

    public init() {}
    public var name: String { "small_normal" }
    public var label: String { "0.01·N(0, 1)" }
    public var formula: String { "W = 0.01·N(0, 1), i.e. N(0, 10⁻⁴)" }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        fillNormal(&weights, std: Float(Self.scale), rng: &rng)
    }
}
