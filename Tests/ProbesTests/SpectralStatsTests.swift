import Foundation
import Testing
import Tensor
import Probes
import TestSupport

/// Spectral statistics of weight matrices whose singular values are known.
@Suite struct SpectralStatsTests {
    @Test(arguments: [1, 5, 64])
    func identityIsPerfectlyConditioned(_ n: Int) {
        var w = Matrix(rows: n, cols: n)
        for i in 0..<n { w[i, i] = 1 }
        let stats = SpectralStats(weight: w)
        #expect(abs(stats.spectralNorm - 1) <= 1e-6)
        #expect(abs(stats.stableRank - Double(n)) <= 1e-5 * Double(n))
        #expect(abs(stats.conditionNumber - 1) <= 1e-6)
    }

    @Test func zeroAndEmptyMatricesAreDegenerateNotNaN() {
        let zero = SpectralStats(weight: Matrix(rows: 3, cols: 4))
        #expect(zero == SpectralStats(spectralNorm: 0, stableRank: 0, conditionNumber: .infinity))
        #expect(SpectralStats(weight: Matrix(rows: 0, cols: 4)) == zero)
        #expect(SpectralStats(weight: Matrix(rows: 5, cols: 0)) == zero)
    }

    @Test func diagonalThreeTwoOne() {
        let stats = SpectralStats(weight: Matrix([[3, 0, 0], [0, -2, 0], [0, 0, 1]]))
        #expect(abs(stats.spectralNorm - 3) <= 1e-6)
        #expect(abs(stats.stableRank - 14.0 / 9) <= 1e-6)
        #expect(abs(stats.conditionNumber - 3) <= 1e-6)
    }

    @Test func rotatingTheDiagonalChangesNothing() {
        // W = R · diag(3, 2, 1), R a rotation by 0.4 rad in the (0, 1) plane then 1.3 in (1, 2).
        let c1 = Float(cos(0.4)), s1 = Float(sin(0.4)), c2 = Float(cos(1.3)), s2 = Float(sin(1.3))
        let r = Matrix([[1, 0, 0], [0, c2, -s2], [0, s2, c2]]).matmul(Matrix([[c1, -s1, 0], [s1, c1, 0], [0, 0, 1]]))
        let stats = SpectralStats(weight: r.matmul(Matrix([[3, 0, 0], [0, 2, 0], [0, 0, 1]])))
        #expect(abs(stats.spectralNorm - 3) <= 1e-5)
        #expect(abs(stats.stableRank - 14.0 / 9) <= 1e-5)
        #expect(abs(stats.conditionNumber - 3) <= 1e-5)
    }

    @Test func rankOneHasStableRankOne() {
        // u vᵀ with ‖u‖ = 3 (u = (1, 2, 2)), ‖v‖ = 5 (v = (3, 0, 4, 0)): σ = (15, 0, 0).
        let u: [Float] = [1, 2, 2], v: [Float] = [3, 0, 4, 0]
        var w = Matrix(rows: 3, cols: 4)
        for i in 0..<3 { for j in 0..<4 { w[i, j] = u[i] * v[j] } }
        let stats = SpectralStats(weight: w)
        #expect(abs(stats.spectralNorm - 15) <= 1e-5)
        #expect(abs(stats.stableRank - 1) <= 1e-6)
        // σ_min is 0 in exact arithmetic; a Float SVD leaves at most a few ε·σ_max.
        #expect(stats.conditionNumber >= 1e5, "condition number \(stats.conditionNumber)")
    }

    @Test func randomWeightIsWithinTheBounds() {
        var rng = SeededGenerator(seed: 21)
        let w = Matrix.random(rows: 64, cols: 200, rng: &rng)
        let stats = SpectralStats(weight: w)
        let sigma = w.referenceSingularValues()
        #expect(abs(stats.spectralNorm - sigma[0]) <= 1e-5 * sigma[0])
        #expect(abs(stats.conditionNumber - sigma[0] / sigma[63]) <= 1e-4 * sigma[0] / sigma[63])
        #expect(stats.stableRank >= 1 && stats.stableRank <= 64)
    }

    @Test func nonFiniteWeightGivesNaN() {
        var w = Matrix(rows: 2, cols: 3, repeating: 0.5)
        w[0, 1] = .nan
        let stats = SpectralStats(weight: w)
        #expect(stats.spectralNorm.isNaN && stats.stableRank.isNaN && stats.conditionNumber.isNaN)
    }

    @Test func infinityRoundTripsThroughJSON() throws {
        let stats = SpectralStats(weight: Matrix(rows: 2, cols: 2))
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        #expect(try decoder.decode(SpectralStats.self, from: encoder.encode(stats)) == stats)
    }
}
