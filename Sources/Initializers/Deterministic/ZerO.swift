import Tensor

/// ZerO: a deterministic initialization with only zeros and ones, up to one normalization
/// factor (Zhao, Schäfer & Anandkumar 2021, "ZerO Initialization: Initializing Neural
/// Networks with only Zeros and Ones", Algorithm 1, for a fully connected layer).
///
/// With m = fan_out and n = fan_in:
/// - m ≤ n: W = I* (m, n), the partial identity W[i, i] = 1 for i < m, else 0
///   (exactly `identity`; rank m, full row rank).
/// - m > n: with p = 2^⌈log₂ m⌉, W = I*(m, p) · H_p / √p · I*(p, n), i.e.
///   W[i, j] = (−1)^popcount(i AND j) / √p for i < m, j < n: the top-left (m, n) block of the
///   Sylvester–Hadamard matrix H_p, normalized so H_p / √p is orthogonal. This is what the
///   authors' reference code (`ZerO_Init_on_matrix`, "Algorithm 1 in the paper") computes.
///   The Hadamard transform is what the paper uses instead of a partial identity when the
///   dimension increases, so the extra units do not start as copies of zero and the layer
///   does not lose rank ("training degeneracy").
///
/// Rank: W has full rank min(m, n) for every shape. m ≤ n is the identity block. For m > n
/// the rows i < p/2 of H_p's first n columns are orthogonal when n ≤ p/2; when n > p/2,
/// subtracting the first p/2 columns from the rest reduces to the same question one size down,
/// so the rank is n by induction (checked with singular values in the tests). When m = p
/// (a power of two) the columns are exactly orthonormal: WᵀW = I. Otherwise the singular
/// values lie in (0, 1], e.g. 1/√2 … √3/2 for (300, 100).
///
/// Deterministic: never draws from `rng`; every seed gives the same W. Not implemented:
/// Algorithm 2 (convolutions) and the paper's ResNet-specific choices (zeroed last layer of
/// each residual block).
public struct ZerO: Initializer, Equatable {
    public init() {}
    public var name: String { "zero_init" }
    public var label: String { "ZerO" }
    public var formula: String {
        "W = I* if fan_out ≤ fan_in, else W[i,j] = (−1)^popcount(i∧j)/√p, p = 2^⌈log₂ fan_out⌉ (Hadamard block)"
    }

    public func fill(_ weights: inout Matrix, rng: inout SeededGenerator) {
        let m = weights.rows, n = weights.cols
        guard m > n else { fillPartialIdentity(&weights); return }
        var p = 1
        while p < m { p *= 2 }
        let entry = Float(1 / Double(p).squareRoot())
        for i in 0..<m {
            for j in 0..<n {
                weights[i, j] = (i & j).nonzeroBitCount % 2 == 0 ? entry : -entry
            }
        }
    }
}
