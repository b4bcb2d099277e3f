import Testing
import Foundation
import Tensor
import Network

@Suite struct OptimizerTests {
    func singleParameterLayer(_ w: Float, gradient: Float) -> [Dense] {
        var layer = Dense(weight: Matrix([[w]]), bias: [0])
        layer.dWeight = Matrix([[gradient]])
        layer.dBias = [0]
        return [layer]
    }

    @Test func adamMatchesAHandComputedTwoSteps() {
        // θ0 = 1, lr 0.1, β1 0.9, β2 0.999, ε 1e-8; gradients 0.5 then −0.2.
        var layers = singleParameterLayer(1, gradient: 0.5)
        var adam = Adam(layers: layers, learningRate: 0.1)
        adam.update(&layers)
        // Step 1: m = 0.05, v = 0.00025; m̂ = 0.5, v̂ = 0.25 → θ = 1 − 0.1·0.5/(0.5 + 1e-8).
        let theta1 = 1 - 0.1 * 0.5 / (0.5 + 1e-8)
        #expect(abs(Double(layers[0].weight[0, 0]) - theta1) < 1e-6)

        layers[0].dWeight = Matrix([[-0.2]])
        adam.update(&layers)
        // Step 2: m = 0.9·0.05 − 0.1·0.2 = 0.025; v = 0.999·0.00025 + 0.001·0.04 = 0.00028975.
        let m = 0.025, v = 0.00028975
        let mHat = m / (1 - 0.81), vHat = v / (1 - 0.998001)
        let theta2 = theta1 - 0.1 * mHat / (vHat.squareRoot() + 1e-8)
        #expect(abs(Double(layers[0].weight[0, 0]) - theta2) < 1e-6)
        #expect(adam.step == 2)
    }

    @Test func adamFirstStepMovesEachParameterByTheLearningRate() {
        // Bias correction makes the first update ≈ lr · sign(g) whatever |g| is.
        var layers = [Dense(weight: Matrix([[1, 1, 1]]), bias: [0])]
        layers[0].dWeight = Matrix([[1e-4, -3, 50]])
        var adam = Adam(layers: layers, learningRate: 1e-3)
        adam.update(&layers)
        let moved = layers[0].weight.storage.map { Double($0) - 1 }
        #expect(abs(moved[0] + 1e-3) < 1e-6 && abs(moved[1] - 1e-3) < 1e-6 && abs(moved[2] + 1e-3) < 1e-6)
    }

    @Test func sgdSubtractsLearningRateTimesGradient() {
        var layers = singleParameterLayer(2, gradient: 4)
        layers[0].dBias = [-1]
        var sgd = SGD(learningRate: 0.25)
        sgd.update(&layers)
        #expect(layers[0].weight[0, 0] == 1)
        #expect(layers[0].bias[0] == 0.25)
    }
}

/// Momentum, Nesterov and weight decay against steps computed by hand from torch.optim's
/// formulas; BatchNorm's γ and β reached by every optimizer.
@Suite struct MomentumAndWeightDecayTests {
    /// θ0 = 1 with gradients 0.5, −0.2, 0.3 fed one per step; returns θ after each step.
    func trajectory(_ optimizer: inout some Optimizer, start: Float = 1, gradients: [Float] = [0.5, -0.2, 0.3]) -> [Double] {
        var layers = [Dense(weight: Matrix([[start]]), bias: [0])]
        return gradients.map { g in
            layers[0].dWeight = Matrix([[g]])
            layers[0].dBias = [0]
            optimizer.update(&layers)
            return Double(layers[0].weight[0, 0])
        }
    }

    func expectSteps(_ ours: [Double], _ expected: [Double], _ what: String) {
        for (step, (a, b)) in zip(ours, expected).enumerated() {
            #expect(abs(a - b) < 1e-6, "\(what) step \(step + 1): \(a), expected \(b)")
        }
    }

    @Test func heavyBallMomentum() {
        // lr 0.1, μ 0.9. buf = 0.5 → θ = 1 − 0.05 = 0.95; buf = 0.45 − 0.2 = 0.25 → θ = 0.925;
        // buf = 0.225 + 0.3 = 0.525 → θ = 0.8725.
        var momentum = Momentum(learningRate: 0.1, momentum: 0.9)
        expectSteps(trajectory(&momentum), [0.95, 0.925, 0.8725], "momentum")
    }

