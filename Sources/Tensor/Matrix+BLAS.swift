import CBLAS

/// Whether a `gemm` operand is used as stored or transposed.
public enum Transpose: Sendable {
    case none
    case transposed
}

extension Matrix {
    /// `c = alpha · op(a) · op(b) + beta · c` through OpenBLAS `cblas_sgemm` (row-major).
    ///
    /// Shapes: op(a) (m, k) · op(b) (k, n) → c (m, n). A mismatch is a programmer error.
    public static func gemm(_ a: Matrix, _ transposeA: Transpose = .none,
                            _ b: Matrix, _ transposeB: Transpose = .none,
                            alpha: Float = 1, beta: Float = 0, into c: inout Matrix) {
        let m = transposeA == .none ? a.rows : a.cols
        let k = transposeA == .none ? a.cols : a.rows
        let kB = transposeB == .none ? b.rows : b.cols
        let n = transposeB == .none ? b.cols : b.rows
        precondition(k == kB && c.rows == m && c.cols == n,
                     "gemm shapes: op(a) (\(m), \(k)) · op(b) (\(kB), \(n)) → c (\(c.rows), \(c.cols))")
        if m == 0 || n == 0 { return }
        if k == 0 {  // empty inner dimension: the product is zero
            for i in 0..<c.storage.count { c.storage[i] *= beta }
            return
        }
        let ta = transposeA == .none ? CblasNoTrans : CblasTrans
        let tb = transposeB == .none ? CblasNoTrans : CblasTrans
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    cblas_sgemm(CblasRowMajor, ta, tb, Int32(m), Int32(n), Int32(k), alpha,
                                pa.baseAddress, Int32(a.cols), pb.baseAddress, Int32(b.cols),
                                beta, pc.baseAddress, Int32(c.cols))
                }
            }
        }
    }

    /// `op(self) · op(other)` as a new matrix.
    public func matmul(_ other: Matrix, transposeSelf: Transpose = .none,
                       transposeOther: Transpose = .none) -> Matrix {
        let m = transposeSelf == .none ? rows : cols
        let n = transposeOther == .none ? other.cols : other.rows
        var c = Matrix(rows: m, cols: n)
        Matrix.gemm(self, transposeSelf, other, transposeOther, into: &c)
        return c
    }
}

/// Facts about, and controls of, the OpenBLAS library linked into this binary.
public enum BLAS {
    /// The kernel OpenBLAS selected for this CPU, e.g. "Haswell" (honours OPENBLAS_CORETYPE).
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// OpenBLAS build configuration string, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY …".
    public static var configuration: String {
        guard let config = openblas_get_config() else { return "unknown" }
        return String(cString: config)
    }

    /// Threads OpenBLAS uses inside one call.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Pins the threads OpenBLAS uses inside one call. The runner pins 1 and runs
    /// independent trainings in parallel instead: results then do not depend on `--jobs`.
    public static func setThreadCount(_ count: Int) {
        precondition(count >= 1, "BLAS thread count must be ≥ 1, got \(count)")
        openblas_set_num_threads(Int32(count))
    }
}
