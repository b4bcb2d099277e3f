import Testing
import Tensor
import Network
import TestSupport

/// LSUV: each dense layer's output variance on the batch ends within the tolerance of 1,
/// iterations are reported, and dead layers are reported instead of turning into NaN.
@Suite struct LSUVCalibrationTests {
    /// Orthonormal rows or columns (Q of a Gaussian matrix), as the paper starts from.
    func orthonormal(rows: Int, cols: Int, rng: inout SeededGenerator) -> Matrix {
        let tall = max(rows, cols), wide = min(rows, cols)
        var gaussian = Matrix(rows: tall, cols: wide)
        for i in 0..<gaussian.count { gaussian.storage[i] = rng.normalFloat() }
        let q = gaussian.qrOrthonormal().q
        return rows >= cols ? q : q.transposed()
    }

    func network(_ activation: Activation, batchNorm: Bool = false, biases: Bool = false, seed: UInt64) -> MLP {
        var rng = SeededGenerator(seed: seed)
        let net = MLP(sizes: [20, 32, 16, 8, 4], hiddenActivation: activation, batchNorm: batchNorm)
        for l in net.layers.indices {
            net.layers[l].weight = orthonormal(rows: net.layers[l].fanOut, cols: net.layers[l].fanIn, rng: &rng)
            if biases { net.layers[l].bias = (0..<net.layers[l].fanOut).map { _ in rng.uniformFloat(in: -0.5, 0.5) } }
        }
        return net
    }

    func inputs(seed: UInt64) -> Matrix {
        var rng = SeededGenerator(seed: seed)
        return Matrix.random(rows: 64, cols: 20, scale: 3, rng: &rng)
    }

    /// Population variance of each layer's dense output u = x·Wᵀ + b on `x`, measured apart
    /// from LSUV (through `lastPass`).
    func denseVariances(_ net: MLP, _ x: Matrix) -> [Double] {
        _ = net.logits(x, mode: .inspect)
        return net.layers.indices.map { l in
            guard let pass = net.lastPass(layer: l) else { return .nan }
            let u = (pass.dense ?? pass.z).storage.map(Double.init)
            let mean = u.reduce(0, +) / Double(u.count)
            return u.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(u.count)
        }
    }

    @Test(arguments: [(Activation.relu, false, false), (.tanh, false, true), (.gelu, true, false), (.relu, true, true)])
    func everyLayerReachesUnitVariance(_ activation: Activation, batchNorm: Bool, biases: Bool) {
        let net = network(activation, batchNorm: batchNorm, biases: biases, seed: 3)
        let x = inputs(seed: 4)
        let lsuv = LSUVCalibration(tolerance: 0.02, maxIterations: 10)
        let results = lsuv.calibrate(net, on: x)
        #expect(results.count == 4)
        let measured = denseVariances(net, x)
        for (l, result) in results.enumerated() {
            #expect(result.outcome == .converged, "layer \(l): \(result)")
            #expect(abs(result.finalVariance - 1) < 0.02, "layer \(l): \(result)")
            #expect(abs(measured[l] - result.finalVariance) < 1e-4, "layer \(l): measured \(measured[l])")
            #expect(result.iterations >= 1 && result.iterations <= 10)
        }
        // Inputs of variance 3 through 20 orthonormal columns spread over 32 units: ≈ 3·20/32.
        #expect(abs(results[0].initialVariance - 1.875) < 0.2)
        // Running statistics stay at their start: LSUV measures in inspect mode.
        #expect(net.batchNorms.allSatisfy { $0.runningMean.allSatisfy { $0 == 0 } && $0.runningVariance.allSatisfy { $0 == 1 } })
    }

    @Test func withoutBiasesOneRescaleIsExact() {
        // u scales linearly with W when b = 0, so one division by √Var lands on 1 (to rounding).
        let net = network(.relu, seed: 5)
        let results = LSUVCalibration(tolerance: 1e-3).calibrate(net, on: inputs(seed: 6))
        #expect(results.allSatisfy { $0.outcome == .converged && $0.iterations == 1 }, "\(results)")
    }

    @Test func layersAlreadyWithinToleranceAreLeftAlone() {
        let net = network(.tanh, seed: 7)
        let x = inputs(seed: 8)
        let first = LSUVCalibration().calibrate(net, on: x)
        let weights = net.layers.map(\.weight)
        let second = LSUVCalibration().calibrate(net, on: x)
        #expect(first.allSatisfy { $0.outcome == .converged })
        #expect(second.allSatisfy { $0.iterations == 0 && $0.outcome == .converged })
        #expect(net.layers.map(\.weight) == weights)
    }

    @Test func aZeroLayerIsReportedAndLeftFinite() {
        let net = network(.relu, seed: 9)
        net.layers[1].weight = Matrix(rows: net.layers[1].fanOut, cols: net.layers[1].fanIn)
        let results = LSUVCalibration().calibrate(net, on: inputs(seed: 10))
        #expect(results[0].outcome == .converged)
        #expect(results[1] == LSUVCalibration.LayerResult(iterations: 0, initialVariance: 0, finalVariance: 0, outcome: .zeroVariance))
        // Everything downstream sees zeros: reported the same way, never NaN.
        #expect(results[2].outcome == .zeroVariance && results[3].outcome == .zeroVariance)
        #expect(net.layers.allSatisfy { $0.weight.isFinite })
    }

    @Test func anIterationLimitIsReported() {
        let net = network(.tanh, biases: true, seed: 11)
        let results = LSUVCalibration(tolerance: 1e-3, maxIterations: 0).calibrate(net, on: inputs(seed: 12))
        #expect(results[0] == LSUVCalibration.LayerResult(iterations: 0, initialVariance: results[0].initialVariance,
                                               finalVariance: results[0].initialVariance, outcome: .iterationLimit))
    }
}
