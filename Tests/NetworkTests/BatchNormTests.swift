import Testing
import Tensor
import Network
import TestSupport

/// BatchNorm1d: backward against central finite differences of L = Σ R ⊙ BN(u), running
/// statistics against hand computation, and the three pass modes.
@Suite struct BatchNormTests {
    func weightedSum(_ m: Matrix, _ r: Matrix) -> Double {
        zip(m.storage, r.storage).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    func output(_ bn: BatchNorm, _ u: Matrix, mode: PassMode) -> Matrix {
        var copy = bn
        var y = Matrix(rows: u.rows, cols: u.cols)
        var xHat = Matrix(rows: u.rows, cols: u.cols)
        var inverseStd = [Float](repeating: 0, count: u.cols)
        copy.forward(u, mode: mode, into: &y, xHat: &xHat, inverseStd: &inverseStd)
        return y
    }

    @Test(arguments: [(2, PassMode.training), (3, .training), (8, .training), (5, .inspect), (4, .evaluation)])
    func backwardMatchesFiniteDifferences(batch: Int, mode: PassMode) {
        var rng = SeededGenerator(seed: UInt64(40 + batch))
        var bn = BatchNorm(features: 4)
        bn.gamma = (0..<4).map { _ in rng.uniformFloat(in: 0.5, 2) }
        bn.beta = (0..<4).map { _ in rng.uniformFloat(in: -1, 1) }
        bn.runningMean = (0..<4).map { _ in rng.uniformFloat(in: -0.5, 0.5) }
        bn.runningVariance = (0..<4).map { _ in rng.uniformFloat(in: 0.5, 2) }
        let u = Matrix.random(rows: batch, cols: 4, scale: 2, rng: &rng)
        let r = Matrix.random(rows: batch, cols: 4, rng: &rng)

        var y = Matrix(rows: batch, cols: 4), xHat = Matrix(rows: batch, cols: 4)
        var inverseStd = [Float](repeating: 0, count: 4)
        var trained = bn
        trained.forward(u, mode: mode, into: &y, xHat: &xHat, inverseStd: &inverseStd)
        var dU = Matrix(rows: batch, cols: 4)
        trained.backward(dY: r, xHat: xHat, inverseStd: inverseStd, mode: mode, into: &dU)

        // Finite differences never update running statistics: training's math is inspect's.
        let probeMode: PassMode = mode == .training ? .inspect : mode
        func loss(_ b: BatchNorm, _ input: Matrix) -> Double { weightedSum(output(b, input, mode: probeMode), r) }
        for i in 0..<u.count {
            let numeric = centralDifference(step: 1e-2, at: u.storage[i]) { v in
                var probe = u; probe.storage[i] = v; return loss(bn, probe)
            }
            #expect(isClose(numeric, Double(dU.storage[i]), relative: 1e-2, absolute: 3e-4),
                    "batch \(batch) \(mode) dU[\(i)]: numeric \(numeric), analytic \(dU.storage[i])")
        }
        for j in 0..<4 {
            let numericGamma = centralDifference(step: 1e-2, at: bn.gamma[j]) { v in
                var probe = bn; probe.gamma[j] = v; return loss(probe, u)
            }
            #expect(isClose(numericGamma, Double(trained.dGamma[j]), relative: 1e-2, absolute: 3e-4), "dγ[\(j)]")
            let numericBeta = centralDifference(step: 1e-2, at: bn.beta[j]) { v in
                var probe = bn; probe.beta[j] = v; return loss(probe, u)
            }
            #expect(isClose(numericBeta, Double(trained.dBeta[j]), relative: 1e-2, absolute: 3e-4), "dβ[\(j)]")
        }
    }

