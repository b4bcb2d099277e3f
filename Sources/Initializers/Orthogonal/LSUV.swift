import Tensor

/// LSUV, layer-sequential unit-variance (Mishkin & Matas 2015, "All you need is a good init"):
/// 1. pre-initialize every layer with an orthonormal matrix (Saxe et al. 2014);
/// 2. then, layer by layer from the input, run a data batch forward and divide the layer's W
///    by √Var(output) until |Var(output) − 1| < tolerance or `maxIterations` rounds are done.
///
/// This type does step 1 only: `fill` draws exactly what `orthogonal` (gain 1) draws from the
/// same generator. Step 2 needs the network and data, so the Network module runs it for any
/// `DataDependentInitializer`. The paper's defaults: tolerance 0.1, at most 10 rounds.
/// Named `lsuv`, or `lsuv(tol,max_iter)` when either differs from the defaults, e.g.
/// `lsuv(0.05,20)`; `lsuv(tol)` alone keeps max_iter = 10.
public struct LSUV: DataDependentInitializer, Equatable {
    public static let defaultTolerance = 0.1
    public static let defaultMaxIterations = 10

    public let tolerance: Double
    public let maxIterations: Int

    public init(tolerance: Double = LSUV.defaultTolerance, maxIterations: Int = LSUV.defaultMaxIterations) {
        precondition(tolerance > 0 && tolerance.isFinite, "LSUV needs a finite tolerance > 0, got \(tolerance)")
        precondition(maxIterations >= 1, "LSUV needs maxIterations ≥ 1, got \(maxIterations)")
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    private var isDefault: Bool {
        tolerance == Self.defaultTolerance && maxIterations == Self.defaultMaxIterations
    }
    public var name: String { isDefault ? "lsuv" : "lsuv(\(formatParameter(tolerance)),\(maxIterations))" }
    public var label: String { isDefault ? "LSUV" : "LSUV (tol \(formatParameter(tolerance)), ≤\(maxIterations) rounds)" }
    public var formula: String {
        "W = Q orthonormal, then per layer W ← W/√Var(z) on a data batch until |Var(z) − 1| < \(formatParameter(tolerance)) (≤ \(maxIterations) rounds)"
    }
    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        Orthogonal(gain: 1).fill(&weights, rng: &rng)
    }
}
