import Testing
import Tensor
import Network
import TestSupport

@Suite struct MLPTests {
    func smallNetwork(seed: UInt64) -> MLP {
        var rng = SeededGenerator(seed: seed)
        let net = MLP(sizes: [6, 5, 4, 3])
        for l in net.layers.indices {
            net.layers[l].weight = .random(rows: net.layers[l].fanOut, cols: net.layers[l].fanIn, rng: &rng)
            net.layers[l].bias = (0..<net.layers[l].fanOut).map { _ in rng.uniformFloat(in: -0.2, 0.2) }
        }
        return net
    }

    @Test func everyParameterGradientMatchesFiniteDifferences() {
        let net = smallNetwork(seed: 21)
        var rng = SeededGenerator(seed: 22)
        let x = Matrix.random(rows: 4, cols: 6, rng: &rng)
        let labels: [Int32] = [2, 0, 1, 2]
        net.lossAndGradients(x, labels: labels)
        let analytic = net.layers
        for l in analytic.indices {
            for i in 0..<analytic[l].weight.count {
                let original = net.layers[l].weight.storage[i]
                let numeric = centralDifference(step: 1e-3, at: original) { v in
                    net.layers[l].weight.storage[i] = v
                    defer { net.layers[l].weight.storage[i] = original }
                    return net.evaluate(x, labels: labels).lossSum / 4
                }
                #expect(isClose(numeric, Double(analytic[l].dWeight.storage[i]), relative: 3e-2, absolute: 3e-4),
                        "layer \(l) dW[\(i)]")
            }
            for j in 0..<analytic[l].bias.count {
                let original = net.layers[l].bias[j]
                let numeric = centralDifference(step: 1e-3, at: original) { v in
                    net.layers[l].bias[j] = v
                    defer { net.layers[l].bias[j] = original }
                    return net.evaluate(x, labels: labels).lossSum / 4
                }
                #expect(isClose(numeric, Double(analytic[l].dBias[j]), relative: 3e-2, absolute: 3e-4),
                        "layer \(l) db[\(j)]")
            }
        }
    }

    @Test func batchSizesShareNothingButWeights() {
        let net = smallNetwork(seed: 3)
        var rng = SeededGenerator(seed: 4)
        let big = Matrix.random(rows: 7, cols: 6, rng: &rng)
        let firstRow = Matrix(rows: 1, cols: 6, storage: Array(big.row(0)))
        let together = net.logits(big)
        let alone = net.logits(firstRow)
        #expect(Matrix(rows: 1, cols: 3, storage: Array(together.row(0))).maxAbsDifference(alone) < 1e-6)
    }

    @Test func zeroWeightsGiveZeroHiddenGradients() {
        let net = MLP(sizes: [6, 5, 4, 3])
        var rng = SeededGenerator(seed: 9)
        net.lossAndGradients(.random(rows: 8, cols: 6, rng: &rng), labels: [0, 1, 2, 0, 1, 2, 0, 1])
        // With W = 0 every hidden activation is 0, so no weight gradient can reach any unit;
        // only the output bias moves.
        for l in net.layers.indices { #expect(net.layers[l].dWeight.storage.allSatisfy { $0 == 0 }) }
        #expect(net.layers[0].dBias.allSatisfy { $0 == 0 })
        #expect(net.layers[2].dBias.contains { $0 != 0 })
    }
}