    @Test func trainingNormalizesWithBatchStatisticsAndUpdatesRunningOnesLikeTorch() {
        // Column 0: 1, 3, 5 → μ = 3, σ² = 8/3 (biased), 4 (unbiased).
        // Column 1: 2, 6, 1 → μ = 3, σ² = 14/3 (biased), 7 (unbiased).
        let u = Matrix([[1, 2], [3, 6], [5, 1]])
        var bn = BatchNorm(features: 2)
        #expect(bn.gamma == [1, 1] && bn.beta == [0, 0] && bn.runningMean == [0, 0] && bn.runningVariance == [1, 1])
        var y = Matrix(rows: 3, cols: 2), xHat = Matrix(rows: 3, cols: 2)
        var inverseStd: [Float] = [0, 0]
        bn.forward(u, mode: .training, into: &y, xHat: &xHat, inverseStd: &inverseStd)
        let expected = Matrix([[Float(-2 / (8.0 / 3 + 1e-5).squareRoot()), Float(-1 / (14.0 / 3 + 1e-5).squareRoot())],
                               [0, Float(3 / (14.0 / 3 + 1e-5).squareRoot())],
                               [Float(2 / (8.0 / 3 + 1e-5).squareRoot()), Float(-2 / (14.0 / 3 + 1e-5).squareRoot())]])
        #expect(y.maxAbsDifference(expected) < 1e-6)
        // running ← 0.9·running + 0.1·batch: mean 0.3, 0.3; variance 0.9 + 0.4 = 1.3, 0.9 + 0.7 = 1.6.
        #expect(abs(bn.runningMean[0] - 0.3) < 1e-7 && abs(bn.runningMean[1] - 0.3) < 1e-7)
        #expect(abs(bn.runningVariance[0] - 1.3) < 1e-6 && abs(bn.runningVariance[1] - 1.6) < 1e-6)
        bn.forward(u, mode: .training, into: &y, xHat: &xHat, inverseStd: &inverseStd)
        // Again: mean 0.9·0.3 + 0.3 = 0.57; variance 0.9·1.3 + 0.4 = 1.57, 0.9·1.6 + 0.7 = 2.14.
        #expect(abs(bn.runningMean[0] - 0.57) < 1e-6 && abs(bn.runningMean[1] - 0.57) < 1e-6)
        #expect(abs(bn.runningVariance[0] - 1.57) < 1e-6 && abs(bn.runningVariance[1] - 2.14) < 1e-6)
    }

    @Test func evaluationUsesRunningStatisticsAndChangesNothing() {
        var bn = BatchNorm(features: 2)
        bn.runningMean = [1, -2]
        bn.runningVariance = [4, 0.25]
        bn.gamma = [2, 0.5]
        bn.beta = [0.5, -1]
        let before = (bn.runningMean, bn.runningVariance)
        let u = Matrix([[3, -2], [1, 0], [-1, -3]])
        var y = Matrix(rows: 3, cols: 2), xHat = Matrix(rows: 3, cols: 2)
        var inverseStd: [Float] = [0, 0]
        bn.forward(u, mode: .evaluation, into: &y, xHat: &xHat, inverseStd: &inverseStd)
        for r in 0..<3 {
            for j in 0..<2 {
                let expected = bn.gamma[j] * (u[r, j] - bn.runningMean[j]) / (bn.runningVariance[j] + 1e-5).squareRoot() + bn.beta[j]
                #expect(abs(y[r, j] - expected) < 1e-5, "y[\(r), \(j)] = \(y[r, j]), expected \(expected)")
            }
        }
        #expect(bn.runningMean == before.0 && bn.runningVariance == before.1)
    }

    @Test func inspectUsesBatchStatisticsButLeavesRunningOnesAlone() {
        let u = Matrix([[1, 2], [3, 6], [5, 1]])
        var inspected = BatchNorm(features: 2)
        var trained = inspected
        var y1 = Matrix(rows: 3, cols: 2), y2 = Matrix(rows: 3, cols: 2), xHat = Matrix(rows: 3, cols: 2)
        var inverseStd: [Float] = [0, 0]
        inspected.forward(u, mode: .inspect, into: &y1, xHat: &xHat, inverseStd: &inverseStd)
        trained.forward(u, mode: .training, into: &y2, xHat: &xHat, inverseStd: &inverseStd)
        #expect(y1 == y2)
        #expect(inspected.runningMean == [0, 0] && inspected.runningVariance == [1, 1])
    }

    @Test func aBatchOfOneTrainsWithoutTouchingTheRunningVariance() {
        var bn = BatchNorm(features: 3)
        var y = Matrix(rows: 1, cols: 3), xHat = Matrix(rows: 1, cols: 3)
        var inverseStd: [Float] = [0, 0, 0]
        bn.forward(Matrix([[2, -4, 0.5]]), mode: .training, into: &y, xHat: &xHat, inverseStd: &inverseStd)
        #expect(y.storage == [0, 0, 0])  // x̂ = 0, y = β
        #expect(bn.runningVariance == [1, 1, 1])
        #expect(bn.runningMean.allSatisfy { abs($0) <= 0.4 + 1e-7 })  // 0.1·|u|
        #expect(bn.runningMean.allSatisfy { $0.isFinite })
    }
}
