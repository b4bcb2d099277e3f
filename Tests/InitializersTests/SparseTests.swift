import Testing
import Tensor
import Initializers

/// `Sparse` against its definition: exactly k nonzero weights per unit (row), N(0, σ²).
@Suite struct SparseTests {
    static let specs: [(String, Int, Double)] = [("sparse(10)", 10, 0.01), ("sparse(15,1)", 15, 1), ("sparse(100,0.1)", 100, 0.1)]

    @Test(arguments: specs)
    func exactlyKNonzerosPerUnitWithStdSigma(_ spec: String, _ k: Int, _ sigma: Double) throws {
        let scheme = try InitializerSpec.parse(spec)
        var rng = SeededGenerator(seed: 21, stream: spec)
        let w = scheme.weights(fanIn: 512, fanOut: 256, rng: &rng)
        var nonzeros: [Double] = []
        for row in 0..<w.rows {
            let values = w.row(row).filter { $0 != 0 }
            #expect(values.count == k, "row \(row) has \(values.count) nonzeros")
            nonzeros += values.map(Double.init)
        }
        let n = Double(nonzeros.count)
        let mean = nonzeros.reduce(0, +) / n
        let variance = nonzeros.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        // N(0, σ²): standard errors σ/√n for the mean and σ²·√(2/n) for the variance.
        #expect(abs(mean) <= 5 * sigma / n.squareRoot(), "mean \(mean)")
        #expect(abs(variance - sigma * sigma) <= 5 * sigma * sigma * (2 / n).squareRoot(), "variance \(variance) vs \(sigma * sigma)")
    }

    @Test func unitsConnectToDifferentInputsEveryInputEquallyLikely() {
        var rng = SeededGenerator(seed: 3)
        let w = Sparse(count: 10).weights(fanIn: 100, fanOut: 1000, rng: &rng)
        var perColumn = [Int](repeating: 0, count: 100)
        var patterns = Set<[Int]>()
        for row in 0..<w.rows {
            let columns = (0..<w.cols).filter { w[row, $0] != 0 }
            patterns.insert(columns)
            for c in columns { perColumn[c] += 1 }
        }
        #expect(patterns.count > 990, "rows should pick their own inputs")
        // 10,000 connections over 100 inputs: 100 each, binomial sd ≈ 9.5.
        #expect(perColumn.allSatisfy { abs($0 - 100) <= 50 }, "\(perColumn)")
    }

    @Test func kBeyondFanInFillsEveryWeight() {
        var rng = SeededGenerator(seed: 4)
        let w = Sparse(count: 20, std: 1).weights(fanIn: 8, fanOut: 4, rng: &rng)
        #expect(w.storage.allSatisfy { $0 != 0 })
    }

    @Test func sameSeedSameWeights() {
        var a = SeededGenerator(seed: 5), b = SeededGenerator(seed: 5)
        #expect(Sparse(count: 3).weights(fanIn: 30, fanOut: 20, rng: &a) == Sparse(count: 3).weights(fanIn: 30, fanOut: 20, rng: &b))
    }
}
