import Testing
import Tensor
import Network
import TestSupport

/// Inverted dropout: rate, scaling, backward, and its place in the MLP's pass modes.
@Suite struct DropoutTests {
    @Test(arguments: [Float(0.1), 0.3, 0.5, 0.8])
    func maskDropsAboutPAndScalesTheRestByOneOverOneMinusP(p: Float) {
        let dropout = Dropout(probability: p)
        let a = Matrix(rows: 100, cols: 100, repeating: 1)
        var mask = Matrix(rows: 100, cols: 100), out = Matrix(rows: 100, cols: 100)
        var rng = SeededGenerator(seed: 7)
        dropout.forward(a, mask: &mask, into: &out, rng: &rng)
        let dropped = Double(out.storage.filter { $0 == 0 }.count) / Double(out.count)
        // 10⁴ draws: the standard error of the rate is ≤ 0.005; allow four of them.
        #expect(abs(dropped - Double(p)) < 0.02, "p = \(p): dropped \(dropped)")
        #expect(out.storage.allSatisfy { $0 == 0 || $0 == 1 / (1 - p) })
        #expect(out == mask)
        let mean = out.storage.reduce(0.0) { $0 + Double($1) } / Double(out.count)
        #expect(abs(mean - 1) < 0.05 * Double(1 / (1 - p)), "p = \(p): mean \(mean)")
    }

    @Test func backwardMultipliesByTheSameMask() {
        var rng = SeededGenerator(seed: 8)
        let dropout = Dropout(probability: 0.4)
        let a = Matrix.random(rows: 5, cols: 6, rng: &rng)
        var mask = Matrix(rows: 5, cols: 6), out = Matrix(rows: 5, cols: 6)
        dropout.forward(a, mask: &mask, into: &out, rng: &rng)
        let upstream = Matrix.random(rows: 5, cols: 6, rng: &rng)
        var gradient = upstream
        dropout.backward(mask: mask, gradient: &gradient)
        for i in 0..<gradient.count {
            #expect(gradient.storage[i] == upstream.storage[i] * mask.storage[i])
            #expect(out.storage[i] == a.storage[i] * mask.storage[i])
        }
    }

    func network(dropout: Double, seed: UInt64, batchNorm: Bool = false) -> MLP {
        var rng = SeededGenerator(seed: 50)
        let net = MLP(sizes: [6, 8, 7, 3], hiddenActivation: .tanh, batchNorm: batchNorm, dropout: dropout,
                      dropoutGenerator: SeededGenerator(seed: seed))
        for l in net.layers.indices {
            net.layers[l].weight = .random(rows: net.layers[l].fanOut, cols: net.layers[l].fanIn, rng: &rng)
        }
        return net
    }

    func batch() -> (Matrix, [Int32]) {
        var rng = SeededGenerator(seed: 51)
        return (Matrix.random(rows: 10, cols: 6, rng: &rng), (0..<10).map { Int32($0 % 3) })
    }

    @Test func offInEvaluationAndInspectPasses() {
        let (x, labels) = batch()
        let withDropout = network(dropout: 0.5, seed: 1)
        let without = network(dropout: 0, seed: 1)
        #expect(withDropout.logits(x) == without.logits(x))
        #expect(withDropout.logits(x, mode: .inspect) == without.logits(x, mode: .inspect))
        #expect(withDropout.lossAndGradients(x, labels: labels, mode: .inspect)
                == without.lossAndGradients(x, labels: labels, mode: .inspect))
        for l in 0..<3 { #expect(withDropout.layers[l].dWeight == without.layers[l].dWeight) }
        // Neither pass drew from the generator.
        var untouched = SeededGenerator(seed: 1)
        var current = withDropout.dropoutGenerator
        #expect((0..<4).map { _ in current.next() } == (0..<4).map { _ in untouched.next() })
        // A training pass does drop something, so its loss differs.
        #expect(withDropout.lossAndGradients(x, labels: labels) != without.lossAndGradients(x, labels: labels))
    }

    @Test func trainingIsReproducibleFromTheSeed() {
        let (x, labels) = batch()
        func losses(seed: UInt64) -> [Float] {
            let net = network(dropout: 0.3, seed: seed, batchNorm: true)
            var sgd = SGD(learningRate: 0.1)
            return (0..<4).map { _ in
                let loss = net.lossAndGradients(x, labels: labels)
                sgd.update(net)
                return loss
            }
        }
        #expect(losses(seed: 3) == losses(seed: 3))
        #expect(losses(seed: 3) != losses(seed: 4))
    }

    @Test func dropoutGradientsAreTheMaskedNetworksGradients() {
        // With the mask fixed, the dropout net is a plain function of W: its gradient must
        // match finite differences of the same pass replayed from the same generator state.
        let (x, labels) = batch()
        let net = network(dropout: 0.3, seed: 9)
        net.lossAndGradients(x, labels: labels)
        let analytic = net.layers
        for l in [0, 1] {
            for i in stride(from: 0, to: analytic[l].weight.count, by: 5) {
                let original = analytic[l].weight.storage[i]
                let numeric = centralDifference(step: 1e-3, at: original) { v in
                    let replay = network(dropout: 0.3, seed: 9)
                    replay.layers = analytic
                    replay.layers[l].weight.storage[i] = v
                    return Double(replay.lossAndGradients(x, labels: labels))
                }
                #expect(isClose(numeric, Double(analytic[l].dWeight.storage[i]), relative: 3e-2, absolute: 3e-4),
                        "layer \(l) dW[\(i)]")
            }
        }
    }
}
