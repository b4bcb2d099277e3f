import Tensor

/// Inverted dropout on hidden activations (Srivastava et al. 2014), as `torch.nn.Dropout(p)`:
/// in a training pass each activation is kept with probability 1 − p and then scaled by
/// 1/(1 − p), so its expected value is unchanged; evaluation and inspect passes skip it.
///
/// The mask is drawn from a generator the caller owns (the network's), one uniform Float per
/// element in row-major order: kept where u < 1 − p. Same generator state → same mask.
public struct Dropout: Sendable {
    /// Probability p of zeroing an activation, 0 ≤ p < 1.
    public let probability: Float

    public init(probability: Float) {
        precondition(probability >= 0 && probability < 1,
                     "Dropout probability must be in [0, 1), got \(probability)")
        self.probability = probability
    }

    /// 1/(1 − p): what a kept activation is multiplied by.
    public var keptScale: Float { 1 / (1 - probability) }

    // a (batch, n) → mask (batch, n) ∈ {0, 1/(1−p)} drawn from rng; out = a ⊙ mask (batch, n).
    public func forward(_ a: Matrix, mask: inout Matrix, into out: inout Matrix, rng: inout SeededGenerator) {
        precondition(mask.rows == a.rows && mask.cols == a.cols && out.rows == a.rows && out.cols == a.cols,
                     "Dropout forward: a (\(a.rows), \(a.cols)), mask (\(mask.rows), \(mask.cols)), out (\(out.rows), \(out.cols))")
        let keep = 1 - probability
        let scale = keptScale
        a.storage.withUnsafeBufferPointer { a in
            mask.storage.withUnsafeMutableBufferPointer { mask in
                out.storage.withUnsafeMutableBufferPointer { out in
                    for i in 0..<a.count {
                        let m: Float = rng.uniformFloat() < keep ? scale : 0
                        mask[i] = m
                        out[i] = a[i] * m
                    }
                }
            }
        }
    }

    // dOut (batch, n) → dA = dOut ⊙ mask (batch, n), in place.
    public func backward(mask: Matrix, gradient: inout Matrix) {
        precondition(mask.rows == gradient.rows && mask.cols == gradient.cols,
                     "Dropout backward: mask (\(mask.rows), \(mask.cols)), gradient (\(gradient.rows), \(gradient.cols))")
        mask.storage.withUnsafeBufferPointer { mask in
            gradient.storage.withUnsafeMutableBufferPointer { g in
                for i in 0..<g.count { g[i] *= mask[i] }
            }
        }
    }
}
