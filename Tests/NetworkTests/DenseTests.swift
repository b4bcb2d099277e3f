import Testing
import Tensor
import Network
import TestSupport

/// Dense backward passes against central finite differences of the scalar
/// L = Σ R ⊙ f(x), whose upstream gradient is exactly R.
@Suite struct DenseTests {
    func weightedSum(_ m: Matrix, _ r: Matrix) -> Double {
        zip(m.storage, r.storage).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    @Test func forwardIsXTimesWTransposePlusBias() {
        let layer = Dense(weight: Matrix([[1, 2, 3], [4, 5, 6]]), bias: [0.5, -1])
        var z = Matrix(rows: 2, cols: 2)
        layer.forward(Matrix([[1, 0, 0], [1, 1, 1]]), into: &z)
        #expect(z == Matrix([[1.5, 3], [6.5, 14]]))
    }

    @Test func backwardMatchesFiniteDifferences() {
        var rng = SeededGenerator(seed: 5)
        var layer = Dense(weight: .random(rows: 4, cols: 6, rng: &rng), bias: (0..<4).map { _ in rng.uniformFloat(in: -1, 1) })
        let x = Matrix.random(rows: 3, cols: 6, rng: &rng)
        let r = Matrix.random(rows: 3, cols: 4, rng: &rng)
        layer.backward(input: x, dZ: r)
        var dX = Matrix(rows: 3, cols: 6)
        layer.backwardInput(dZ: r, into: &dX)

        func loss(_ l: Dense, _ input: Matrix) -> Double {
            var z = Matrix(rows: input.rows, cols: l.fanOut)
            l.forward(input, into: &z)
            return weightedSum(z, r)
        }
        for i in 0..<layer.weight.count {
            let numeric = centralDifference(at: layer.weight.storage[i]) { v in
                var probe = layer; probe.weight.storage[i] = v; return loss(probe, x)
            }
            #expect(isClose(numeric, Double(layer.dWeight.storage[i])), "dW[\(i)]")
        }
        for j in 0..<layer.bias.count {
            let numeric = centralDifference(at: layer.bias[j]) { v in
                var probe = layer; probe.bias[j] = v; return loss(probe, x)
            }
            #expect(isClose(numeric, Double(layer.dBias[j])), "db[\(j)]")
        }
        for i in 0..<x.count {
            let numeric = centralDifference(at: x.storage[i]) { v in
                var probe = x; probe.storage[i] = v; return loss(layer, probe)
            }
            #expect(isClose(numeric, Double(dX.storage[i])), "dX[\(i)]")
        }
    }
}
