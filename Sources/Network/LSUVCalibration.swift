import Tensor

/// Layer-sequential unit-variance calibration (Mishkin & Matas 2015, "All you need is a good
/// init", Algorithm 1): starting from orthonormal weights, for each layer in order, forward a
/// batch, measure the variance of that layer's output and divide its W by the standard
/// deviation, until |Var − 1| < `tolerance` or `maxIterations` rescalings:
///
///     for l in layers:
///         v ← Var(u_l)  on the batch           u_l = x_l·W_lᵀ + b_l
///         while |v − 1| ≥ tolerance and iterations < maxIterations:
///             W_l ← W_l / √v ;  v ← Var(u_l)   (forward again)
///
/// Choices, and why:
/// - The measured output is the dense layer's own output u = x·Wᵀ + b — before BatchNorm
///   when it is on, and before the activation, as in the paper (its "output blob" of a
///   convolution / inner-product layer; the non-linearity is a separate layer) and in the
///   authors' Caffe and PyTorch code, which hook the Linear/Conv module's output.
/// - Every dense layer is calibrated, the output layer included, as the authors' reference
///   implementations (LSUVinit, LSUV-pytorch) and Algorithm 1 ("for each layer") do.
/// - Var is the population variance over all batch × units values, in Double.
/// - Passes run in `.inspect` mode: BatchNorm normalizes with batch statistics (what the first
///   training step sees) and its running statistics stay untouched; no dropout. (LSUV-pytorch
///   runs the model in eval mode, where fresh running statistics make BN nearly the identity.)
/// - Only W is scaled; biases are left as they are (the paper's algorithm; usually zero here).
/// - A layer whose output has zero variance (dead inputs, zero weights) cannot be rescaled to
///   1: it is left alone and reported as `.zeroVariance`, as is a non-finite variance
///   (`.nonFinite`); later layers are still calibrated.
///
/// Defaults tolerance 0.1 and 10 iterations are those of the reference implementations.
public struct LSUVCalibration: Sendable {
    public let tolerance: Double
    public let maxIterations: Int

    public init(tolerance: Double = 0.1, maxIterations: Int = 10) {
        precondition(tolerance > 0 && maxIterations >= 0,
                     "LSUV needs tolerance > 0 and maxIterations ≥ 0, got \(tolerance), \(maxIterations)")
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    /// What calibration did to one layer.
    public struct LayerResult: Sendable, Equatable, Hashable {
        public enum Outcome: String, Sendable, Codable, Equatable, Hashable {
            /// |Var − 1| < tolerance.
            case converged
            /// Still outside the tolerance after `maxIterations` rescalings.
            case iterationLimit
            /// The output had zero variance; W was left as it was.
            case zeroVariance
            /// The output's variance was NaN or infinite; W was left as it was.
            case nonFinite
        }

        /// Rescalings of W applied (0 when the layer was already within tolerance).
        public let iterations: Int
        /// Variance of the layer's output on the batch before the first rescaling.
        public let initialVariance: Double
        /// Variance after the last rescaling (the one the network now has).
        public let finalVariance: Double
        public let outcome: Outcome

        public init(iterations: Int, initialVariance: Double, finalVariance: Double, outcome: Outcome) {
            self.iterations = iterations
            self.initialVariance = initialVariance
            self.finalVariance = finalVariance
            self.outcome = outcome
        }
    }

    /// Calibrates `network`'s weights in place, layer by layer, on `inputs` (batch, features).
    /// The network's weights should already be orthonormal (or any other starting point);
    /// returns one result per dense layer.
    @discardableResult
    public func calibrate(_ network: MLP, on inputs: Matrix) -> [LayerResult] {
        precondition(inputs.cols == network.sizes[0] && inputs.rows > 0,
                     "LSUV: inputs (\(inputs.rows), \(inputs.cols)) for a network with \(network.sizes[0]) inputs")
        return network.layers.indices.map { l in
            func variance() -> Double { network.withDenseOutput(of: inputs, layer: l) { Self.variance($0.storage) } }
            let initial = variance()
            var current = initial
            var iterations = 0
            while true {
                guard current.isFinite else {
                    return LayerResult(iterations: iterations, initialVariance: initial, finalVariance: current, outcome: .nonFinite)
                }
                guard current > 0 else {
                    return LayerResult(iterations: iterations, initialVariance: initial, finalVariance: current, outcome: .zeroVariance)
                }
                if abs(current - 1) < tolerance {
                    return LayerResult(iterations: iterations, initialVariance: initial, finalVariance: current, outcome: .converged)
                }
                if iterations == maxIterations {
                    return LayerResult(iterations: iterations, initialVariance: initial, finalVariance: current, outcome: .iterationLimit)
                }
                let scale = Float(1 / current.squareRoot())
                network.layers[l].weight.storage.withUnsafeMutableBufferPointer { w in
                    for i in 0..<w.count { w[i] *= scale }
                }
                iterations += 1
                current = variance()
            }
        }
    }

    /// Population variance Σ(x − x̄)²/n, two passes in Double; 0 for no values.
    static func variance(_ values: [Float]) -> Double {
        guard !values.isEmpty else { return 0 }
        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
        return values.reduce(0.0) { let d = Double($1) - mean; return $0 + d * d } / Double(values.count)
    }
}
