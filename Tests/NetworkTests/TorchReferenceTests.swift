import Testing
import Foundation
import Tensor
import Network
import TestSupport

/// The same 6-5-4-3 ReLU MLP computed by PyTorch (Fixtures/reference/tiny_mlp.py): forward,
/// loss, every gradient, three Adam steps and one SGD step must agree with torch's float32
/// numbers (micrograd and llm.c check themselves the same way).
@Suite struct TorchReferenceTests {
    struct Layer: Decodable { let weight: [[Float]]; let bias: [Float] }
    struct Forward: Decodable { let z: [[[Float]]]; let a: [[[Float]]]; let logits: [[Float]]; let loss: Float }
    struct Gradients: Decodable { let weight: [[[Float]]]; let bias: [[Float]] }
    struct AdamCase: Decodable {
        let lr: Float; let beta1: Float; let beta2: Float; let eps: Float
        let losses: [Float]
        let after_step_1: [Layer]; let after_step_3: [Layer]
    }
    struct SGDCase: Decodable { let lr: Float; let after_step_1: [Layer] }
    struct LargeLogits: Decodable { let logits: [[Float]]; let labels: [Int32]; let loss: Float; let grad_logits: [[Float]] }
    struct Reference: Decodable {
        let torch_version: String
        let layers: [Layer]; let x: [[Float]]; let labels: [Int32]
        let forward: Forward; let gradients: Gradients
        let adam: AdamCase; let sgd: SGDCase; let large_logits: LargeLogits
    }

    static let reference: Result<Reference, any Error> = Result {
        try JSONDecoder().decode(Reference.self, from: Data(contentsOf: FixturePaths.url("reference/tiny_mlp.json")))
    }

    func network(_ layers: [Layer]) -> MLP {
        let net = MLP(sizes: [layers[0].weight[0].count] + layers.map { $0.weight.count })
        for (l, layer) in layers.enumerated() {
            net.layers[l].weight = Matrix(layer.weight)
            net.layers[l].bias = layer.bias
        }
        return net
    }

    func expectClose(_ ours: Matrix, _ theirs: [[Float]], _ what: String, tolerance: Float = 1e-5) {
        let diff = ours.maxAbsDifference(Matrix(theirs))
        #expect(diff <= tolerance, "\(what): maxdiff \(diff)")
    }

    @Test func forwardLossAndGradientsMatchTorch() throws {
        let ref = try Self.reference.get()
        let net = network(ref.layers)
        let loss = net.lossAndGradients(Matrix(ref.x), labels: ref.labels)
        #expect(abs(loss - ref.forward.loss) <= 1e-6, "loss \(loss) vs torch \(ref.forward.loss)")
        for l in net.layers.indices {
            let pass = try #require(net.lastPass(layer: l))
            expectClose(pass.z, ref.forward.z[l], "z[\(l)]")
            if l < ref.forward.a.count { expectClose(pass.a, ref.forward.a[l], "a[\(l)]") }
            expectClose(net.layers[l].dWeight, ref.gradients.weight[l], "dW[\(l)]")
            expectClose(Matrix([net.layers[l].dBias]), [ref.gradients.bias[l]], "db[\(l)]")
        }
        expectClose(try #require(net.lastPass(layer: 2)).z, ref.forward.logits, "logits")
    }

    @Test func threeAdamStepsMatchTorch() throws {
        let ref = try Self.reference.get()
        let net = network(ref.layers)
        var adam = Adam(layers: net.layers, learningRate: ref.adam.lr, beta1: ref.adam.beta1,
                        beta2: ref.adam.beta2, epsilon: ref.adam.eps)
        var losses: [Float] = []
        for step in 1...3 {
            losses.append(net.lossAndGradients(Matrix(ref.x), labels: ref.labels))
            adam.update(&net.layers)
            let expected = step == 1 ? ref.adam.after_step_1 : step == 3 ? ref.adam.after_step_3 : nil
            for (l, layer) in (expected ?? []).enumerated() {
                expectClose(net.layers[l].weight, layer.weight, "Adam step \(step) W[\(l)]", tolerance: 2e-6)
                expectClose(Matrix([net.layers[l].bias]), [layer.bias], "Adam step \(step) b[\(l)]", tolerance: 2e-6)
            }
        }
        for (ours, theirs) in zip(losses, ref.adam.losses) { #expect(abs(ours - theirs) <= 2e-6) }
    }

    @Test func sgdStepMatchesTorch() throws {
        let ref = try Self.reference.get()
        let net = network(ref.layers)
        var sgd = SGD(learningRate: ref.sgd.lr)
        net.lossAndGradients(Matrix(ref.x), labels: ref.labels)
        sgd.update(&net.layers)
        for (l, layer) in ref.sgd.after_step_1.enumerated() {
            expectClose(net.layers[l].weight, layer.weight, "SGD W[\(l)]", tolerance: 1e-6)
        }
    }

    @Test func largeLogitsLossAndGradientMatchTorch() throws {
        let ref = try Self.reference.get().large_logits
        let logits = Matrix(ref.logits)
        var d = Matrix(rows: logits.rows, cols: logits.cols)
        let loss = SoftmaxCrossEntropy.lossAndGradient(logits: logits, labels: ref.labels, dLogits: &d)
        #expect(abs(loss - ref.loss) <= 1e-5, "loss \(loss) vs torch \(ref.loss)")
        expectClose(d, ref.grad_logits, "dLogits", tolerance: 1e-6)
    }
}
