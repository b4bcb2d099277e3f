#if canImport(Glibc)
import Glibc
#endif

/// Adam (Kingma & Ba 2015) with bias correction, computed as torch.optim.Adam does:
///
///     g ← g + λ·θ   (weight decay λ, the L2 form — not AdamW; skipped when λ = 0)
///     m ← β1·m + (1−β1)·g          v ← β2·v + (1−β2)·g²
///     θ ← θ − (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + ε)
public struct Adam: Optimizer {
    public let learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    public let weightDecay: Float
    /// Number of updates taken so far (t in the formula).
    public private(set) var step = 0
    // First and second moments per slot (see `Optimizer`); a slot first seen on a step
    // starts at zero.
    private var m: [[Float]] = []
    private var v: [[Float]] = []
    // Per-step constants, set by beginStep.
    private var stepSize: Float = 0
    private var correction2Root: Float = 1
    /// Whether the AVX kernel may run where the CPU has it (tests turn it off to compare).
    var allowsAVX = true

    /// Moments are allocated on the first step for each tensor.
    public init(learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// Sizes the moments of `layers`' weights and biases up front (slots 0 ..< 2·layers).
    public init(layers: [Dense], learningRate: Float = 1e-3, beta1: Float = 0.9,
                beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.init(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay)
        m = layers.flatMap { [$0.weight.count, $0.bias.count] }.map { [Float](repeating: 0, count: $0) }
        v = m
    }

    public mutating func beginStep() {
        step += 1
        let correction1 = 1 - pow(Double(beta1), Double(step))
        let correction2 = 1 - pow(Double(beta2), Double(step))
        stepSize = Float(Double(learningRate) / correction1)
        correction2Root = Float(correction2.squareRoot())
    }

    public mutating func update(slot: Int, parameters: inout [Float], gradient: [Float]) {
        precondition(slot <= m.count, "Adam: slot \(slot) skips slots \(m.count)..<\(slot)")
        if slot == m.count {
            m.append([Float](repeating: 0, count: parameters.count))
            v.append([Float](repeating: 0, count: parameters.count))
        }
        precondition(m[slot].count == parameters.count && gradient.count == parameters.count,
                     "Adam slot \(slot): state for \(m[slot].count) values, \(parameters.count) parameters, \(gradient.count) gradients")
        let (b1, b2, eps, wd) = (beta1, beta2, epsilon, weightDecay)
        let (stepSize, correction2Root) = (stepSize, correction2Root)
        let useAVX = allowsAVX
        parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in
                m[slot].withUnsafeMutableBufferPointer { m in
                    v[slot].withUnsafeMutableBufferPointer { v in
                        guard let pp = p.baseAddress, let gp = g.baseAddress, let mp = m.baseAddress, let vp = v.baseAddress else { return }
                        // Eight lanes at a time (the scalar loop did not vectorise: the compiler
                        // cannot prove the four arrays apart), each lane the same IEEE operations
                        // in the same order as the scalar tail, so results are bit for bit equal.
                        let count = p.count, wide = count - count % 8
                        // Eight AVX lanes when the CPU has them, else two SSE halves; either
                        // way the same operations per lane.
                        var i = !useAVX ? 0 : Adam.updateWithAVX(pp, gp, mp, vp, count: count, constants: (b1, b2, eps, wd, stepSize, correction2Root))
                        while i < wide {
                            let (pi, gi0) = (load8(pp + i), load8(gp + i))
                            let gi = wd == 0 ? gi0 : gi0 + wd * pi
                            let mi = load8(mp + i) + (1 - b1) * (gi - load8(mp + i))  // torch: exp_avg.lerp_(grad, 1-β1)
                            let vi = b2 * load8(vp + i) + (1 - b2) * gi * gi
                            store8(mi, mp + i)
                            store8(vi, vp + i)
                            store8(pi - stepSize * mi / (laneSquareRoot(vi) / correction2Root + eps), pp + i)
                            i += 8
                        }
                        while i < count {
                            let gi = wd == 0 ? gp[i] : gp[i] + wd * pp[i]
                            let mi = mp[i] + (1 - b1) * (gi - mp[i])
                            let vi = b2 * vp[i] + (1 - b2) * gi * gi
                            mp[i] = mi
                            vp[i] = vi
                            pp[i] -= stepSize * mi / (vi.squareRoot() / correction2Root + eps)
                            i += 1
                        }
                    }
                }
            }
        }
    }
}

@inline(__always)
private func load8(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
private func load8(_ pointer: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
private func store8(_ value: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Float>.self)
}
