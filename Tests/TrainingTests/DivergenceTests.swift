import Testing
import Tensor
import Network
import Datasets
import Training

/// The trainer stops a run at the first NaN or ±Inf — in the loss or, after the update, in
/// any parameter — and names the step, the layer and what went non-finite first.
@Suite struct DivergenceTests {
    /// Tiny two-class data: `rows` × `features`, every value `value`, labels alternating.
    func data(rows: Int = 4, features: Int, value: Float = 1, classes: Int = 2) -> Dataset {
        let x = Matrix(rows: rows, cols: features, storage: [Float](repeating: value, count: rows * features))
        return Dataset(name: "tiny", source: "test", features: x,
                       labels: (0..<rows).map { Int32($0 % classes) }, classCount: classes)
    }

    /// Every weight of every layer set to `weight`, biases zero.
    func network(_ sizes: [Int], weight: Float) -> MLP {
        let network = MLP(sizes: sizes)
        for l in network.layers.indices {
            network.layers[l].weight.storage = [Float](repeating: weight, count: network.layers[l].weight.count)
        }
        return network
    }

    func fit(_ network: MLP, on data: Dataset, optimizer: any Optimizer = SGD(learningRate: 0.01),
             epochs: Int = 3, batchSize: Int? = nil) -> TrainingHistory {
        let trainer = Trainer(network: network, optimizer: optimizer,
                              settings: TrainingSettings(epochs: epochs, batchSize: batchSize ?? data.count))
        var order = SeededGenerator(seed: 1)
        return trainer.fit(train: data, test: data, dataOrder: &order)
    }

    @Test func forwardOverflowNamesTheFirstLayerWhoseOutputIsNotFinite() throws {
        // Layer 1 is well scaled (outputs 4); layer 2's weights of 1e38 overflow its sums.
        let network = network([4, 8, 8, 2], weight: 0.1)
        network.layers[1].weight.storage = [Float](repeating: 1e38, count: 64)
        let history = fit(network, on: data(features: 4, value: 10))
        #expect(history.divergence == Divergence(step: 1, layer: 2, what: .activations))
        #expect(history.divergedAtStep == 1)
        #expect(history.batchLosses.count == 1 && !(history.batchLosses[0].isFinite))
        #expect(history.epochs.isEmpty)
        #expect(history.divergenceStatus == "diverged at step 1 (layer 2's activations non-finite)")
    }

    @Test func finiteLogitsTooFarApartOverflowTheLoss() throws {
        // One layer: logits +3e38 and −3e38 are finite; their difference in the loss is not.
        let network = MLP(sizes: [2, 2])
        network.layers[0].weight.storage = [1e38, 0, -1e38, 0]
        let x = Matrix(rows: 1, cols: 2, storage: [3, 0])
        let data = Dataset(name: "tiny", source: "test", features: x, labels: [1], classCount: 2)
        let history = fit(network, on: data)
        #expect(history.divergence == Divergence(step: 1, layer: 1, what: .loss))
    }

    @Test func anOverflowingUpdateIsNamedAtTheNextStepAsTheWeights() throws {
        // Finite loss and gradients (±15 on the output weights) at step 1; lr × gradient
        // overflows Float in the update itself. Step 2's loss is NaN, and its weights say why.
        let network = network([3, 4, 2], weight: 0.1)
        let history = fit(network, on: data(rows: 2, features: 3, value: 100),
                          optimizer: SGD(learningRate: .greatestFiniteMagnitude), batchSize: 1)
        // Equal output weights send layer 1 a zero gradient: only layer 2's update overflows.
        #expect(history.divergence == Divergence(step: 2, layer: 2, what: .weights))
        #expect(history.batchLosses.count == 2 && history.batchLosses[0].isFinite && !history.batchLosses[1].isFinite)
        #expect(history.divergenceStatus == "diverged at step 2 (layer 2's weights non-finite)")
    }

    @Test func anOverflowingBackwardPassIsNamedAtTheNextStepAsTheWeights() throws {
        // One hidden unit with a tiny output (bias 1e-30) times output weights of ±3e38:
        // finite logits (±3e8) and loss (6e8). Backward, ∂L/∂a = Σ ∂L/∂z·W overflows, and
        // with it layer 1's ∂L/∂W and, after the update, its weights.
        let network = MLP(sizes: [2, 1, 4])
        network.layers[0].bias = [1e-30]
        network.layers[1].weight.storage = [-3e38, 3e38, 3e38, 3e38]
        let x = Matrix(rows: 2, cols: 2, storage: [1, 1, 1, 1])
        let data = Dataset(name: "tiny", source: "test", features: x, labels: [0, 0], classCount: 4)
        let history = fit(network, on: data, batchSize: 1)
        #expect(history.divergence == Divergence(step: 2, layer: 1, what: .weights))
        #expect(history.batchLosses.count == 2 && history.batchLosses[0].isFinite)
    }

    @Test func theLastUpdateOfAnEpochIsCheckedBeforeEvaluating() throws {
        // One step per epoch: the overflowing update of step 1 is seen by no loss before
        // the evaluation; the epoch-end scan stops the run there.
        let network = network([3, 4, 2], weight: 0.1)
        let history = fit(network, on: data(rows: 1, features: 3, value: 100),
                          optimizer: SGD(learningRate: .greatestFiniteMagnitude), epochs: 1)
        #expect(history.divergence == Divergence(step: 1, layer: 2, what: .weights))
        #expect(history.epochs.isEmpty && history.batchLosses.count == 1)
    }

    @Test func nonFiniteInitialWeightsStopBeforeTheFirstStep() throws {
        let network = network([3, 4, 2], weight: 0.1)
        network.layers[1].weight.storage[5] = .infinity
        let history = fit(network, on: data(features: 3))
        #expect(history.divergence == Divergence(step: 0, layer: 2, what: .weights))
        #expect(history.batchLosses.isEmpty)
    }

    @Test func aHealthyRunRecordsNoDivergence() throws {
        let history = fit(network([3, 4, 2], weight: 0.1), on: data(features: 3))
        #expect(history.divergence == nil && history.divergedAtStep == nil && history.divergenceStatus == nil)
        #expect(history.epochs.count == 3)
    }

    @Test func olderFilesWithoutTheLayerStillSayWhen() throws {
        var history = TrainingHistory()
        history.divergedAtStep = 7
        #expect(history.divergenceStatus == "diverged at step 7")
    }

    @Test(arguments: [0, 1, 15, 16, 17, 33, 100])
    func finitenessFindsEveryNonFiniteValueAtEveryPosition(_ count: Int) {
        let finite = (0..<count).map { i -> Float in
            [Float.greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0, -0.0, .leastNonzeroMagnitude, 1][i % 6]
        }
        #expect(Finiteness.allFinite(finite))
        for position in 0..<count {
            for bad in [Float.nan, .infinity, -.infinity, .signalingNaN] {
                var values = finite
                values[position] = bad
                #expect(!Finiteness.allFinite(values), "\(bad) at \(position) of \(count)")
            }
        }
    }
}
