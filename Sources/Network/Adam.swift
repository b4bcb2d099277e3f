#if canImport(Glibc)
import Glibc
#endif

/// Adam (Kingma & Ba 2015) with bias correction, computed as torch.optim.Adam does:
///
///     m ← β1·m + (1−β1)·g          v ← β2·v + (1−β2)·g²
///     θ ← θ − (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + ε)
public struct Adam: Optimizer {
    public let learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    /// Number of updates taken so far (t in the formula).
    public private(set) var step = 0
    // First and second moments, two slots per layer: weight then bias.
    private var m: [[Float]]
    private var v: [[Float]]

    public init(layers: [Dense], learningRate: Float = 1e-3, beta1: Float = 0.9,
                beta2: Float = 0.999, epsilon: Float = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        let shapes = layers.flatMap { [$0.weight.count, $0.bias.count] }
        m = shapes.map { [Float](repeating: 0, count: $0) }
        v = m
    }

    public mutating func update(_ layers: inout [Dense]) {
        precondition(m.count == layers.count * 2, "Adam was built for \(m.count / 2) layers, got \(layers.count)")
        step += 1
        let correction1 = 1 - pow(Double(beta1), Double(step))
        let correction2 = 1 - pow(Double(beta2), Double(step))
        let stepSize = Float(Double(learningRate) / correction1)
        let correction2Root = Float(correction2.squareRoot())
        for l in layers.indices {
            apply(&layers[l].weight.storage, gradient: layers[l].dWeight.storage, slot: 2 * l,
                  stepSize: stepSize, correction2Root: correction2Root)
            apply(&layers[l].bias, gradient: layers[l].dBias, slot: 2 * l + 1,
                  stepSize: stepSize, correction2Root: correction2Root)
        }
    }

    private mutating func apply(_ parameters: inout [Float], gradient: [Float], slot: Int,
                                stepSize: Float, correction2Root: Float) {
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in
                m[slot].withUnsafeMutableBufferPointer { m in
                    v[slot].withUnsafeMutableBufferPointer { v in
                        for i in 0..<p.count {
                            let gi = g[i]
                            let mi = m[i] + (1 - b1) * (gi - m[i])  // torch: exp_avg.lerp_(grad, 1-β1)
                            let vi = b2 * v[i] + (1 - b2) * gi * gi
                            m[i] = mi
                            v[i] = vi
                            p[i] -= stepSize * mi / (vi.squareRoot() / correction2Root + eps)
                        }
                    }
                }
            }
        }
    }
}
