import Testing
import Tensor
import TestSupport

@Suite struct MatrixBLASTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let m: Int, k: Int, n: Int
        let transposeA: Transpose, transposeB: Transpose
        var testDescription: String { "(\(m)×\(k))·(\(k)×\(n)) \(transposeA)/\(transposeB)" }
    }

    static let cases: [Case] = {
        var all: [Case] = []
        let shapes = [(1, 1, 1), (3, 5, 2), (17, 33, 9), (128, 784, 10), (64, 7, 129)]
        for (m, k, n) in shapes {
            for ta in [Transpose.none, .transposed] {
                for tb in [Transpose.none, .transposed] { all.append(Case(m: m, k: k, n: n, transposeA: ta, transposeB: tb)) }
            }
        }
        return all
    }()

    @Test(arguments: cases)
    func gemmMatchesNaiveReference(_ c: Case) {
        var rng = SeededGenerator(seed: UInt64(c.m * 1000 + c.k * 10 + c.n))
        let a = c.transposeA == .none ? Matrix.random(rows: c.m, cols: c.k, rng: &rng)
                                      : Matrix.random(rows: c.k, cols: c.m, rng: &rng)
        let b = c.transposeB == .none ? Matrix.random(rows: c.k, cols: c.n, rng: &rng)
                                      : Matrix.random(rows: c.n, cols: c.k, rng: &rng)
        let fast = a.matmul(b, transposeSelf: c.transposeA, transposeOther: c.transposeB)
        let slow = Matrix.referenceProduct(a, c.transposeA, b, c.transposeB)
        #expect(fast.rows == c.m && fast.cols == c.n)
        // Float accumulation of k products of magnitude ≤ 1: error grows like k · ε.
        #expect(fast.maxAbsDifference(slow) <= Float(c.k) * 2e-7 + 1e-6)
    }

    @Test func gemmAccumulatesWithAlphaAndBeta() {
        let a = Matrix([[1, 2], [3, 4]])
        let b = Matrix([[5, 6], [7, 8]])
        var c = Matrix([[1, 1], [1, 1]])
        Matrix.gemm(a, .none, b, .none, alpha: 2, beta: 3, into: &c)
        // a·b = [[19, 22], [43, 50]]; 2·ab + 3·1
        #expect(c == Matrix([[41, 47], [89, 103]]))
    }

    @Test func emptyInnerDimensionGivesScaledC() {
        let a = Matrix(rows: 2, cols: 0)
        let b = Matrix(rows: 0, cols: 3)
        var c = Matrix(rows: 2, cols: 3, repeating: 4)
        Matrix.gemm(a, .none, b, .none, beta: 0.5, into: &c)
        #expect(c == Matrix(rows: 2, cols: 3, repeating: 2))
    }

    /// Products run on one BLAS thread from the first call on, whoever pinned it (or not).
    @Test func theFirstProductRunsSingleThreaded() {
        var c = Matrix(rows: 2, cols: 2)
        Matrix.gemm(Matrix(rows: 2, cols: 2, repeating: 1), .none, Matrix(rows: 2, cols: 2, repeating: 1), .none, into: &c)
        #expect(BLAS.threadCount == 1)
    }

    @Test func blasReportsItsKernelAndThreads() {
        #expect(!BLAS.coreName.isEmpty)
        BLAS.setThreadCount(1)
        #expect(BLAS.threadCount == 1)
    }

    @Test(arguments: [(1, 3), (5, 1), (7, 9), (256, 784)])
    func upperGramIsTheProductsUpperTriangle(_ rows: Int, _ cols: Int) {
        var rng = SeededGenerator(seed: UInt64(rows * 1000 + cols))
        let w = Matrix(rows: rows, cols: cols, storage: (0..<(rows * cols)).map { _ in rng.normalFloat() })
        let full = w.matmul(w, transposeOther: .transposed)
        let upper = w.upperGram()
        for i in 0..<rows {
            for j in 0..<rows {
                if j >= i {
                    #expect(abs(upper[i, j] - full[i, j]) <= 1e-4 * max(1, abs(full[i, j])), "(\(i), \(j))")
                } else {
                    #expect(upper[i, j] == 0)
                }
            }
        }
    }
}
