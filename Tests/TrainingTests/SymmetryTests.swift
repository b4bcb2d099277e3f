import Testing
import Tensor
import Initializers
import Network
import Datasets
import Training
import TestSupport

/// The seed articles' claim, on real Fashion-MNIST pixels: with a constant init every
/// hidden unit of a layer has the same incoming weights, and gradient descent never makes
/// them differ; random init breaks the symmetry from the first step.
@Suite struct SymmetryTests {
    /// Largest difference between any unit's incoming weights and unit 0's, per hidden layer.
    func largestRowSpread(_ network: MLP) -> [Float] {
        network.layers.dropLast().map { layer in
            var spread: Float = 0
            let first = layer.weight.row(0)
            for j in 1..<layer.fanOut {
                for (a, b) in zip(layer.weight.row(j), first) { spread = max(spread, abs(a - b)) }
            }
            return spread
        }
    }

    func trainFiftyAdamSteps(_ scheme: any Initializer) throws -> MLP {
        let data = try FixtureData.fashionSubset()
        let network = MLP(sizes: [784, 256, 128, 10])
        var rng = SeededGenerator(seed: 0, stream: scheme.name)
        for l in network.layers.indices { scheme.fill(&network.layers[l].weight, rng: &rng) }
        var adam: any Optimizer = Adam(layers: network.layers, learningRate: 1e-3)
        var order = Array(0..<data.train.count)
        var dataOrder = SeededGenerator(seed: 1)
        order.shuffle(using: &dataOrder)
        var batch = Matrix(rows: 128, cols: 784)
        var labels: [Int32] = []
        for step in 0..<50 {
            let start = (step * 128) % (data.train.count - 128)
            data.train.gather(order[start..<(start + 128)], into: &batch, labels: &labels)
            network.lossAndGradients(batch, labels: labels)
            adam.update(&network.layers)
        }
        return network
    }

    @Test func zeroInitKeepsEveryHiddenUnitIdenticalAfterFiftyAdamSteps() throws {
        let network = try trainFiftyAdamSteps(Zeros())
        #expect(largestRowSpread(network).allSatisfy { $0 <= 1e-6 })
        // Not even one hidden weight moved: the gradient that reaches them is exactly zero.
        #expect(network.layers.dropLast().allSatisfy { $0.weight.storage.allSatisfy { $0 == 0 } })
    }

    @Test func onesInitMovesWeightsButKeepsUnitsIdentical() throws {
        let network = try trainFiftyAdamSteps(Ones())
        #expect(largestRowSpread(network).allSatisfy { $0 <= 1e-6 })
        #expect(network.layers[0].weight.storage.contains { $0 != 1 })
    }

    @Test func heInitUnitsDiffer() throws {
        let network = try trainFiftyAdamSteps(HeNormal())
        #expect(largestRowSpread(network).allSatisfy { $0 > 0.1 })
    }
}
