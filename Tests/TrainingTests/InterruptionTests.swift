import Testing
import Tensor
import Initializers
import Network
import Datasets
import Training
import TestSupport

/// An interruption requested from another thread stops the loop at the next batch.
@Suite struct InterruptionTests {
    /// Requests the interruption when the run reaches `step`.
    final class InterruptAtStep: TrainingObserver {
        let step: Int
        let flag: InterruptionFlag
        init(step: Int, flag: InterruptionFlag) { self.step = step; self.flag = flag }
        func trainer(_ trainer: Trainer, didEmit event: TrainingEvent) {
            if case let .batchEnd(step, _, _) = event, step == self.step { flag.request(reason: "test") }
        }
    }

    func trainer(_ flag: InterruptionFlag, observers: [any TrainingObserver] = []) -> Trainer {
        let network = MLP(sizes: [784, 16, 10])
        var rng = SeededGenerator(seed: 1)
        for l in network.layers.indices { HeNormal().fill(&network.layers[l].weight, rng: &rng) }
        return Trainer(network: network, optimizer: Adam(layers: network.layers),
                       settings: TrainingSettings(epochs: 2, batchSize: 100), observers: observers, interruption: flag)
    }

    @Test func aRequestStopsTheRunAtTheNextBatch() throws {
        let data = try FixtureData.fashionSubset()
        let flag = InterruptionFlag()
        let trainer = trainer(flag, observers: [InterruptAtStep(step: 5, flag: flag)])
        var order = SeededGenerator(seed: 2)
        let history = trainer.fit(train: data.train, test: data.test, dataOrder: &order)
        #expect(trainer.wasInterrupted)
        #expect(trainer.stepsTaken == 5 && history.batchLosses.count == 5)
        #expect(history.epochs.isEmpty && history.divergence == nil)
    }

    @Test func aRequestBeforeTheRunTrainsNothing() throws {
        let data = try FixtureData.fashionSubset()
        let flag = InterruptionFlag()
        #expect(flag.request(reason: "SIGINT"))
        #expect(!flag.request(reason: "SIGTERM"))  // later requests keep the first reason
        #expect(flag.reason == "SIGINT" && flag.isRequested)
        let trainer = trainer(flag)
        var order = SeededGenerator(seed: 2)
        let history = trainer.fit(train: data.train, test: data.test, dataOrder: &order)
        #expect(trainer.wasInterrupted && trainer.stepsTaken == 0 && history.batchLosses.isEmpty)
    }

    @Test func withoutARequestTheRunFinishes() throws {
        let data = try FixtureData.fashionSubset()
        let trainer = trainer(InterruptionFlag())
        var order = SeededGenerator(seed: 2)
        let history = trainer.fit(train: data.train, test: data.test, dataOrder: &order)
        #expect(!trainer.wasInterrupted && history.epochs.count == 2)
    }
}
