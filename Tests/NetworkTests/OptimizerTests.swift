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
