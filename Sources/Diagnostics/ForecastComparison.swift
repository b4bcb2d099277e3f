import Tensor
import Probes

/// The variance forecast next to what the probes measured at step 0, layer by layer: the
/// table that shows whether the Glorot/He derivation holds for this draw and this data.
/// Measured E[z²] = std² + mean² of the layer's pre-activation on the probe batch, and
/// E[(∂L/∂a)²] likewise of its activation gradient (∂L/∂logits for the output layer).
/// Relative error = |forecast − measured| / measured (0 when both are 0, +∞ when only the
/// measurement is).
///
/// Two forecasts of E[z²] per layer: the *chained* one (input → this layer, from the
/// weights alone: what `initscope check` predicts) and the *layer-wise* one, the same
/// derivation applied to the measured input of this layer, fan_in · Var[W] · E[a²_prev]:
/// it tests the per-layer variance gain without carrying earlier layers' finite-width noise.
public struct ForecastComparison: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// 1-based.
        public var layer: Int
        public var fanIn: Int
        public var fanOut: Int
        public var forecastPreActivationSquare: Double?
        public var measuredPreActivationSquare: Double
        public var forecastActivationGradientSquare: Double?
        public var measuredActivationGradientSquare: Double
        /// fan_in · Var[W] · measured E[a²] of the previous layer (E[x²] for layer 1).
        public var layerwisePreActivationSquare: Double?

        public var layerwiseRelativeError: Double? {
            layerwisePreActivationSquare.map { ForecastComparison.relativeError($0, measuredPreActivationSquare) }
        }

        public var preActivationRelativeError: Double? {
            forecastPreActivationSquare.map { ForecastComparison.relativeError($0, measuredPreActivationSquare) }
        }

        public var activationGradientRelativeError: Double? {
            forecastActivationGradientSquare.map { ForecastComparison.relativeError($0, measuredActivationGradientSquare) }
        }
    }

    public var rows: [Row]

    /// Pairs each layer of `forecast` with the step-0 snapshot of the same layer in `probes`;
    /// nil when the layers do not match or a layer has no step-0 snapshot.
    public init?(forecast: VarianceForecast, probes: RunProbes) {
        guard forecast.layers.count == probes.layers.count else { return nil }
        var rows: [Row] = []
        var previousActivationSquare = forecast.inputSquare
        for (l, (predicted, trace)) in zip(forecast.layers, probes.layers).enumerated() {
            guard predicted.fanIn == trace.fanIn, predicted.fanOut == trace.fanOut,
                  let start = trace.snapshots.first(where: { $0.step == 0 }) else { return nil }
            let layerwise = predicted.preActivationSquare == nil ? nil
                : Double(predicted.fanIn) * predicted.weightVariance * previousActivationSquare
            rows.append(Row(layer: l + 1, fanIn: trace.fanIn, fanOut: trace.fanOut,
                            forecastPreActivationSquare: predicted.preActivationSquare,
                            measuredPreActivationSquare: start.preActivation.meanSquare,
                            forecastActivationGradientSquare: predicted.activationGradientSquare,
                            measuredActivationGradientSquare: start.activationGradient.meanSquare,
                            layerwisePreActivationSquare: layerwise))
            previousActivationSquare = start.activation.meanSquare
        }
        self.rows = rows
    }

    /// Largest relative error of the forecast E[z²] over the forecast layers.
    public var largestPreActivationError: Double? { rows.compactMap(\.preActivationRelativeError).max() }

    /// Largest relative error of the forecast E[(∂L/∂a)²] over the forecast layers.
    public var largestActivationGradientError: Double? { rows.compactMap(\.activationGradientRelativeError).max() }

    static func relativeError(_ forecast: Double, _ measured: Double) -> Double {
        if forecast == measured { return 0 }
        return measured == 0 ? .infinity : abs(forecast - measured) / abs(measured)
    }
}

extension Summary {
    /// E[x²] of the finite values: std² + mean².
    var meanSquare: Double { std * std + mean * mean }
}
