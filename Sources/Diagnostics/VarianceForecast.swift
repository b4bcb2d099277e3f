import Tensor
import Network
import Probes

/// How the variance of the signal and of the gradient is forecast to change through the
/// network as drawn, before any training — Glorot & Bengio 2010 (§4.2.1) and He et al.
/// 2015 (§2.2), for layers z_l = a_{l−1}·W_lᵀ + b_l (biases 0), a_l = f(z_l), a_0 = x:
///
///     forward   E[z_l²]           = n_in  · Var[W_l] · E[a_{l−1}²],   E[a_l²] = E[f(z_l)²]
///     backward  E[(∂L/∂a_{l−1})²] = n_out · Var[W_l] · E[f′(z_l)²] · E[(∂L/∂a_l)²]
///
/// assuming weights independent of the signal, zero-mean and i.i.d., and z_l ~ N(0, E[z_l²])
/// for the activation's moments (`ActivationMoments`: ReLU gives ½E[z²] and ½ exactly).
/// Var[W_l] and mean(W_l) are those of the drawn matrices, so the forecast is for this draw;
/// a layer whose weights are not zero-mean is not forecast (`ZeroMeanWeights`), nor is
/// anything after it. E[x²] is measured on a batch of inputs, and the backward pass starts
/// from E[(∂L/∂logits)²] measured on the same batch at step 0 (`init(initialized:batch:)`).
///
/// The whole-network gains are the products of the per-layer ones: forward E[z_L²]/E[x²]
/// (input to logits), backward E[(∂L/∂a_1)²]/E[(∂L/∂logits)²] (logits back to layer 1).
/// A variance-preserving initializer keeps both near 1.
public struct VarianceForecast: Sendable, Codable, Equatable {
    /// The hidden layers' activation.
    public var activation: Activation
    /// E[x²] over every input value of the batch.
    public var inputSquare: Double
    /// E[(∂L/∂logits)²] the backward pass starts from (with ∂L/∂logits = (softmax − onehot)/batch).
    public var outputGradientSquare: Double
    /// Examples E[x²] and E[(∂L/∂logits)²] were measured on.
    public var examples: Int
    /// Layer 1 (input side) first.
    public var layers: [LayerForecast]
    /// E[z_L²] / E[x²]; +∞ when the forecast overflows; nil when some layer is not forecast.
    public var forwardGain: Double?
    /// E[(∂L/∂a_1)²] / E[(∂L/∂logits)²]; nil when some layer is not forecast.
    public var backwardGain: Double?

    public init(activation: Activation, inputSquare: Double, outputGradientSquare: Double, examples: Int,
                layers: [LayerForecast], forwardGain: Double?, backwardGain: Double?) {
        self.activation = activation; self.inputSquare = inputSquare; self.outputGradientSquare = outputGradientSquare
        self.examples = examples; self.layers = layers; self.forwardGain = forwardGain; self.backwardGain = backwardGain
    }

    /// The forecast for `weights` (each (fanOut, fanIn), layer 1 first, consecutive shapes)
    /// with `activation` after every layer but the last.
    public init(weights: [Matrix], activation: Activation, inputSquare: Double, outputGradientSquare: Double,
                examples: Int, spectra: [SpectralStats]? = nil) {
        precondition(!weights.isEmpty && zip(weights, weights.dropFirst()).allSatisfy { $0.rows == $1.cols },
                     "VarianceForecast: weight shapes \(weights.map { "(\($0.rows), \($0.cols))" }) do not chain")
        precondition(spectra == nil || spectra?.count == weights.count, "VarianceForecast: one SpectralStats per layer")
        let last = weights.count - 1
        var layers = weights.indices.map { l -> LayerForecast in
            let summary = Summary(weights[l].storage)
            return LayerForecast(fanIn: weights[l].cols, fanOut: weights[l].rows, weightMean: summary.mean,
                                 weightVariance: summary.std * summary.std,
                                 output: l == last ? "logits" : activation.name, spectral: spectra?[l])
        }
        // Forward: E[a_{l−1}²] and E[z_{l−1}²] walk from the input to the logits.
        var previousA = inputSquare, previousZ = inputSquare
        var forwardGain: Double?
        var complete = true
        for l in layers.indices {
            if let reason = ZeroMeanWeights.problem(mean: layers[l].weightMean, variance: layers[l].weightVariance,
                                                    fanIn: layers[l].fanIn, count: weights[l].count) {
                layers[l].notForecast = reason
                complete = false
                break
            }
            let z = Double(layers[l].fanIn) * layers[l].weightVariance * previousA
            let moments: ActivationMoments? = !z.isFinite ? nil
                : l == last ? ActivationMoments(square: z, derivativeSquare: 1) : ActivationMoments(activation, variance: z)
            guard let moments else {
                layers[l].notForecast = "E[z²] = \(Wording.number(z)) is past what Float can hold: the activations overflow"
                forwardGain = inputSquare > 0 ? .infinity : nil
                complete = false
                break
            }
            layers[l].preActivationSquare = z
            layers[l].activationSquare = moments.square
            layers[l].derivativeSquare = moments.derivativeSquare
            layers[l].forwardGain = previousZ > 0 ? z / previousZ : nil
            previousA = moments.square
            previousZ = z
        }
        if complete, inputSquare > 0 { forwardGain = previousZ / inputSquare }
        if let stop = layers.firstIndex(where: { $0.notForecast != nil }) {
            for l in layers.indices.dropFirst(stop + 1) {
                layers[l].notForecast = "its input comes from layer \(stop + 1), which is not forecast"
            }
        }
        // Backward: ∂L/∂a_l walks from the logits to layer 1.
        for l in layers.indices.dropFirst() {
            guard let derivative = layers[l].derivativeSquare else { continue }
            layers[l].backwardGain = Double(layers[l].fanOut) * layers[l].weightVariance * derivative
        }
        var backwardGain: Double?
        if complete {
            var gradient = outputGradientSquare
            layers[last].activationGradientSquare = gradient
            for l in stride(from: last, to: 0, by: -1) {
                gradient *= layers[l].backwardGain ?? 0
                layers[l - 1].activationGradientSquare = gradient
            }
            backwardGain = layers.dropFirst().reduce(1.0) { $0 * ($1.backwardGain ?? 0) }
        }
        self.init(activation: activation, inputSquare: inputSquare, outputGradientSquare: outputGradientSquare,
                  examples: examples, layers: layers, forwardGain: forwardGain, backwardGain: backwardGain)
    }

    /// The first layer's reason when the forecast is incomplete.
    public var notForecast: String? {
        layers.enumerated().first { $0.element.notForecast != nil }.map { "layer \($0.offset + 1): \($0.element.notForecast ?? "")" }
    }
}
