import Network

/// The trainer's guard against numbers gone wrong.
///
/// Every step costs nothing extra: the batch loss, already computed, is checked. Non-finite
/// weights show there one step later — the next forward pass carries a NaN or ±Inf weight
/// into the logits (NaN · x and ∞ · 0 are NaN) — and `locate` then names them. A full scan
/// of the parameters after every update was measured at 2–5% of a step (the lesson's net:
/// 235k parameters against ~180 MFLOP of products), so the parameters are scanned only when
/// an epoch ends (`Trainer.fit`): that catches the epoch's last update, which no later loss
/// sees, and the rare case a saturating activation hides from the loss.
///
/// Not seen until the epoch ends: infinite weights whose ±Inf pre-activations tanh, sigmoid
/// or ELU (or ReLU, for −Inf) turn back into finite values; the run goes on saturated in
/// between.
enum DivergenceCheck {
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

    /// Why step `step`'s loss was not finite, in the order things were computed: the
    /// parameters the step started from (the previous update overflowed), then the forward
    /// pass input side first, else the loss itself. Called before `batchEnd`, whose probe
    /// pass reuses the buffers.
    static func locate(in network: MLP, step: Int) -> Divergence {
        if let l = firstLayerWithNonFiniteParameters(network) {
            return Divergence(step: step, layer: l + 1, what: .weights)
        }
        let last = network.layers.count - 1
        for l in 0...last {
            guard let pass = network.lastPass(layer: l) else { break }
            if let dense = pass.dense, !Finiteness.allFinite(dense.storage) {
                return Divergence(step: step, layer: l + 1, what: .activations)
            }
            if !Finiteness.allFinite(pass.z.storage) { return Divergence(step: step, layer: l + 1, what: .activations) }
        }
        return Divergence(step: step, layer: last + 1, what: .loss)
    }
}
