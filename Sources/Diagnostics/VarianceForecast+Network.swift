import Tensor
import Network
import Probes

extension VarianceForecast {
    /// The forecast for `network` as initialized: its weights and hidden activation, E[x²]
    /// over `batch`'s inputs, and E[(∂L/∂logits)²] measured on `batch` at step 0. That takes
    /// one forward and backward pass, which overwrites the network's gradient buffers — call
    /// it before training, as `ExperimentRunner` does. `spectra` adds each W's singular-value
    /// summary (one SVD per layer).
    public init(initialized network: MLP, batch: ProbeBatch, spectra: Bool = false) {
        network.lossAndGradients(batch.inputs, labels: batch.labels, mode: .inspect)
        let last = network.layers.count - 1
        let dLogits = network.lastPass(layer: last)?.dZ.storage ?? []
        let weights = network.layers.map(\.weight)
        self.init(weights: weights, activation: network.hiddenActivation,
                  inputSquare: Self.meanSquare(batch.inputs.storage),
                  outputGradientSquare: Self.meanSquare(dLogits), examples: batch.inputs.rows,
                  spectra: spectra ? weights.map { SpectralStats(weight: $0) } : nil)
    }

    /// Σx²/n in Double; 0 for no values.
    static func meanSquare(_ values: [Float]) -> Double {
        guard !values.isEmpty else { return 0 }
        return values.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(values.count)
    }
}
