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
