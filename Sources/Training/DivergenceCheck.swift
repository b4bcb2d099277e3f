import Network

/// The trainer's guard against numbers gone wrong.
///
/// Cheap on every step: the batch loss (already computed) and, after the optimizer's update,
/// one pass over every parameter (`Finiteness.allFinite`). Only when one of them fails does
/// `locate` look through the step's activations and gradients — once per run — to name the
/// first layer where a NaN or ±Inf appeared.
///
/// Not seen: an infinite pre-activation that a saturating activation (tanh, sigmoid, ELU's
/// negative side) turns back into a finite value, and whose gradient is then zero: nothing
/// downstream, loss or parameters, becomes non-finite, so the run goes on (saturated, which
/// the saturation rule reports).
enum DivergenceCheck {
    /// Every weight, bias and BatchNorm γ, β of `network` is finite.
    static func parametersAreFinite(_ network: MLP) -> Bool {
        firstLayerWithNonFiniteParameters(network) == nil
    }

    /// 0-based index of the first layer (input side first) with a non-finite weight, bias,
    /// or — for a hidden layer with BatchNorm — γ or β.
    static func firstLayerWithNonFiniteParameters(_ network: MLP) -> Int? {
        for l in network.layers.indices {
            let dense = network.layers[l]
            guard Finiteness.allFinite(dense.weight.storage), Finiteness.allFinite(dense.bias) else { return l }
            if l < network.batchNorms.count {
                let norm = network.batchNorms[l]
                guard Finiteness.allFinite(norm.gamma), Finiteness.allFinite(norm.beta) else { return l }
            }
        }
        return nil
    }

    /// Where the step just taken first produced a non-finite number, in the order it was
    /// computed: the forward pass (input side first), the loss, the backward pass (output
    /// side first), then — when the optimizer has updated — the parameters. The parameters
    /// the step started from are finite: the trainer checked them after the previous step.
    static func locate(in network: MLP, step: Int, loss: Float, updated: Bool) -> Divergence {
        let last = network.layers.count - 1
        for l in 0...last {
            guard let pass = network.lastPass(layer: l) else { break }
            if let dense = pass.dense, !Finiteness.allFinite(dense.storage) {
                return Divergence(step: step, layer: l + 1, what: .activations)
            }
            if !Finiteness.allFinite(pass.z.storage) { return Divergence(step: step, layer: l + 1, what: .activations) }
        }
        guard loss.isFinite else { return Divergence(step: step, layer: last + 1, what: .loss) }
        for l in stride(from: last, through: 0, by: -1) {
            guard let pass = network.lastPass(layer: l) else { break }
            let dense = network.layers[l]
            var gradients = [pass.dZ.storage, dense.dWeight.storage, dense.dBias]
            if let dA = pass.dA { gradients.insert(dA.storage, at: 0) }
            if l < network.batchNorms.count { gradients += [network.batchNorms[l].dGamma, network.batchNorms[l].dBeta] }
            if !gradients.allSatisfy(Finiteness.allFinite) { return Divergence(step: step, layer: l + 1, what: .gradients) }
        }
        if updated, let l = firstLayerWithNonFiniteParameters(network) {
            return Divergence(step: step, layer: l + 1, what: .weights)
        }
        // Not reached when called after a failed check; the output layer is the honest default.
        return Divergence(step: step, layer: last + 1, what: .loss)
    }
}
