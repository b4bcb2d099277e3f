import Foundation
import Testing
import Tensor
import TestSupport

/// `singularValues()` and `qrOrthonormal()` (LAPACK through OpenBLAS) against matrices whose
/// factors are known, and against the one-sided Jacobi reference in Double.
@Suite struct MatrixLAPACKTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        let rows: Int, cols: Int
        var testDescription: String { "(\(rows), \(cols))" }
    }

    /// Largest |σᵢ − expectedᵢ| over the lists (which must have the same length).
    func maxDifference(_ values: [Float], _ expected: [Double]) -> Double {
        zip(values, expected).map { abs(Double($0) - $1) }.max() ?? 0
    }

    func rotation2(_ angle: Double) -> Matrix {
        let c = Float(cos(angle)), s = Float(sin(angle))
        return Matrix([[c, -s], [s, c]])
    }

    func rotation3(about axis: Int, _ angle: Double) -> Matrix {
        var r = Matrix(rows: 3, cols: 3)
        let (i, j) = ((axis + 1) % 3, (axis + 2) % 3)
        r[axis, axis] = 1
        r[i, i] = Float(cos(angle)); r[i, j] = Float(-sin(angle))
        r[j, i] = Float(sin(angle)); r[j, j] = Float(cos(angle))
        return r
    }

    // MARK: singular values

    struct DiagonalCase: Sendable, CustomTestStringConvertible {
        let rows: Int, cols: Int
        let diagonal: [Float]
        var testDescription: String { "(\(rows), \(cols)) diag \(diagonal)" }
    }

    static let diagonals: [DiagonalCase] = [
        DiagonalCase(rows: 1, cols: 1, diagonal: [-2.5]),
        DiagonalCase(rows: 4, cols: 4, diagonal: [1, 1, 1, 1]),
        DiagonalCase(rows: 4, cols: 4, diagonal: [0.5, -3, 0, 2]),
        DiagonalCase(rows: 3, cols: 5, diagonal: [1e-3, 7, -4]),
        DiagonalCase(rows: 6, cols: 2, diagonal: [2, 9]),
    ]

    @Test(arguments: diagonals)
    func diagonalMatrixGivesSortedAbsoluteDiagonal(_ c: DiagonalCase) {
        var a = Matrix(rows: c.rows, cols: c.cols)
        for (i, d) in c.diagonal.enumerated() { a[i, i] = d }
        let expected = c.diagonal.map { Double(abs($0)) }.sorted(by: >)
        let sigma = a.singularValues()
        #expect(sigma.count == expected.count)
        #expect(maxDifference(sigma, expected) <= 1e-6 * (expected.first ?? 1), "σ \(sigma) vs \(expected)")
    }

    @Test func rotationsTimesDiagonalKeepTheDiagonal() {
        // 2×2: R(0.7) · diag(5, 0.25)
        let a2 = rotation2(0.7).matmul(Matrix([[5, 0], [0, 0.25]]))
        #expect(maxDifference(a2.singularValues(), [5, 0.25]) <= 5e-6)
        // 3×3: R_z(0.3) · diag(4, 2, 0.5) · R_x(1.1)ᵀ
        let d = Matrix([[4, 0, 0], [0, 2, 0], [0, 0, 0.5]])
        let a3 = rotation3(about: 2, 0.3).matmul(d).matmul(rotation3(about: 0, 1.1), transposeOther: .transposed)
        #expect(maxDifference(a3.singularValues(), [4, 2, 0.5]) <= 4e-6)
    }

    @Test func rankOneMatrixHasOneNonzeroValue() {
        let u: [Float] = [1, -2, 0.5, 3, 0, 1.5], v: [Float] = [2, 1, -1, 0.25]
        var a = Matrix(rows: u.count, cols: v.count)
        for i in u.indices { for j in v.indices { a[i, j] = u[i] * v[j] } }
        let norm = { (x: [Float]) in x.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot() }
        let sigma = a.singularValues()
        #expect(sigma.count == 4)
        #expect(abs(Double(sigma[0]) - norm(u) * norm(v)) <= 1e-6 * norm(u) * norm(v))
        #expect(sigma.dropFirst().allSatisfy { Double($0) <= 1e-6 * norm(u) * norm(v) }, "\(sigma)")
    }

    static let randomShapes: [Shape] = [
        Shape(rows: 1, cols: 1), Shape(rows: 1, cols: 7), Shape(rows: 7, cols: 1), Shape(rows: 5, cols: 5),
        Shape(rows: 20, cols: 13), Shape(rows: 13, cols: 20), Shape(rows: 64, cols: 33), Shape(rows: 33, cols: 64),
        Shape(rows: 128, cols: 100),
    ]

    @Test(arguments: randomShapes)
    func randomMatrixMatchesJacobiReference(_ shape: Shape) {
        var rng = SeededGenerator(seed: UInt64(shape.rows * 100 + shape.cols))
        let a = Matrix.random(rows: shape.rows, cols: shape.cols, rng: &rng)
        let sigma = a.singularValues()
        let reference = a.referenceSingularValues()
        #expect(sigma.count == min(shape.rows, shape.cols))
        #expect(zip(sigma, sigma.dropFirst()).allSatisfy { $0 >= $1 }, "not descending: \(sigma)")
        #expect(sigma.allSatisfy { $0 >= 0 })
        let top = reference.first ?? 1
        // Float SVD is backward stable: each σ is off by a small multiple of ε·σ_max that
        // grows slowly with the size (measured: ≤ 10ε·σ_max up to 256×784). Allow 4ε·√max(m, n).
        let tolerance = 4 * Double(Float.ulpOfOne) * Double(max(shape.rows, shape.cols)).squareRoot() * top
        #expect(maxDifference(sigma, reference) <= tolerance, "σ \(sigma.prefix(4)) vs \(reference.prefix(4))")
        // Σσ² = ‖A‖_F².
        let frobenius2 = a.storage.reduce(0.0) { $0 + Double($1) * Double($1) }
        let sum2 = sigma.reduce(0.0) { $0 + Double($1) * Double($1) }
        #expect(abs(sum2 - frobenius2) <= 1e-5 * frobenius2)
        // Aᵀ has the same singular values.
        #expect(maxDifference(a.transposed().singularValues(), reference) <= tolerance)
    }

    @Test func emptyMatrixHasNoSingularValues() {
        #expect(Matrix(rows: 0, cols: 3).singularValues().isEmpty)
        #expect(Matrix(rows: 3, cols: 0).singularValues().isEmpty)
        #expect(Matrix(rows: 0, cols: 0).singularValues().isEmpty)
    }

    @Test func zeroMatrixHasZeroSingularValues() {
        #expect(Matrix(rows: 4, cols: 6).singularValues() == [0, 0, 0, 0])
    }

    @Test func nonFiniteMatrixGivesNaNs() {
        var a = Matrix(rows: 3, cols: 5, repeating: 1)
        a[1, 2] = .nan
        let sigma = a.singularValues()
        #expect(sigma.count == 3 && sigma.allSatisfy { $0.isNaN })
        a[1, 2] = .infinity
        #expect(a.singularValues().allSatisfy { $0.isNaN })
    }

    // MARK: QR

    static let qrShapes: [Shape] = [
        Shape(rows: 1, cols: 1), Shape(rows: 5, cols: 5), Shape(rows: 7, cols: 3), Shape(rows: 40, cols: 1),
        Shape(rows: 50, cols: 20), Shape(rows: 256, cols: 256), Shape(rows: 300, cols: 100),
    ]

    @Test(arguments: qrShapes)
    func qrHasOrthonormalColumnsAndReproducesA(_ shape: Shape) {
        var rng = SeededGenerator(seed: UInt64(shape.rows * 1000 + shape.cols))
        let a = Matrix.random(rows: shape.rows, cols: shape.cols, rng: &rng)
        let (q, rDiagonal) = a.qrOrthonormal()
        #expect(q.rows == shape.rows && q.cols == shape.cols && rDiagonal.count == shape.cols)

        // Householder QR in Float: measured ‖QᵀQ − I‖_max ≤ 1e-6 and ‖QR − A‖_max ≤ 3e-6 up to
        // 256×256 (entries of A in [-1, 1)); 1e-5 leaves room for other OpenBLAS kernels.
        var identity = Matrix(rows: shape.cols, cols: shape.cols)
        for i in 0..<shape.cols { identity[i, i] = 1 }
        let gram = q.matmul(q, transposeSelf: .transposed)
        #expect(gram.maxAbsDifference(identity) <= 1e-5, "‖QᵀQ − I‖_max = \(gram.maxAbsDifference(identity))")

        // R = QᵀA is upper triangular with LAPACK's diagonal, and Q·R gives A back.
        let r = q.matmul(a, transposeSelf: .transposed)
        var below: Float = 0
        for i in 0..<r.rows { for j in 0..<i { below = max(below, abs(r[i, j])) } }
        #expect(below <= 1e-5, "largest |R[i,j]| below the diagonal: \(below)")
        let diagonalError = (0..<shape.cols).map { abs(r[$0, $0] - rDiagonal[$0]) }.max() ?? 0
        #expect(diagonalError <= 1e-5 * Float(shape.rows).squareRoot())
        #expect(rDiagonal.allSatisfy { $0 != 0 })  // a random matrix has full column rank
        #expect(q.matmul(r).maxAbsDifference(a) <= 1e-5)
    }

    @Test func qrOfNoColumnsIsEmpty() {
        let (q, rDiagonal) = Matrix(rows: 4, cols: 0).qrOrthonormal()
        #expect(q.rows == 4 && q.cols == 0 && rDiagonal.isEmpty)
    }

    @Test func qrOfNonFiniteMatrixIsNaN() {
        var a = Matrix(rows: 4, cols: 2, repeating: 1)
        a[3, 1] = -.infinity
        let (q, rDiagonal) = a.qrOrthonormal()
        #expect(q.storage.allSatisfy { $0.isNaN } && rDiagonal.allSatisfy { $0.isNaN } && rDiagonal.count == 2)
    }
}
