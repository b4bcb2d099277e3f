import Tensor
import Datasets
import Initializers
import Network
import Training
import Probes
import Diagnostics
import TestSupport

/// Networks drawn as a run draws them, real probe batches, and their step-0 probes.
enum ForecastFixtures {
    /// 784, then `hidden` layers of `width`, then 10.
    static func deepSizes(hidden: Int = 29, width: Int = 256) -> [Int] {
        [784] + Array(repeating: width, count: hidden) + [10]
    }

    /// Weights from `SeededGenerator(seed, stream: "weights:" + name)`, as ExperimentRunner draws them.
    static func network(_ spec: String, sizes: [Int], activation: Activation = .relu, seed: UInt64 = 0,
                        fill: ((inout Matrix, inout SeededGenerator) -> Void)? = nil) throws -> MLP {
        let network = MLP(sizes: sizes, hiddenActivation: activation)
        var rng = SeededGenerator(seed: seed, stream: "weights:" + spec, index: 0)
        if let fill {
            for l in network.layers.indices { fill(&network.layers[l].weight, &rng) }
            return network
        }
        let scheme = try InitializerSpec.parse(spec)
        rng = SeededGenerator(seed: seed, stream: "weights:" + scheme.name, index: 0)
        for l in network.layers.indices { scheme.fill(&network.layers[l].weight, rng: &rng) }
        return network
    }

    /// The first `count` examples of the fixture subset's train split (2,000 real images).
    static func batch(_ count: Int) throws -> ProbeBatch {
        let data = try FixtureData.fashionSubset()
        var x = Matrix(rows: count, cols: data.train.featureCount)
        var labels: [Int32] = []
        data.train.gather(Array(0..<count)[...], into: &x, labels: &labels)
        return ProbeBatch(inputs: x, labels: labels)
    }

    /// The step-0 probes of `network` on `batch`, exactly as a run records them.
    static func stepZeroProbes(_ network: MLP, batch: ProbeBatch) -> RunProbes {
        let hidden = network.layers.dropLast().map { _ in network.hiddenActivation.isNonNegative } + [false]
        let ranges = HistogramRanges.plan(magnitudes: [batch.magnitudes(of: network)], nonNegative: hidden)
        let observer = ProbeObserver(probeBatch: batch, every: 1, ranges: ranges)
        let trainer = Trainer(network: network, optimizer: Adam(layers: network.layers),
                              settings: TrainingSettings(epochs: 1, batchSize: batch.labels.count), observers: [])
        observer.trainer(trainer, didEmit: .runStart(totalSteps: 1, stepsPerEpoch: 1))
        return observer.record
    }
}
