import Testing
import Tensor
import Initializers
import Network
import Datasets
import Training
import Probes
import TestSupport

@Suite struct ProbeObserverTests {
    func network(_ scheme: any Initializer, sizes: [Int] = [784, 64, 32, 10]) -> MLP {
        let net = MLP(sizes: sizes)
        var rng = SeededGenerator(seed: 4, stream: scheme.name)
        for l in net.layers.indices { scheme.fill(&net.layers[l].weight, rng: &rng) }
        return net
    }

    func probeBatch() throws -> ProbeBatch {
        let data = try FixtureData.fashionSubset()
        var x = Matrix(rows: 128, cols: 784)
        var labels: [Int32] = []
        data.test.gather(Array(0..<128)[...], into: &x, labels: &labels)
        return ProbeBatch(inputs: x, labels: labels)
    }

    func train(_ scheme: any Initializer, probing: Bool, epochs: Int = 1) throws -> (TrainingHistory, RunProbes?) {
        let data = try FixtureData.fashionSubset()
        let net = network(scheme)
        let batch = try probeBatch()
        let ranges = HistogramRanges.plan(magnitudes: [batch.magnitudes(of: network(scheme))], nonNegative: [true, true, false])
        let observer = ProbeObserver(probeBatch: batch, every: 5, ranges: ranges)
        let trainer = Trainer(network: net, optimizer: Adam(layers: net.layers),
                              settings: TrainingSettings(epochs: epochs, batchSize: 128),
                              observers: probing ? [observer] : [])
        var order = SeededGenerator(seed: 9)
        var history = trainer.fit(train: data.train, test: data.test, dataOrder: &order)
        history.trainSeconds = 0; history.evaluationSeconds = 0
        for i in history.epochs.indices { history.epochs[i].trainSeconds = 0 }
        return (history, probing ? observer.record : nil)
    }

    @Test func probesObserveAndNeverSteer() throws {
        let (plain, _) = try train(HeNormal(), probing: false)
        let (probed, record) = try train(HeNormal(), probing: true)
        #expect(plain == probed)
        #expect(record?.layers.count == 3)
    }

    @Test func scheduleCoversStepZeroEveryKAndTheLastStep() throws {
        let (_, record) = try train(HeNormal(), probing: true)
        let steps = try #require(record).layers[0].snapshots.map(\.step)
        #expect(steps == [0, 5, 10, 15, 16])  // 16 steps: ⌈2000/128⌉
        #expect(try #require(record).layers[0].histograms.first?.step == 0)
        #expect(try #require(record).layers[0].histograms.last?.step == 16)
        #expect(try #require(record).layers[0].snapshots[0].updateToData == nil)
        #expect(try #require(record).layers[0].snapshots[1].updateToData ?? 0 > 0)
        // The training batch of each probed step is measured too (128 examples × 64 units).
        #expect(try #require(record).layers[0].snapshots[0].trainingBatch == nil)
        #expect(try #require(record).layers[0].snapshots[1].trainingBatch?.activation.count == 128 * 64)
    }

    @Test func zeroInitShowsIdenticalUnitsAndZeroHiddenGradients() throws {
        let (_, record) = try train(Zeros(), probing: true)
        let layers = try #require(record).layers
        for hidden in layers.dropLast() {
            for snapshot in hidden.snapshots {
                #expect(snapshot.symmetry.identicalUnits == hidden.fanOut)
                #expect(snapshot.symmetry.maxCosine == 1)
                #expect(snapshot.weightGradient.l2 == 0)
                #expect(snapshot.deadFraction == 1)
            }
        }
    }

    @Test func heInitUnitsAreAllDifferent() throws {
        let (_, record) = try train(HeNormal(), probing: true)
        for layer in try #require(record).layers {
            for snapshot in layer.snapshots {
                #expect(snapshot.symmetry.identicalUnits == 0)
                #expect(snapshot.symmetry.maxCosine < 0.9)
            }
        }
    }

    @Test func histogramsUseTheSharedRangesAndConserveCounts() throws {
        let (_, record) = try train(HeNormal(), probing: true)
        for layer in try #require(record).layers {
            let first = try #require(layer.histograms.first)
            for h in layer.histograms {
                #expect(h.activation.lower == first.activation.lower && h.activation.upper == first.activation.upper)
                #expect(h.weightGradient.total == layer.fanIn * layer.fanOut)
                #expect(h.activation.total == 128 * layer.fanOut)
                #expect(h.logWeightGradient.total == layer.fanIn * layer.fanOut)
                #expect(h.logActivationGradient.total == 128 * layer.fanOut)
            }
        }
    }

    @Test func snapshotNumbersEqualADirectComputation() throws {
        let net = network(HeNormal(), sizes: [784, 16, 10])
        let batch = try probeBatch()
        let ranges = HistogramRanges.plan(magnitudes: [batch.magnitudes(of: net)], nonNegative: [true, false])
        let observer = ProbeObserver(probeBatch: batch, every: 100, ranges: ranges)
        let trainer = Trainer(network: net, optimizer: SGD(learningRate: 0), settings: TrainingSettings(epochs: 1, batchSize: 2000),
                              observers: [observer])
        var order = SeededGenerator(seed: 1)
        _ = trainer.fit(train: try FixtureData.fashionSubset().train, test: try FixtureData.fashionSubset().test, dataOrder: &order)
        let snapshot = observer.record.layers[0].snapshots[0]
        // Direct: W's moments, and the activations of the probe batch recomputed by hand.
        let w = net.layers[0].weight.storage.map(Double.init)
        let mean = w.reduce(0, +) / Double(w.count)
        #expect(abs(snapshot.weight.mean - mean) < 1e-6)
        let z = batch.inputs.matmul(net.layers[0].weight, transposeOther: .transposed)
        let a = z.storage.map { max($0, 0) }
        let zeros = Double(a.filter { $0 == 0 }.count) / Double(a.count)
        #expect(abs(snapshot.nearZeroFraction - zeros) < 1e-3)
        #expect(abs(snapshot.activation.mean - a.reduce(0.0) { $0 + Double($1) } / Double(a.count)) < 1e-4)
        #expect(snapshot.distanceFromInit == 0)  // lr 0: nothing moved
    }

    @Test func symmetryOfKnownMatrices() {
        let identical = SymmetryStats(weight: Matrix([[1, 2], [1, 2], [3, 1]]))
        #expect(identical.identicalUnits == 2 && abs(identical.maxCosine - 1) < 1e-9)
        let orthogonal = SymmetryStats(weight: Matrix([[1, 0], [0, 1]]))
        #expect(orthogonal.identicalUnits == 0 && orthogonal.maxCosine == 0)
        let allZero = SymmetryStats(weight: Matrix(rows: 4, cols: 3))
        #expect(allZero.identicalUnits == 4 && allZero.maxCosine == 1)
    }

    @Test func sharedRangesAreTheMedianRuleAndNonNegativeForReLU() {
        let ranges = HistogramRanges.plan(
            magnitudes: [[[.weight: 1, .activation: 2, .activationGradient: 3, .weightGradient: 4]],
                         [[.weight: 100, .activation: 200, .activationGradient: 300, .weightGradient: 400]],
                         [[.weight: 0, .activation: 0, .activationGradient: 0, .weightGradient: 0]]],
            nonNegative: [true])
        #expect(ranges.range(layer: 0, .weight) == .init(lower: -2, upper: 2))
        #expect(ranges.range(layer: 0, .activation) == .init(lower: 0, upper: 4))
    }
}
