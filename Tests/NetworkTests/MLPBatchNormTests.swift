import Testing
import Tensor
import Network
import TestSupport

/// The MLP with BatchNorm (and dropout): whole-network gradients against finite differences,
/// what each pass mode may change, and what `lastPass` reports.
@Suite struct MLPBatchNormTests {
    func network(_ activation: Activation, seed: UInt64, dropout: Double = 0) -> MLP {
        var rng = SeededGenerator(seed: seed)
        let net = MLP(sizes: [5, 6, 4, 3], hiddenActivation: activation, batchNorm: true, dropout: dropout,
                      dropoutGenerator: SeededGenerator(seed: seed + 1))
        for l in net.layers.indices {
            net.layers[l].weight = .random(rows: net.layers[l].fanOut, cols: net.layers[l].fanIn, rng: &rng)
            net.layers[l].bias = (0..<net.layers[l].fanOut).map { _ in rng.uniformFloat(in: -0.2, 0.2) }
        }
        for k in net.batchNorms.indices {
            net.batchNorms[k].gamma = (0..<net.batchNorms[k].features).map { _ in rng.uniformFloat(in: 0.6, 1.5) }
            net.batchNorms[k].beta = (0..<net.batchNorms[k].features).map { _ in rng.uniformFloat(in: -0.3, 0.3) }
        }
        return net
    }

