import Testing
import Tensor
import Initializers

/// `ZerO` (Zhao et al. 2021, Algorithm 1): deterministic, partial identity when
/// fan_out ≤ fan_in, a normalized Hadamard block otherwise, full rank min(fan_out, fan_in).
@Suite struct ZerOTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        let fanOut: Int, fanIn: Int
        var testDescription: String { "(\(fanOut), \(fanIn))" }
    }

    static let shapes: [Shape] = [
        Shape(fanOut: 1, fanIn: 1), Shape(fanOut: 64, fanIn: 64), Shape(fanOut: 10, fanIn: 784),     // identity
        Shape(fanOut: 2, fanIn: 1), Shape(fanOut: 5, fanIn: 4), Shape(fanOut: 100, fanIn: 99),       // Hadamard
        Shape(fanOut: 300, fanIn: 100), Shape(fanOut: 512, fanIn: 256), Shape(fanOut: 784, fanIn: 64),
        Shape(fanOut: 129, fanIn: 128),
    ]

    @Test(arguments: shapes)
    func deterministicAndFullRank(_ shape: Shape) {
        var a = SeededGenerator(seed: 1), b = SeededGenerator(seed: 99), untouched = SeededGenerator(seed: 1)
        let w = ZerO().weights(fanIn: shape.fanIn, fanOut: shape.fanOut, rng: &a)
        #expect(w == ZerO().weights(fanIn: shape.fanIn, fanOut: shape.fanOut, rng: &b), "independent of the generator")
        #expect(a.next() == untouched.next(), "draws nothing")
        let singular = w.singularValues()
        #expect(singular.count == min(shape.fanOut, shape.fanIn))
        // Full rank; the smallest singular value over these shapes is 1/√32 ≈ 0.18 at (100, 99).
        #expect(singular.allSatisfy { $0 > 0.1 && $0 <= 1 + 1e-5 }, "singular values \(singular.min()!)…\(singular.max()!)")
    }

    @Test(arguments: shapes.filter { $0.fanOut <= $0.fanIn })
    func notWiderIsExactlyThePartialIdentity(_ shape: Shape) {
        var rng = SeededGenerator(seed: 1)
        let w = ZerO().weights(fanIn: shape.fanIn, fanOut: shape.fanOut, rng: &rng)
        #expect(w == Identity().weights(fanIn: shape.fanIn, fanOut: shape.fanOut, rng: &rng))
    }

    @Test(arguments: shapes.filter { $0.fanOut > $0.fanIn })
    func widerIsTheNormalizedHadamardBlock(_ shape: Shape) {
        var rng = SeededGenerator(seed: 1)
        let w = ZerO().weights(fanIn: shape.fanIn, fanOut: shape.fanOut, rng: &rng)
        var p = 1
        while p < shape.fanOut { p *= 2 }
        // Sylvester's H_p by doubling [[H, H], [H, −H]], independent of the popcount formula.
        var h: [[Float]] = [[1]]
        while h.count < p { h = h.map { row in row + row } + h.map { row in row + row.map { -$0 } } }
        let scale = 1 / Float(p).squareRoot()
        for i in 0..<shape.fanOut { for j in 0..<shape.fanIn { #expect(w[i, j] == h[i][j] * scale) } }
    }

    @Test(arguments: [Shape(fanOut: 512, fanIn: 256), Shape(fanOut: 64, fanIn: 3), Shape(fanOut: 2, fanIn: 1)])
    func powerOfTwoFanOutHasOrthonormalColumns(_ shape: Shape) {
        var rng = SeededGenerator(seed: 1)
        let w = ZerO().weights(fanIn: shape.fanIn, fanOut: shape.fanOut, rng: &rng)
        let gram = w.matmul(w, transposeSelf: .transposed)
        var identity = Matrix(rows: shape.fanIn, cols: shape.fanIn)
        for i in 0..<shape.fanIn { identity[i, i] = 1 }
        #expect(gram.maxAbsDifference(identity) <= 1e-5)
    }
}
