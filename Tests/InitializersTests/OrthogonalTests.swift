import Testing
import Tensor
import Initializers

/// `Orthogonal` against its definition: orthonormal rows or columns times the gain, every
/// singular value equal to the gain, and torch.nn.init.orthogonal_'s recipe (draw order and
/// the sign fix that makes R's diagonal positive).
@Suite struct OrthogonalTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        let fanOut: Int, fanIn: Int
        var testDescription: String { "(\(fanOut), \(fanIn))" }
    }

    static let shapes: [Shape] = [
        Shape(fanOut: 1, fanIn: 1), Shape(fanOut: 10, fanIn: 10), Shape(fanOut: 128, fanIn: 128),  // square
        Shape(fanOut: 50, fanIn: 20), Shape(fanOut: 10, fanIn: 1), Shape(fanOut: 784, fanIn: 64),   // tall
        Shape(fanOut: 20, fanIn: 50), Shape(fanOut: 1, fanIn: 10), Shape(fanOut: 256, fanIn: 784), // wide
    ]

    @Test(arguments: shapes, [1.0, 2.0.squareRoot(), 3.0])
    func gramMatrixIsGainSquaredTimesIdentity(_ shape: Shape, _ gain: Double) {
        var rng = SeededGenerator(seed: 5, stream: "orthogonal", index: shape.fanOut * 1000 + shape.fanIn)
        let w = Orthogonal(gain: gain).weights(fanIn: shape.fanIn, fanOut: shape.fanOut, rng: &rng)
        #expect(w.rows == shape.fanOut && w.cols == shape.fanIn)
        // fanOut ≤ fanIn: orthonormal rows, W·Wᵀ; otherwise orthonormal columns, Wᵀ·W.
        let gram = shape.fanOut <= shape.fanIn ? w.matmul(w, transposeOther: .transposed)
                                               : w.matmul(w, transposeSelf: .transposed)
        let size = min(shape.fanOut, shape.fanIn)
        var expected = Matrix(rows: size, cols: size)
        for i in 0..<size { expected[i, i] = Float(gain * gain) }
        // Float QR and products: measured ≤ 1e-6·g² up to 784 × 256.
        let error = gram.maxAbsDifference(expected)
        #expect(Double(error) <= 1e-5 * gain * gain, "‖gram − g²I‖_max = \(error)")
        // So every singular value is the gain.
        #expect(w.singularValues().allSatisfy { abs(Double($0) - gain) <= 1e-5 * gain })
    }

    @Test(arguments: [Shape(fanOut: 30, fanIn: 12), Shape(fanOut: 12, fanIn: 30), Shape(fanOut: 16, fanIn: 16)])
    func followsTorchRecipe(_ shape: Shape) {
        // Re-draw the same N(0, 1) matrix torch would fill row by row, and check W against it.
        var rng = SeededGenerator(seed: 8)
        let w = Orthogonal().weights(fanIn: shape.fanIn, fanOut: shape.fanOut, rng: &rng)
        var replay = SeededGenerator(seed: 8)
        var draws = Matrix(rows: shape.fanOut, cols: shape.fanIn)
        for i in 0..<draws.count { draws.storage[i] = replay.normalFloat() }
        // Exactly fanOut·fanIn normals were consumed: the streams are in step afterwards.
        #expect(rng.next() == replay.next())
        // Tall orientation: A = Q·R with Q = W (or Wᵀ when wide), so R = QᵀA, upper
        // triangular with a positive diagonal after the sign fix.
        let wide = shape.fanOut < shape.fanIn
        let q = wide ? w.transposed() : w
        let a = wide ? draws.transposed() : draws
        let r = q.matmul(a, transposeSelf: .transposed)
        for j in 0..<r.cols { #expect(r[j, j] > 0, "R[\(j), \(j)] = \(r[j, j])") }
        var below: Float = 0
        for i in 0..<r.rows { for j in 0..<i { below = max(below, abs(r[i, j])) } }
        #expect(below <= 1e-5, "largest |R[i,j]| below the diagonal: \(below)")
    }

    @Test func sameSeedSameWeightsOtherSeedOtherWeights() {
        let scheme = Orthogonal(gain: 1.5)
        var a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3), c = SeededGenerator(seed: 4)
        let first = scheme.weights(fanIn: 40, fanOut: 24, rng: &a)
        #expect(first == scheme.weights(fanIn: 40, fanOut: 24, rng: &b))
        #expect(first != scheme.weights(fanIn: 40, fanOut: 24, rng: &c))
    }

    @Test func emptyShapeDrawsNothing() {
        var rng = SeededGenerator(seed: 1), untouched = SeededGenerator(seed: 1)
        let w = Orthogonal().weights(fanIn: 0, fanOut: 5, rng: &rng)
        #expect(w.rows == 5 && w.cols == 0)
        #expect(rng.next() == untouched.next())
    }
}
