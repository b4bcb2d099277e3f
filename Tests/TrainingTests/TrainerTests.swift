import Testing
import Tensor
import Initializers
import Network
import Datasets
import Training
import TestSupport

@Suite struct TrainerTests {
    final class EventLog: TrainingObserver {
        var names: [String] = []
        var steps: [Int] = []
        func trainer(_ trainer: Trainer, didEmit event: TrainingEvent) {
            switch event {
            case .runStart: names.append("runStart")
            case let .batchEnd(step, _, _): names.append("batchEnd"); steps.append(step)
            case .epochEnd: names.append("epochEnd")
            case .runEnd: names.append("runEnd")
            }
        }
    }

    func heNetwork(_ sizes: [Int], seed: UInt64) -> MLP {
        let network = MLP(sizes: sizes)
        var rng = SeededGenerator(seed: seed)
        for l in network.layers.indices { HeNormal().fill(&network.layers[l].weight, rng: &rng) }
        return network
    }

    @Test func emitsEventsInOrderAndRecordsEveryBatch() throws {
        let data = try FixtureData.fashionSubset()
        let network = heNetwork([784, 32, 10], seed: 1)
        let log = EventLog()
        let trainer = Trainer(network: network, optimizer: Adam(layers: network.layers),
                              settings: TrainingSettings(epochs: 2, batchSize: 300), observers: [log])
        var order = SeededGenerator(seed: 2)
        let history = trainer.fit(train: data.train, test: data.test, dataOrder: &order)
        let stepsPerEpoch = 7  // ⌈2000 / 300⌉, the last batch holds 200
        #expect(history.batchLosses.count == 2 * stepsPerEpoch)
        #expect(log.names.first == "runStart" && log.names.last == "runEnd")
        #expect(log.names.filter { $0 == "epochEnd" }.count == 2)
        #expect(log.steps == Array(1...(2 * stepsPerEpoch)))
        #expect(history.epochs.map(\.epoch) == [1, 2])
        #expect(history.divergedAtStep == nil)
    }

    @Test func heInitLearnsFashionMNISTSubsetInOneEpoch() throws {
        let data = try FixtureData.fashionSubset()
        let network = heNetwork([784, 256, 128, 10], seed: 3)
        let trainer = Trainer(network: network, optimizer: Adam(layers: network.layers),
                              settings: TrainingSettings(epochs: 1, batchSize: 32))
        var order = SeededGenerator(seed: 4)
        let history = trainer.fit(train: data.train, test: data.test, dataOrder: &order)
        let first = history.batchLosses.prefix(5).reduce(0, +) / 5
        let last = history.batchLosses.suffix(5).reduce(0, +) / 5
        #expect(last < first * 0.6, "loss \(first) → \(last)")
        #expect((history.finalTestAccuracy ?? 0) > 0.65)
    }

    @Test func sameSeedsGiveIdenticalHistories() throws {
        let data = try FixtureData.fashionSubset()
        func once() -> TrainingHistory {
            let network = heNetwork([784, 16, 10], seed: 5)
            let trainer = Trainer(network: network, optimizer: Adam(layers: network.layers),
                                  settings: TrainingSettings(epochs: 1, batchSize: 128))
            var order = SeededGenerator(seed: 6)
            var history = trainer.fit(train: data.train, test: data.test, dataOrder: &order)
            history.trainSeconds = 0; history.evaluationSeconds = 0
            for i in history.epochs.indices { history.epochs[i].trainSeconds = 0 }
            return history
        }
        #expect(once() == once())
    }

    @Test func nonFiniteLossStopsTheRunAndNamesTheStep() throws {
        // Two points, SGD with an absurd learning rate: the weights overflow within a few steps.
        let x = Matrix([[1, 0.5], [0.2, 1]])
        let data = Dataset(name: "tiny", source: "test", features: x, labels: [0, 1], classCount: 2)
        let network = heNetwork([2, 4, 2], seed: 7)
        let trainer = Trainer(network: network, optimizer: SGD(learningRate: 1e30),
                              settings: TrainingSettings(epochs: 50, batchSize: 2))
        var order = SeededGenerator(seed: 8)
        let history = trainer.fit(train: data, test: data, dataOrder: &order)
        let step = try #require(history.divergedAtStep)
        #expect(history.batchLosses.count == step)
        #expect(!(history.batchLosses.last ?? 0).isFinite)
        #expect(history.batchLosses.dropLast().allSatisfy { $0.isFinite })
    }
}
