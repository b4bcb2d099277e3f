import Testing
import Foundation
import Tensor
import Initializers
import Network
import Datasets
import Training
@testable import Probes
import TestSupport

/// The probes' saturation share (tanh, sigmoid) and the spectra kept at the start and end.
@Suite struct SaturationAndSpectrumProbeTests {
    /// Trains a 784-64-32-10 net for one epoch on the fixture subset and returns its probes.
    func probes(_ scheme: any Initializer, activation: Activation) throws -> RunProbes {
        let data = try FixtureData.fashionSubset()
        let net = MLP(sizes: [784, 64, 32, 10], hiddenActivation: activation)
        var rng = SeededGenerator(seed: 4, stream: scheme.name)
        for l in net.layers.indices { scheme.fill(&net.layers[l].weight, rng: &rng) }
        var x = Matrix(rows: 128, cols: 784)
        var labels: [Int32] = []
        data.test.gather(Array(0..<128)[...], into: &x, labels: &labels)
        let batch = ProbeBatch(inputs: x, labels: labels)
        let ranges = HistogramRanges.plan(magnitudes: [batch.magnitudes(of: net)], nonNegative: [false, false, false])
        let observer = ProbeObserver(probeBatch: batch, every: 5, ranges: ranges)
        let trainer = Trainer(network: net, optimizer: Adam(layers: net.layers),
                              settings: TrainingSettings(epochs: 1, batchSize: 128), observers: [observer])
        var order = SeededGenerator(seed: 9)
        _ = trainer.fit(train: data.train, test: data.test, dataOrder: &order)
        return observer.record
    }

    @Test func largeUniformInitSaturatesTanhAndXavierDoesNot() throws {
        let large = try probes(Uniform(low: -1, high: 1), activation: .tanh)
        let xavier = try probes(XavierUniform(), activation: .tanh)
        let largeStart = try #require(large.layers[0].snapshots.first?.saturatedFraction)
        let xavierStart = try #require(xavier.layers[0].snapshots.first?.saturatedFraction)
        // U[-1,1) on 784 inputs: z spreads over several units, so most tanh outputs sit in a flat tail (72% here).
        #expect(largeStart > 0.5)
        #expect(xavierStart < 0.05)
        #expect(large.layers[2].snapshots.first?.saturatedFraction == nil)  // logits do not saturate
        #expect(large.layers[0].snapshots.first?.deadFraction == nil)       // tanh units are never "dead"
    }

    @Test func saturationShareEqualsADirectCount() throws {
        let record = try probes(Normal(std: 0.1), activation: .sigmoid)
        let snapshot = try #require(record.layers[0].snapshots.first)
        // Recompute layer 1's sigmoid outputs on the probe batch from the initial weights.
        let data = try FixtureData.fashionSubset()
        var x = Matrix(rows: 128, cols: 784)
        var labels: [Int32] = []
        data.test.gather(Array(0..<128)[...], into: &x, labels: &labels)
        var w = Matrix(rows: 64, cols: 784)
        var rng = SeededGenerator(seed: 4, stream: Normal(std: 0.1).name)
        Normal(std: 0.1).fill(&w, rng: &rng)
        let z = x.matmul(w, transposeOther: .transposed)
        let a = z.storage.map { 1 / (1 + Foundation.exp(-Double($0))) }
        let direct = Double(a.filter { $0 < 0.03 || $0 > 0.97 }.count) / Double(a.count)
        #expect(abs((snapshot.saturatedFraction ?? -1) - direct) < 2.0 / Double(a.count))
    }

    @Test func spectraAreKeptAtStartAndEnd() throws {
        let record = try probes(Orthogonal(), activation: .relu)
        for layer in record.layers {
            let start = try #require(layer.spectralAtStart)
            let end = try #require(layer.spectralAtEnd)
            // Orthogonal rows or columns: every singular value is 1 at the start.
            #expect(abs(start.spectralNorm - 1) < 1e-4)
            #expect(abs(start.conditionNumber - 1) < 1e-3)
            #expect(abs(start.stableRank - Double(min(layer.fanIn, layer.fanOut))) < 1e-2)
            #expect(end != start)  // Adam moved the weights
        }
        let zeros = try probes(Zeros(), activation: .relu)
        #expect(zeros.layers[0].spectralAtStart?.spectralNorm == 0)
    }
}

@Suite struct DifferenceMomentsTests {
    @Test func oneStreamingPassEqualsTheMaterializedDifference() {
        var rng = SeededGenerator(seed: 3)
        let a = (0..<1000).map { _ in Float(rng.normal()) }, b = (0..<1000).map { _ in Float(rng.normal()) * 0.5 }
        let difference = zip(a, b).map { $0 - $1 }
        let direct = Summary(difference)
        let streamed = LayerProbe.differenceMoments(a, b)
        #expect(abs(streamed.std - direct.std) < 1e-6 * max(1, direct.std))  // Summary keeps Float precision
        #expect(abs(streamed.l2 - direct.l2) < 1e-6 * max(1, direct.l2))
    }
}