    @Test func nesterovMomentum() {
        // buf = 0.5, g′ = 0.5 + 0.9·0.5 = 0.95 → θ = 0.905; buf = 0.25, g′ = −0.2 + 0.225 = 0.025
        // → θ = 0.9025; buf = 0.525, g′ = 0.3 + 0.4725 = 0.7725 → θ = 0.82525.
        var nesterov = Momentum(learningRate: 0.1, momentum: 0.9, nesterov: true)
        expectSteps(trajectory(&nesterov), [0.905, 0.9025, 0.82525], "nesterov")
    }

    @Test func momentumWithWeightDecay() {
        // λ 0.01: g = 0.5 + 0.01·1 = 0.51, buf = 0.51 → θ = 0.949;
        // g = −0.2 + 0.00949 = −0.19051, buf = 0.459 − 0.19051 = 0.26849 → θ = 0.922151.
        var momentum = Momentum(learningRate: 0.1, momentum: 0.9, weightDecay: 0.01)
        expectSteps(trajectory(&momentum, gradients: [0.5, -0.2]), [0.949, 0.922151], "momentum + decay")
    }

    @Test func sgdWithWeightDecay() {
        // θ = 2, g = 4, λ = 0.5: g′ = 5 → θ = 2 − 0.25·5 = 0.75.
        var sgd = SGD(learningRate: 0.25, weightDecay: 0.5)
        expectSteps(trajectory(&sgd, start: 2, gradients: [4]), [0.75], "sgd + decay")
    }

    @Test func adamWeightDecayIsAddedToTheGradient() {
        // L2 form (torch.optim.Adam's weight_decay, not AdamW): g′ = g + λθ enters m and v.
        // λ 0.1: g′1 = 0.5 + 0.1 = 0.6 → θ1 = 1 − 0.1·0.6/(0.6 + 1e-8).
        var adam = Adam(learningRate: 0.1, weightDecay: 0.1)
        let ours = trajectory(&adam, gradients: [0.5, -0.2])
        let theta1 = 1 - 0.1 * 0.6 / (0.6 + 1e-8)
        let g2 = -0.2 + 0.1 * theta1
        let m = 0.9 * 0.1 * 0.6 + 0.1 * g2, v = 0.999 * 0.001 * 0.36 + 0.001 * g2 * g2
        let theta2 = theta1 - 0.1 * (m / (1 - 0.81)) / ((v / (1 - 0.998001)).squareRoot() + 1e-8)
        expectSteps(ours, [theta1, theta2], "adam + decay")
        // AdamW would give θ1 = 1 − 0.1·0.1·1 − 0.1 = 0.89 instead.
        #expect(abs(ours[0] - 0.89) > 1e-3)
    }

    @Test func zeroWeightDecayLeavesAdamAsItWas() {
        var plain = Adam(learningRate: 0.1)
        var explicit = Adam(layers: [Dense(fanIn: 1, fanOut: 1)], learningRate: 0.1, weightDecay: 0)
        #expect(trajectory(&plain) == trajectory(&explicit))
    }

    @Test(arguments: [OptimizerSettings.sgd(learningRate: 0.1), .momentum(learningRate: 0.1, nesterov: true),
                      .adam(learningRate: 0.1, weightDecay: 0.01), .sgd(learningRate: 0.1, weightDecay: 0.1)])
    func everyOptimizerMovesBatchNormParameters(_ settings: OptimizerSettings) {
        let net = MLP(sizes: [3, 4, 2], batchNorm: true)
        var optimizer = settings.makeOptimizer(for: net.layers)
        for _ in 0..<2 {
            net.batchNorms[0].dGamma = [1, -1, 0.5, 0]
            net.batchNorms[0].dBeta = [-2, 0, 1, 1]
            optimizer.update(net)
        }
        #expect(net.batchNorms[0].gamma[0] < 1 && net.batchNorms[0].gamma[1] > 1)
        #expect(net.batchNorms[0].beta[0] > 0 && net.batchNorms[0].beta[2] < 0)
        #expect(net.batchNorms[0].gamma.allSatisfy { $0.isFinite })
    }

