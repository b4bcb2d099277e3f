import Probes

/// One dense layer l of the variance forecast (see `VarianceForecast` for the derivation).
/// Values the forecast could not make are nil, and `notForecast` says why.
public struct LayerForecast: Sendable, Codable, Equatable {
    public var fanIn: Int
    public var fanOut: Int
    /// Mean and (population) variance of the drawn W_l, over all fanOut·fanIn entries.
    public var weightMean: Double
    public var weightVariance: Double
    /// The hidden activation's name, or "logits" for the output layer.
    public var output: String
    /// E[z_l²] = n_in · Var[W_l] · E[a_{l−1}²].
    public var preActivationSquare: Double?
    /// E[a_l²] = E[f(z_l)²] for z_l ~ N(0, E[z_l²]); the logits' E[z²] for the output layer.
    public var activationSquare: Double?
    /// E[f′(z_l)²] for z_l ~ N(0, E[z_l²]); 1 for the output layer (logits are not activated).
    public var derivativeSquare: Double?
    /// E[(∂L/∂a_l)²], back-propagated from ∂L/∂logits (which it is, for the output layer).
    public var activationGradientSquare: Double?
    /// E[z_l²] / E[z_{l−1}²] = n_in · Var[W_l] · E[a_{l−1}²]/E[z_{l−1}²], with E[x²] in the
    /// denominator for layer 1; nil where E[z_{l−1}²] = 0 (no signal reaches the layer).
    public var forwardGain: Double?
    /// E[(∂L/∂a_{l−1})²] / E[(∂L/∂a_l)²] = n_out · Var[W_l] · E[f′(z_l)²]; nil for layer 1,
    /// whose input gradient ∂L/∂x trains nothing.
    public var backwardGain: Double?
    /// Singular values of W_l as drawn, when asked for (`initscope check`).
    public var spectral: SpectralStats?
    /// Why this layer has no forecast, e.g. its weights are not zero-mean.
    public var notForecast: String?

    public init(fanIn: Int, fanOut: Int, weightMean: Double, weightVariance: Double, output: String,
                preActivationSquare: Double? = nil, activationSquare: Double? = nil, derivativeSquare: Double? = nil,
                activationGradientSquare: Double? = nil, forwardGain: Double? = nil, backwardGain: Double? = nil,
                spectral: SpectralStats? = nil, notForecast: String? = nil) {
        self.fanIn = fanIn; self.fanOut = fanOut; self.weightMean = weightMean; self.weightVariance = weightVariance
        self.output = output; self.preActivationSquare = preActivationSquare; self.activationSquare = activationSquare
        self.derivativeSquare = derivativeSquare; self.activationGradientSquare = activationGradientSquare
        self.forwardGain = forwardGain; self.backwardGain = backwardGain; self.spectral = spectral
        self.notForecast = notForecast
    }
}
