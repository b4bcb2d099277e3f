import Testing
import Datasets
import Experiments
import Initializers
import Network
import Tensor
import TestSupport

/// LSUV as a run builds it: orthonormal weights, then each dense layer rescaled on the first
/// batch of real Fashion-MNIST training images until its output variance is within the
/// tolerance of 1; the iterations are recorded with the run.
@Suite struct LSUVRunTests {
    @Test(arguments: [Activation.relu, .tanh])
    func everyLayerReachesUnitVarianceOnTheFixtureBatch(_ activation: Activation) throws {
        let data = try FixtureData.fashionSubset()
        let scheme = try InitializerSpec.parse("lsuv(0.05,20)")
        let settings = NetworkSettings(hiddenSizes: [256, 128, 64], hiddenActivation: activation)
        let (network, iterations) = ExperimentRunner.initialNetwork(scheme, network: settings, seed: 0, data: data,
                                                                   calibrationBatch: 128)
        #expect(iterations?.count == 4)
        #expect(iterations?.contains { $0 > 0 } == true)
        var batch = Matrix(rows: 128, cols: 784)
        var labels: [Int32] = []
        data.train.gather(Array(0..<128)[...], into: &batch, labels: &labels)
        _ = network.logits(batch, mode: .inspect)
        for l in network.layers.indices {
            // Without BatchNorm, z is the dense layer's output.
            let z = try #require(network.lastPass(layer: l)?.z.storage)
            let mean = z.reduce(0.0) { $0 + Double($1) } / Double(z.count)
            let variance = z.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(z.count)
            #expect(abs(variance - 1) < 0.05, "layer \(l + 1): variance \(variance)")
        }
    }

    @Test func aRunRecordsTheIterations() throws {
        var config = Presets.udacity
        config.epochs = 1
        config.hiddenSizes = [32]
        config.initializers = ["lsuv", "he_normal"]
        config.probeEvery = 0
        let result = try ExperimentRunner(config: config, data: try FixtureData.fashionSubset(), jobs: 2).run()
        #expect(result.runs[0].calibrationIterations?.count == 2)
        #expect(result.runs[1].calibrationIterations == nil)
    }
}