    @Test func sgdStepOnBatchNormIsLearningRateTimesGradient() {
        let net = MLP(sizes: [3, 2, 2], batchNorm: true)
        net.batchNorms[0].dGamma = [0.5, -1]
        net.batchNorms[0].dBeta = [2, 0]
        var sgd = SGD(learningRate: 0.5)
        sgd.update(net)
        #expect(net.batchNorms[0].gamma == [0.75, 1.5])
        #expect(net.batchNorms[0].beta == [-1, 0])
    }

    @Test func updatingTheNetworkOrItsLayersIsTheSameWithoutBatchNorm() {
        var rng = SeededGenerator(seed: 12)
        let a = MLP(sizes: [4, 5, 3]), b = MLP(sizes: [4, 5, 3])
        for l in a.layers.indices {
            a.layers[l].weight = .random(rows: a.layers[l].fanOut, cols: a.layers[l].fanIn, rng: &rng)
            b.layers[l].weight = a.layers[l].weight
        }
        let x = Matrix.random(rows: 6, cols: 4, rng: &rng)
        let labels: [Int32] = [0, 1, 2, 0, 1, 2]
        var adamA = Adam(layers: a.layers, learningRate: 0.01), adamB = Adam(layers: b.layers, learningRate: 0.01)
        for _ in 0..<3 {
            a.lossAndGradients(x, labels: labels)
            b.lossAndGradients(x, labels: labels)
            adamA.update(a)
            adamB.update(&b.layers)
        }
        for l in a.layers.indices { #expect(a.layers[l].weight == b.layers[l].weight && a.layers[l].bias == b.layers[l].bias) }
    }

    @Test func settingsBuildEachKind() {
        #expect(OptimizerSettings.momentum(learningRate: 0.1, nesterov: true).makeOptimizer(for: []) is Momentum)
        #expect(OptimizerSettings.sgd(learningRate: 0.1).makeOptimizer(for: []) is SGD)
        #expect(OptimizerSettings.adam().makeOptimizer(for: []) is Adam)
        #expect(OptimizerSettings.momentum(learningRate: 0.1, weightDecay: 5e-4).summary
                == "SGD momentum (lr 0.1, μ 0.9, weight decay 0.0005)")
        #expect(OptimizerSettings.adam().summary == "Adam (lr 0.001, β1 0.9, β2 0.999, ε 1e-08)")
    }
}

/// Adam's eight-lane loop gives the scalar formula's results bit for bit, on lengths that
/// are not multiples of eight (lanes and tail), with and without weight decay.
@Suite struct AdamLanesTests {
    @Test(arguments: [0.0, 0.01])
    func lanesEqualTheScalarFormula(_ weightDecay: Double) {
        let count = 37
        var rng = SeededGenerator(seed: 4)
        var parameters = (0..<count).map { _ in rng.normalFloat(std: 1) }
        var expected = parameters
        var adam = Adam(learningRate: 1e-2, weightDecay: Float(weightDecay))
        var m = [Float](repeating: 0, count: count), v = m
        let (b1, b2, eps, wd): (Float, Float, Float, Float) = (0.9, 0.999, 1e-8, Float(weightDecay))
        for step in 1...5 {
            let gradient = (0..<count).map { _ in rng.normalFloat(std: 1) }
            adam.beginStep()
            adam.update(slot: 0, parameters: &parameters, gradient: gradient)
            let stepSize = Float(Double(Float(1e-2)) / (1 - pow(Double(Float(0.9)), Double(step))))
            let root = Float((1 - pow(Double(Float(0.999)), Double(step))).squareRoot())
            for i in 0..<count {
                let g = wd == 0 ? gradient[i] : gradient[i] + wd * expected[i]
                m[i] = m[i] + (1 - b1) * (g - m[i])
                v[i] = b2 * v[i] + (1 - b2) * g * g
                expected[i] -= stepSize * m[i] / (v[i].squareRoot() / root + eps)
            }
            #expect(parameters == expected, "step \(step)")
        }
    }
}