    @Test(arguments: ActivationTests.catalogueWithSlopes)
    func everyParameterGradientMatchesFiniteDifferences(_ activation: Activation) {
        let net = network(activation, seed: 61)
        var rng = SeededGenerator(seed: 62)
        let x = Matrix.random(rows: 6, cols: 5, rng: &rng)
        let labels: [Int32] = [2, 0, 1, 2, 1, 0]
        net.lossAndGradients(x, labels: labels, mode: .inspect)
        let analytic = net.layers, analyticNorms = net.batchNorms
        func loss() -> Double { net.evaluate(x, labels: labels, mode: .inspect).lossSum / 6 }
        func check(_ numeric: Double, _ value: Float, _ what: String) {
            #expect(isClose(numeric, Double(value), relative: 3e-2, absolute: 3e-4),
                    "\(activation.name) \(what): numeric \(numeric), analytic \(value)")
        }
        for l in analytic.indices {
            for i in 0..<analytic[l].weight.count {
                let original = net.layers[l].weight.storage[i]
                let numeric = centralDifference(step: 1e-3, at: original) { v in
                    net.layers[l].weight.storage[i] = v
                    defer { net.layers[l].weight.storage[i] = original }
                    return loss()
                }
                check(numeric, analytic[l].dWeight.storage[i], "layer \(l) dW[\(i)]")
            }
            for j in 0..<analytic[l].bias.count {
                let original = net.layers[l].bias[j]
                let numeric = centralDifference(step: 1e-3, at: original) { v in
                    net.layers[l].bias[j] = v
                    defer { net.layers[l].bias[j] = original }
                    return loss()
                }
                check(numeric, analytic[l].dBias[j], "layer \(l) db[\(j)]")
            }
        }
        for k in analyticNorms.indices {
            for j in 0..<analyticNorms[k].features {
                let gamma = net.batchNorms[k].gamma[j]
                let numericGamma = centralDifference(step: 1e-3, at: gamma) { v in
                    net.batchNorms[k].gamma[j] = v
                    defer { net.batchNorms[k].gamma[j] = gamma }
                    return loss()
                }
                check(numericGamma, analyticNorms[k].dGamma[j], "BN \(k) dγ[\(j)]")
                let beta = net.batchNorms[k].beta[j]
                let numericBeta = centralDifference(step: 1e-3, at: beta) { v in
                    net.batchNorms[k].beta[j] = v
                    defer { net.batchNorms[k].beta[j] = beta }
                    return loss()
                }
                check(numericBeta, analyticNorms[k].dBeta[j], "BN \(k) dβ[\(j)]")
            }
        }
    }

    @Test func inspectPassesChangeNothingTrainingWillSee() {
        var rng = SeededGenerator(seed: 70)
        let x = Matrix.random(rows: 8, cols: 5, rng: &rng)
        let probe = Matrix.random(rows: 4, cols: 5, rng: &rng)
        let labels: [Int32] = [0, 1, 2, 0, 1, 2, 0, 1]
        let watched = network(.relu, seed: 71, dropout: 0.25)
        let unwatched = network(.relu, seed: 71, dropout: 0.25)
        var watchedAdam = Adam(learningRate: 1e-2), unwatchedAdam = Adam(learningRate: 1e-2)
        for _ in 0..<3 {
            let statsBefore = watched.batchNorms.map { [$0.runningMean, $0.runningVariance] }
            var generatorBefore = watched.dropoutGenerator
            watched.lossAndGradients(probe, labels: [2, 1, 0, 2], mode: .inspect)
            _ = watched.logits(x, mode: .inspect)
            _ = watched.evaluate(x, labels: labels)
            #expect(watched.batchNorms.map { [$0.runningMean, $0.runningVariance] } == statsBefore)
            var generatorAfter = watched.dropoutGenerator
            #expect(generatorBefore.next() == generatorAfter.next())

            let a = watched.lossAndGradients(x, labels: labels)
            let b = unwatched.lossAndGradients(x, labels: labels)
            #expect(a == b)
            watchedAdam.update(watched)
            unwatchedAdam.update(unwatched)
        }
        for l in watched.layers.indices { #expect(watched.layers[l].weight == unwatched.layers[l].weight) }
        for k in watched.batchNorms.indices {
            #expect(watched.batchNorms[k].gamma == unwatched.batchNorms[k].gamma)
            #expect(watched.batchNorms[k].runningVariance == unwatched.batchNorms[k].runningVariance)
        }
    }

    @Test func evaluationUsesRunningStatistics() throws {
        var rng = SeededGenerator(seed: 80)
        let x = Matrix.random(rows: 6, cols: 5, rng: &rng)
        let net = network(.tanh, seed: 81)
        // Fresh running statistics (0, 1): evaluation's BN is γ·u/√(1 + ε) + β, not batch-normalized.
        _ = net.logits(x, mode: .evaluation)
        let pass = try #require(net.lastPass(layer: 0))
        let dense = try #require(pass.dense)
        for i in 0..<dense.count {
            let j = i % 6
            let expected = net.batchNorms[0].gamma[j] * dense.storage[i] / (1 + 1e-5).squareRoot() + net.batchNorms[0].beta[j]
            #expect(abs(pass.z.storage[i] - expected) < 1e-5)
        }
        // After training passes the running statistics move, and so does evaluation's output.
        let before = net.logits(x)
        for _ in 0..<5 { net.lossAndGradients(x, labels: [0, 1, 2, 0, 1, 2]) }
        #expect(net.batchNorms[0].runningMean != [Float](repeating: 0, count: 6))
        #expect(net.logits(x) != before)
        #expect(net.logits(x, mode: .inspect) == net.logits(x, mode: .inspect))
    }

    @Test func lastPassReportsTheActivationsInputAfterBatchNorm() throws {
        var rng = SeededGenerator(seed: 90)
        let x = Matrix.random(rows: 7, cols: 5, rng: &rng)
        let net = network(.relu, seed: 91, dropout: 0.5)
        net.lossAndGradients(x, labels: [0, 1, 2, 0, 1, 2, 0])
        for l in 0..<2 {
            let pass = try #require(net.lastPass(layer: l))
            #expect(pass.mode == .training)
            let dense = try #require(pass.dense)
            // z is normalized per unit: mean β, and a = relu(z) taken before dropout.
            for j in 0..<pass.z.cols {
                let column = (0..<7).map { pass.z[$0, j] }
                let mean = column.reduce(0, +) / 7
                #expect(abs(mean - net.batchNorms[l].beta[j]) < 1e-5)
                #expect(column.map { max($0, 0) } == (0..<7).map { pass.a[$0, j] })
            }
            #expect(dense != pass.z)
            #expect(try #require(pass.dA).count == pass.a.count)
        }
        let output = try #require(net.lastPass(layer: 2))
        #expect(output.dense == nil && output.dA == nil)
    }

    @Test func trainingStepsReuseTheirBuffers() throws {
        // After the first step per batch size, BatchNorm and dropout write in place too.
        var rng = SeededGenerator(seed: 95)
        let x = Matrix.random(rows: 8, cols: 5, rng: &rng)
        let net = network(.gelu, seed: 96, dropout: 0.2)
        var sgd = Momentum(learningRate: 0.01, nesterov: true, weightDecay: 1e-3)
        func addresses() throws -> [UnsafePointer<Float>?] {
            try (0..<3).flatMap { l -> [UnsafePointer<Float>?] in
                let pass = try #require(net.lastPass(layer: l))
                return [pass.z, pass.a, pass.dZ, pass.dA, pass.dense].compactMap { $0 }
                    .map { $0.storage.withUnsafeBufferPointer { $0.baseAddress } }
            }
        }
        net.lossAndGradients(x, labels: [0, 1, 2, 0, 1, 2, 0, 1])
        sgd.update(net)
        let first = try addresses()
        for _ in 0..<3 {
            net.lossAndGradients(x, labels: [0, 1, 2, 0, 1, 2, 0, 1])
            sgd.update(net)
            #expect(try addresses() == first)
        }
    }

    @Test func withoutOptionsTheNetworkHasNoExtraParts() {
        let net = MLP(sizes: [4, 3, 2])
        #expect(net.batchNorms.isEmpty && net.dropout == nil && !net.usesBatchNorm)
        let normalized = MLP(sizes: [4, 3, 5, 2], batchNorm: true, dropout: 0.2)
        #expect(normalized.batchNorms.map(\.features) == [3, 5])
        #expect(normalized.dropout?.probability == 0.2)
    }
}
