import Testing
import Tensor
import Initializers

/// `LSUV`'s part in this module: an orthonormal fill, the same draws as `orthogonal`, and the
/// settings the Network's calibration loop reads through `DataDependentInitializer`.
@Suite struct LSUVTests {
    static let shapes: [(Int, Int)] = [(64, 64), (256, 512), (512, 256), (10, 1), (1, 10)]

    @Test(arguments: shapes)
    func fillIsOrthonormal(_ fanOut: Int, _ fanIn: Int) {
        var rng = SeededGenerator(seed: 7, stream: "lsuv", index: fanOut * 1000 + fanIn)
        let w = LSUV().weights(fanIn: fanIn, fanOut: fanOut, rng: &rng)
        // fanOut ≤ fanIn: W·Wᵀ = I; otherwise WᵀW = I.
        let gram = fanOut <= fanIn ? w.matmul(w, transposeOther: .transposed) : w.matmul(w, transposeSelf: .transposed)
        let size = min(fanOut, fanIn)
        var identity = Matrix(rows: size, cols: size)
        for i in 0..<size { identity[i, i] = 1 }
        #expect(gram.maxAbsDifference(identity) <= 1e-5)
    }

    @Test func drawsWhatOrthogonalDraws() {
        var a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3)
        #expect(LSUV(tolerance: 0.05, maxIterations: 3).weights(fanIn: 30, fanOut: 20, rng: &a)
                == Orthogonal().weights(fanIn: 30, fanOut: 20, rng: &b))
    }

    static let settings: [(String, Double, Int)] = [("lsuv", 0.1, 10), ("lsuv(0.05,20)", 0.05, 20), ("lsuv(0.2)", 0.2, 10)]

    @Test(arguments: settings)
    func isDataDependentWithItsSettings(_ spec: String, _ tolerance: Double, _ rounds: Int) throws {
        let scheme = try InitializerSpec.parse(spec)
        let dataDependent = try #require(scheme as? any DataDependentInitializer)
        #expect(dataDependent.tolerance == tolerance && dataDependent.maxIterations == rounds)
    }

    @Test func otherSchemesAreNotDataDependent() throws {
        for spec in ["orthogonal", "he_normal", "zero_init"] {
            #expect(try InitializerSpec.parse(spec) as? any DataDependentInitializer == nil)
        }
    }
}
