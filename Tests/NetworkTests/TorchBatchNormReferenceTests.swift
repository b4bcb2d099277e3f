import Testing
import Foundation
import Tensor
import Network
import TestSupport

/// The 6-5-4-3 MLP with BatchNorm computed by PyTorch (Fixtures/reference/tiny_mlp_batchnorm.py):
/// one training forward/backward (dense outputs, BN outputs, every gradient, running
/// statistics), then three steps of SGD with Nesterov momentum and weight decay, and the
/// evaluation-mode logits after them.
@Suite struct TorchBatchNormReferenceTests {
    struct Layer: Decodable { let weight: [[Float]]; let bias: [Float] }
    struct Norm: Decodable { let gamma: [Float]; let beta: [Float] }
    struct NormState: Decodable { let gamma: [Float]; let beta: [Float]; let running_mean: [Float]; let running_var: [Float] }
    struct Training: Decodable {
        let dense: [[[Float]]]; let z: [[[Float]]]; let logits: [[Float]]; let loss: Float
        let grad_weight: [[[Float]]]; let grad_bias: [[Float]]; let grad_gamma: [[Float]]; let grad_beta: [[Float]]
        let running_mean: [[Float]]; let running_var: [[Float]]
    }
    struct After: Decodable { let layers: [Layer]; let batchnorm: [NormState] }
    struct SGDCase: Decodable {
        let lr: Float; let momentum: Float; let weight_decay: Float; let losses: [Float]
        let after_step_3: After; let eval_logits: [[Float]]
    }
    struct Reference: Decodable {
        let torch_version: String
        let layers: [Layer]; let batchnorm: [Norm]; let x: [[Float]]; let labels: [Int32]
        let training: Training; let sgd: SGDCase
    }

    static let reference: Result<Reference, any Error> = Result {
        try JSONDecoder().decode(Reference.self, from: Data(contentsOf: FixturePaths.url("reference/tiny_mlp_batchnorm.json")))
    }

    func network(_ ref: Reference) -> MLP {
        let net = MLP(sizes: [ref.layers[0].weight[0].count] + ref.layers.map { $0.weight.count }, batchNorm: true)
        for (l, layer) in ref.layers.enumerated() {
            net.layers[l].weight = Matrix(layer.weight)
            net.layers[l].bias = layer.bias
        }
        for (k, norm) in ref.batchnorm.enumerated() {
            net.batchNorms[k].gamma = norm.gamma
            net.batchNorms[k].beta = norm.beta
        }
        return net
    }

    func expectClose(_ ours: [Float], _ theirs: [Float], _ what: String, tolerance: Float = 1e-5) {
        let diff = Matrix([ours]).maxAbsDifference(Matrix([theirs]))
        #expect(diff <= tolerance, "\(what): maxdiff \(diff)")
    }

    func expectClose(_ ours: Matrix, _ theirs: [[Float]], _ what: String, tolerance: Float = 1e-5) {
        let diff = ours.maxAbsDifference(Matrix(theirs))
        #expect(diff <= tolerance, "\(what): maxdiff \(diff)")
    }

    @Test func trainingPassMatchesTorch() throws {
        let ref = try Self.reference.get()
        let net = network(ref)
        let loss = net.lossAndGradients(Matrix(ref.x), labels: ref.labels)
        #expect(abs(loss - ref.training.loss) <= 1e-6, "loss \(loss) vs torch \(ref.training.loss)")
        for l in net.layers.indices {
            let pass = try #require(net.lastPass(layer: l))
            expectClose(net.layers[l].dWeight, ref.training.grad_weight[l], "dW[\(l)]")
            expectClose(net.layers[l].dBias, ref.training.grad_bias[l], "db[\(l)]")
            if l < net.batchNorms.count {
                expectClose(try #require(pass.dense), ref.training.dense[l], "u[\(l)]")
                expectClose(pass.z, ref.training.z[l], "z[\(l)]")
                expectClose(net.batchNorms[l].dGamma, ref.training.grad_gamma[l], "dγ[\(l)]")
                expectClose(net.batchNorms[l].dBeta, ref.training.grad_beta[l], "dβ[\(l)]")
                expectClose(net.batchNorms[l].runningMean, ref.training.running_mean[l], "running mean[\(l)]", tolerance: 1e-6)
                expectClose(net.batchNorms[l].runningVariance, ref.training.running_var[l], "running var[\(l)]", tolerance: 1e-6)
            } else {
                expectClose(pass.z, ref.training.logits, "logits")
            }
        }
    }

    @Test func threeNesterovStepsWithWeightDecayMatchTorch() throws {
        let ref = try Self.reference.get()
        let net = network(ref)
        var optimizer = OptimizerSettings.momentum(learningRate: Double(ref.sgd.lr), momentum: Double(ref.sgd.momentum),
                                                   nesterov: true, weightDecay: Double(ref.sgd.weight_decay))
            .makeOptimizer(for: net.layers)
        var losses: [Float] = []
        for _ in 0..<3 {
            losses.append(net.lossAndGradients(Matrix(ref.x), labels: ref.labels))
            optimizer.update(net)
        }
        for (step, (ours, theirs)) in zip(losses, ref.sgd.losses).enumerated() {
            #expect(abs(ours - theirs) <= 2e-6, "loss before step \(step + 1): \(ours) vs torch \(theirs)")
        }
        let after = ref.sgd.after_step_3
        for (l, layer) in after.layers.enumerated() {
            expectClose(net.layers[l].weight, layer.weight, "W[\(l)] after 3 steps", tolerance: 2e-6)
            expectClose(net.layers[l].bias, layer.bias, "b[\(l)] after 3 steps", tolerance: 2e-6)
        }
        for (k, norm) in after.batchnorm.enumerated() {
            expectClose(net.batchNorms[k].gamma, norm.gamma, "γ[\(k)] after 3 steps", tolerance: 2e-6)
            expectClose(net.batchNorms[k].beta, norm.beta, "β[\(k)] after 3 steps", tolerance: 2e-6)
            expectClose(net.batchNorms[k].runningMean, norm.running_mean, "running mean[\(k)] after 3 steps", tolerance: 2e-6)
            expectClose(net.batchNorms[k].runningVariance, norm.running_var, "running var[\(k)] after 3 steps", tolerance: 2e-6)
        }
        expectClose(net.logits(Matrix(ref.x)), ref.sgd.eval_logits, "evaluation logits after 3 steps")
    }
}
