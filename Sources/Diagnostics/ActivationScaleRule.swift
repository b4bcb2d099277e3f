import Foundation
import Probes

/// `activation-scale` — at step 0 the activations' RMS collapses or grows layer over layer
/// (last hidden layer vs first): the forward signal vanishes or explodes with depth.
public struct ActivationScaleRule: Rule {
    public let id = "activation-scale"
    public let summary = "activation scale collapsing or growing layer over layer at step 0"

    public init() {}

    public func findings(in run: RunEvidence, thresholds: Thresholds) -> [Finding] {
        let hidden = run.hiddenLayers
        guard hidden.count >= 2, let first = hidden.first?.snapshots.first, let last = hidden.last?.snapshots.first else { return [] }
        let a = first.activation.rms, b = last.activation.rms
        guard a > 0, b > 0 || first.activation.nonFinite + last.activation.nonFinite > 0 else { return [] }
        let ratio = b / a
        let collapse = thresholds["\(id).collapse"], growth = thresholds["\(id).growth"]
        guard ratio < collapse || ratio > growth || !ratio.isFinite else { return [] }
        let shrinks = ratio < collapse
        let perLayer = Foundation.pow(ratio, 1 / Double(hidden.count - 1))
        return [run.finding(
            id, .warning, layer: hidden.count, steps: 0...0,
            evidence: [Evidence("RMS activation, layer 1", a), Evidence("RMS activation, layer \(hidden.count)", b),
                       Evidence("ratio", ratio), Evidence("factor per layer", perLayer)],
            threshold: thresholds.threshold(shrinks ? "\(id).collapse" : "\(id).growth"),
            explanation: shrinks
                ? "At initialization the activations shrink \(Wording.factor(1 / ratio)) from layer 1 to layer \(hidden.count) (×\(Wording.number(perLayer)) per layer): deeper layers see almost no signal."
                : "At initialization the activations grow \(Wording.factor(ratio)) from layer 1 to layer \(hidden.count) (×\(Wording.number(perLayer)) per layer): the weights are scaled too large for this depth.")]
    }
}
