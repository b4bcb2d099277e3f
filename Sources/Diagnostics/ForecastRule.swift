import Foundation
import Network

/// `forecast` — before any training, the variance forecast (`VarianceForecast`) says the
/// signal (input → logits) or the gradient (logits → layer 1) shrinks below
/// `forecast.vanish` or grows above `forecast.explode` through the whole network. It reads
/// the drawn weights only, so it fires before a single step is spent (`initscope check`).
///
/// As a `Rule` it reads the forecast a run stored before training; `initscope check` calls
/// `findings(in: VarianceForecast, …)` directly, without training.
public struct ForecastRule: Rule {
    public let id = "forecast"
    public let summary = "forecast forward or backward variance gain through the whole network below vanish or above explode"

    public init() {}

    public func findings(in run: RunEvidence, thresholds: Thresholds) -> [Finding] {
        guard let forecast = run.forecast else { return [] }
        return findings(in: forecast, runID: run.runID, initializer: run.initializer,
                        expectsFailure: run.expectsFailure, thresholds: thresholds)
    }

    public func findings(in forecast: VarianceForecast, runID: String, initializer: String,
                         expectsFailure: Bool = false, thresholds: Thresholds = .defaults) -> [Finding] {
        var findings: [Finding] = []
        let directions: [(Direction, Double?, [Double?])] = [
            (.forward, forecast.forwardGain, forecast.layers.map(\.forwardGain)),
            (.backward, forecast.backwardGain, forecast.layers.dropFirst().map(\.backwardGain)),
        ]
        for (direction, gain, factors) in directions {
            guard let gain, !factors.isEmpty else { continue }
            let vanishes = gain < thresholds["\(id).vanish"]
            guard vanishes || gain > thresholds["\(id).explode"] else { continue }
            let perLayer = Foundation.pow(gain, 1 / Double(factors.count))
            var evidence = [Evidence("forecast \(direction.rawValue) variance gain", gain),
                            Evidence("factor per layer (geometric mean)", perLayer),
                            Evidence("layers", Double(factors.count))]
            let offset = direction == .forward ? 1 : 2
            let extreme = factors.enumerated().compactMap { i, f in f.map { (layer: i + offset, factor: $0) } }
                .min { vanishes ? $0.factor < $1.factor : $0.factor > $1.factor }
            if let extreme { evidence.append(Evidence("layer \(extreme.layer) factor", extreme.factor)) }
            findings.append(Finding(
                rule: id, severity: .warning, runID: runID, initializer: initializer, evidence: evidence,
                threshold: thresholds.threshold(vanishes ? "\(id).vanish" : "\(id).explode"),
                explanation: explanation(direction, vanishes: vanishes, gain: gain, perLayer: perLayer,
                                         layers: factors.count, activation: forecast.activation),
                expected: expectsFailure))
        }
        return findings
    }

    enum Direction: String {
        case forward, backward
    }

    func explanation(_ direction: Direction, vanishes: Bool, gain: Double, perLayer: Double, layers: Int,
                     activation: Activation) -> String {
        if gain == 0 {
            return "Before training, the forecast says no \(direction == .forward ? "signal reaches the logits" : "gradient reaches layer 1") "
                + "at all: a layer's weights are all zero, so the variance it passes on is exactly 0. " + Self.fix(for: activation)
        }
        let change = vanishes ? "shrink \(Wording.factor(1 / gain))" : "grow \(Wording.factor(gain))"
        let what: String
        switch (direction, vanishes) {
        case (.forward, true):
            what = "Before training, the forecast says the signal's variance will \(change) from the input to the logits "
                + "(×\(Wording.number(perLayer)) per layer over \(layers) layers): the deep layers would see almost no signal."
        case (.forward, false):
            what = "Before training, the forecast says the signal's variance will \(change) from the input to the logits "
                + "(×\(Wording.number(perLayer)) per layer over \(layers) layers): the logits start huge and training is unstable."
        case (.backward, true):
            what = "Before training, the forecast says the gradient's variance will \(change) from the logits back to layer 1 "
                + "(×\(Wording.number(perLayer)) per layer over \(layers) layers): the first layers would learn far more slowly than the last "
                + "(Adam, which rescales each weight's step, hides part of this)."
        case (.backward, false):
            what = "Before training, the forecast says the gradient's variance will \(change) from the logits back to layer 1 "
                + "(×\(Wording.number(perLayer)) per layer over \(layers) layers): the first layers would take huge steps."
        }
        return what + " " + Self.fix(for: activation)
    }

    /// The variance-preserving scheme for an activation, in a student's words.
    static func fix(for activation: Activation) -> String {
        switch activation {
        case .relu:
            return "For relu, draw weights with Var[W] = 2/fan_in, which makes up for the half of the signal ReLU zeroes: He initialization (he_normal)."
        case let .leakyReLU(slope):
            return "For leaky_relu(\(slope)), draw weights with Var[W] = 2/((1 + s²)·fan_in): He initialization (he_normal) with the slope's gain."
        case .tanh, .softsign:
            return "For \(activation.name), keep Var[W] near 1/fan_in or 2/(fan_in + fan_out): Xavier (Glorot) initialization (xavier_uniform or xavier_normal)."
        case .sigmoid:
            return "For sigmoid, keep Var[W] near 2/(fan_in + fan_out): Xavier (Glorot) initialization (xavier_uniform or xavier_normal); tanh or relu learn more easily."
        case .selu:
            return "For selu, draw weights with Var[W] = 1/fan_in (LeCun normal), which self-normalizing networks assume."
        case .elu, .gelu:
            return "For \(activation.name), draw weights with Var[W] ≈ 2/fan_in: He initialization (he_normal)."
        case .linear:
            return "Without a non-linearity, Var[W] = 1/fan_in keeps the variance (LeCun), 2/(fan_in + fan_out) balances both directions (Xavier: xavier_normal)."
        }
    }
}
