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
        BLAS.pinByDefault()
        let ta = transposeA == .none ? CblasNoTrans : CblasTrans
        let tb = transposeB == .none ? CblasNoTrans : CblasTrans
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    // β = 0: zero c with memset and accumulate onto it (β = 1). OpenBLAS zeroes
                    // c itself with its generic sgemm_beta loop, 4% of a training run's time;
                    // its kernel then adds onto the zeros either way, so the result is the same.
                    if beta == 0 { pc.update(repeating: 0) }
                    cblas_sgemm(CblasRowMajor, ta, tb, Int32(m), Int32(n), Int32(k), alpha,
                                pa.baseAddress, Int32(a.cols), pb.baseAddress, Int32(b.cols),
                                beta == 0 ? 1 : beta, pc.baseAddress, Int32(c.cols))
                }
            }
        }
    }

    /// The Gram matrix `self · selfᵀ` (rows, rows) — every pair of rows' dot product — with
    /// only the diagonal and the upper triangle (column ≥ row) filled; the rest is 0. Through
    /// `cblas_ssyrk`, half the multiply-adds of the full product.
    public func upperGram() -> Matrix {
        var c = Matrix(rows: rows, cols: rows)
        if rows == 0 || cols == 0 { return c }
        BLAS.pinByDefault()
        storage.withUnsafeBufferPointer { pa in
            c.storage.withUnsafeMutableBufferPointer { pc in
                cblas_ssyrk(CblasRowMajor, CblasUpper, CblasNoTrans, Int32(rows), Int32(cols), 1,
                            pa.baseAddress, Int32(cols), 0, pc.baseAddress, Int32(rows))
            }
        }
        return c
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

// MARK: - LAPACK (Fortran routines exported by libopenblas; prototypes in Sources/CBLAS/shim.h)
//
// LAPACK is column-major: it reads our row-major (rows, cols) storage as the transpose, a
// (cols, rows) matrix with leading dimension `cols`. Each routine is called twice: once with
// lwork = -1 to ask for its optimal workspace, then for real.

extension Matrix {
    /// All min(rows, cols) singular values σ₁ ≥ σ₂ ≥ … ≥ σₖ ≥ 0 of this matrix, descending.
    ///
    /// Through LAPACK `sgesdd` (divide and conquer) with jobz = 'N' (values only). LAPACK sees
    /// the row-major storage as Aᵀ, whose singular values are those of A.
    /// - An empty matrix (0 rows or 0 columns) has none: returns `[]`.
    /// - A matrix holding NaN or ±Inf, or a failure reported by LAPACK (info ≠ 0: the
    ///   bidiagonal SVD did not converge), gives min(rows, cols) NaNs instead of a crash, so a
    ///   probe of a diverged run records "unknown" and training goes on.
    public func singularValues() -> [Float] {
        let count = Swift.min(rows, cols)
        if count == 0 { return [] }
        let failed = [Float](repeating: .nan, count: count)
        guard isFinite else { return failed }
        precondition(rows <= Int(Int32.max) && cols <= Int(Int32.max),
                     "singularValues: (\(rows), \(cols)) exceeds LAPACK's 32-bit sizes")
        var jobz = CChar(UInt8(ascii: "N"))
        var m = Int32(cols), n = Int32(rows), lda = Int32(cols)
        var ldu: Int32 = 1, ldvt: Int32 = 1  // u and vt are not referenced when jobz = 'N'
        var unusedU: Float = 0, unusedVT: Float = 0
        var a = storage  // sgesdd overwrites its input
        var s = [Float](repeating: 0, count: count)
        var iwork = [Int32](repeating: 0, count: 8 * count)
        var info: Int32 = 0

        func run(_ work: inout [Float], _ lwork: Int32) {
            var lwork = lwork
            BLAS.pinByDefault()
            a.withUnsafeMutableBufferPointer { pa in
                s.withUnsafeMutableBufferPointer { ps in
                    iwork.withUnsafeMutableBufferPointer { pi in
                        work.withUnsafeMutableBufferPointer { pw in
                            sgesdd_(&jobz, &m, &n, pa.baseAddress, &lda, ps.baseAddress,
                                    &unusedU, &ldu, &unusedVT, &ldvt, pw.baseAddress, &lwork,
                                    pi.baseAddress, &info, 1)
                        }
                    }
                }
            }
        }

        var query = [Float](repeating: 0, count: 1)
        run(&query, -1)
        guard info == 0 else { return failed }
        // Documented minimum for jobz = 'N': 3·mn + max(mx, 7·mn).
        let minimum = 3 * count + Swift.max(Swift.max(rows, cols), 7 * count)
        var work = [Float](repeating: 0, count: Self.workspaceSize(query: query[0], minimum: minimum))
        run(&work, Int32(work.count))
        guard info == 0 else { return failed }
        return s
    }

    /// Thin QR of a tall or square matrix (rows ≥ cols): A = Q·R, Q (rows, cols) with
    /// orthonormal columns (QᵀQ = I), R (cols, cols) upper triangular.
    ///
    /// Through LAPACK `sgeqrf` (Householder reflections) then `sorgqr` (forms Q's columns).
    /// Returns Q and R's diagonal with the signs LAPACK chose; R itself is Qᵀ·A. QR is
    /// unique only up to those signs: torch.nn.init.orthogonal_ multiplies Q's columns by
    /// sign(diag R) to fix them. rows < cols is a programmer error (QR the transpose instead).
    /// A matrix holding NaN or ±Inf gives an all-NaN Q and diagonal. These routines fail only
    /// on an illegal argument, i.e. a bug in this wrapper, which stops with a precondition.
    public func qrOrthonormal() -> (q: Matrix, rDiagonal: [Float]) {
        precondition(rows >= cols, "qrOrthonormal needs rows ≥ cols, got (\(rows), \(cols)); factor the transpose")
        precondition(rows <= Int(Int32.max), "qrOrthonormal: (\(rows), \(cols)) exceeds LAPACK's 32-bit sizes")
        if cols == 0 { return (Matrix(rows: rows, cols: 0), []) }
        guard isFinite else {
            return (Matrix(rows: rows, cols: cols, repeating: .nan), [Float](repeating: .nan, count: cols))
        }
        var m = Int32(rows), n = Int32(cols), k = Int32(cols), lda = Int32(rows)
        var a = transposed().storage  // column-major A: (rows, cols), leading dimension rows
        var tau = [Float](repeating: 0, count: cols)
        var info: Int32 = 0

        func factor(_ work: inout [Float], _ lwork: Int32) {
            var lwork = lwork
            BLAS.pinByDefault()
            a.withUnsafeMutableBufferPointer { pa in
                tau.withUnsafeMutableBufferPointer { pt in
                    work.withUnsafeMutableBufferPointer { pw in
                        sgeqrf_(&m, &n, pa.baseAddress, &lda, pt.baseAddress, pw.baseAddress, &lwork, &info)
                    }
                }
            }
        }
        func formQ(_ work: inout [Float], _ lwork: Int32) {
            var lwork = lwork
            a.withUnsafeMutableBufferPointer { pa in
                tau.withUnsafeBufferPointer { pt in
                    work.withUnsafeMutableBufferPointer { pw in
                        sorgqr_(&m, &n, &k, pa.baseAddress, &lda, pt.baseAddress, pw.baseAddress, &lwork, &info)
                    }
                }
            }
        }
        func check(_ routine: String) {
            precondition(info == 0, "\(routine) rejected argument \(-info) for a (\(rows), \(cols)) matrix")
        }

        var query = [Float](repeating: 0, count: 1)
        factor(&query, -1); check("sgeqrf")
        let factorSize = Self.workspaceSize(query: query[0], minimum: cols)
        formQ(&query, -1); check("sorgqr")
        let formSize = Self.workspaceSize(query: query[0], minimum: cols)
        var work = [Float](repeating: 0, count: Swift.max(factorSize, formSize))

        factor(&work, Int32(work.count)); check("sgeqrf")
        let diagonal = (0..<cols).map { a[$0 * rows + $0] }  // R's diagonal, before sorgqr overwrites it
        formQ(&work, Int32(work.count)); check("sorgqr")
        // Column-major Q (rows, cols) is row-major Qᵀ (cols, rows).
        return (Matrix(rows: cols, cols: rows, storage: a).transposed(), diagonal)
    }

    /// A workspace length from a LAPACK size query, which returns it as a Float (exact only
    /// up to 2²⁴): rounded up with a little slack, and never below the documented minimum.
    private static func workspaceSize(query: Float, minimum: Int) -> Int {
        let asked = Double(query) * (1 + 4 * Double(Float.ulpOfOne))
        let size = asked.isFinite && asked < Double(Int32.max) ? Int(asked.rounded(.up)) : minimum
        return Swift.max(1, minimum, size)
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
        pinByDefault()
        openblas_set_num_threads(Int32(count))
    }

    /// OpenBLAS starts with a thread per core, and its results differ in the last bits
    /// between 1 and 2 threads. Every call here runs on one thread unless `setThreadCount`
    /// said otherwise, so a product never depends on whether some other code had pinned the
    /// count yet (tests run in one process and in parallel). Runs once, before the first call.
    private static let singleThreadByDefault: Void = openblas_set_num_threads(1)

    static func pinByDefault() { _ = singleThreadByDefault }
}
