extension Matrix {
    /// Triple-loop `op(a) · op(b)` in Double accumulation: the slow, obviously-correct
    /// reference that tests compare `gemm` against (llm.c's `matmul_forward_naive`).
    public static func referenceProduct(_ a: Matrix, _ transposeA: Transpose = .none,
                                        _ b: Matrix, _ transposeB: Transpose = .none) -> Matrix {
        let m = transposeA == .none ? a.rows : a.cols
        let k = transposeA == .none ? a.cols : a.rows
        let kB = transposeB == .none ? b.rows : b.cols
        let n = transposeB == .none ? b.cols : b.rows
        precondition(k == kB, "referenceProduct shapes: op(a) (\(m), \(k)) · op(b) (\(kB), \(n))")
        func elementA(_ i: Int, _ p: Int) -> Float { transposeA == .none ? a[i, p] : a[p, i] }
        func elementB(_ p: Int, _ j: Int) -> Float { transposeB == .none ? b[p, j] : b[j, p] }
        var c = Matrix(rows: m, cols: n)
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k { sum += Double(elementA(i, p)) * Double(elementB(p, j)) }
                c[i, j] = Float(sum)
            }
        }
        return c
    }
}

extension Matrix {
    /// Singular values, descending, by one-sided Jacobi (Hestenes 1958) in Double: rotate
    /// pairs of columns until every pair is orthogonal; the column norms are then the
    /// singular values. Slow (O(sweeps · n² · m)) and independent of LAPACK: the reference
    /// that tests compare `singularValues()` against (Demmel & Veselić 1992 show it is also
    /// accurate to high relative precision).
    public func referenceSingularValues() -> [Double] {
        // Work on the orientation with fewer columns: A and Aᵀ share their singular values.
        let tall = rows >= cols ? self : transposed()
        let m = tall.rows, n = tall.cols
        var columns = (0..<n).map { j in (0..<m).map { Double(tall[$0, j]) } }
        for _ in 0..<60 {
            var rotated = false
            for p in 0..<n {
                for q in (p + 1)..<Swift.max(p + 1, n) {
                    var alpha = 0.0, beta = 0.0, gamma = 0.0
                    for i in 0..<m {
                        alpha += columns[p][i] * columns[p][i]
                        beta += columns[q][i] * columns[q][i]
                        gamma += columns[p][i] * columns[q][i]
                    }
                    if gamma == 0 || abs(gamma) <= 1e-15 * (alpha * beta).squareRoot() { continue }
                    rotated = true
                    let zeta = (beta - alpha) / (2 * gamma)
                    let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot(), s = c * t
                    for i in 0..<m {
                        let bp = columns[p][i], bq = columns[q][i]
                        columns[p][i] = c * bp - s * bq
                        columns[q][i] = s * bp + c * bq
                    }
                }
            }
            if !rotated { break }
        }
        return columns.map { $0.reduce(0) { $0 + $1 * $1 }.squareRoot() }.sorted(by: >)
    }
}
