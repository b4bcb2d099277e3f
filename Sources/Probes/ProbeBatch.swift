import Tensor
import Network

/// A fixed batch of held-out examples every probe measures on, so runs and steps compare:
/// the same inputs for every initializer at every step.
public struct ProbeBatch: Sendable {
    public let inputs: Matrix
    public let labels: [Int32]

    public init(inputs: Matrix, labels: [Int32]) {
        precondition(inputs.rows == labels.count && inputs.rows > 0,
                     "ProbeBatch: \(inputs.rows) inputs for \(labels.count) labels")
        self.inputs = inputs
        self.labels = labels
    }

    /// Forward and backward on the probe batch. This overwrites the layers' gradient
    /// buffers, so observers call it only where training has already consumed them (at run
    /// start and after an optimizer step).
    func pass(through network: MLP) {
        network.lossAndGradients(inputs, labels: labels, mode: .inspect)
    }

    /// p99 |x| per layer and quantity at this state: what `HistogramRanges.plan` needs.
    public func magnitudes(of network: MLP) -> [[ProbedQuantity: Double]] {
        pass(through: network)
        return network.layers.indices.map { l in
            guard let layerPass = network.lastPass(layer: l) else { return [:] }
            return [
                .weight: robustMagnitude(network.layers[l].weight.storage),
                .activation: robustMagnitude(layerPass.a.storage),
                .activationGradient: robustMagnitude((layerPass.dA ?? layerPass.dZ).storage),
                .weightGradient: robustMagnitude(network.layers[l].dWeight.storage),
            ]
        }
    }
}
