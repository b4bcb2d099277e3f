import Tensor

/// Orthogonal: W = gain · Q, where Q (fanOut, fanIn) has orthonormal rows when
/// fanOut ≤ fanIn (W·Wᵀ = gain²·I) and orthonormal columns otherwise (Wᵀ·W = gain²·I).
/// Every singular value of W is `gain`, so a linear layer preserves norms exactly.
/// Saxe et al. 2014; torch.nn.init.orthogonal_(w, gain).
///
/// As in torch: draw A (fanOut, fanIn) ~ N(0, 1) element by element in row-major order;
/// transpose it if fanOut < fanIn so it is tall; thin QR, A = Q·R (LAPACK sgeqrf + sorgqr);
/// multiply Q's column j by sign(R[j, j]), which makes Q uniformly (Haar) distributed
/// (Mezzadri 2007); transpose back; scale by `gain`. One difference: torch's sign(0) = 0
/// would zero a column; here it counts as +1 (R[j, j] = 0 has probability 0 anyway).
public struct Orthogonal: Initializer, Equatable {
    public let gain: Double

    public init(gain: Double = 1) {
        precondition(gain > 0 && gain.isFinite, "Orthogonal needs a finite gain > 0, got \(gain)")
        self.gain = gain
    }

    public var name: String { gain == 1 ? "orthogonal" : "orthogonal(\(formatParameter(gain)))" }
    public var label: String { gain == 1 ? "Orthogonal" : "Orthogonal ×\(formatParameter(gain))" }
    public var formula: String {
        gain == 1 ? "W = Q, Q orthonormal rows/columns (QR of N(0, 1))"
                  : "W = g·Q, Q orthonormal rows/columns (QR of N(0, 1)), g = \(formatParameter(gain))"
    }

    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        let rows = weights.rows, cols = weights.cols
        if rows == 0 || cols == 0 { return }
        var draws = Matrix(rows: rows, cols: cols)
        fillNormal(&draws, std: 1, rng: &rng)
        let wide = rows < cols
        let (q, rDiagonal) = (wide ? draws.transposed() : draws).qrOrthonormal()  // q (max, min)
        let g = Float(gain)
        var scaled = q
        for j in 0..<q.cols {
            let factor = rDiagonal[j] < 0 ? -g : g
            for i in 0..<q.rows { scaled[i, j] = q[i, j] * factor }
        }
        weights.storage = (wide ? scaled.transposed() : scaled).storage
    }
}
