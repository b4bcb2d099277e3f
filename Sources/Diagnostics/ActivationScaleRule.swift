import Foundation
import Probes

/// `activation-scale` — at step 0 the activations' RMS collapses or grows layer over layer
/// (last hidden layer vs first): the forward signal vanishes or explodes with depth; or the
/// first batch's loss is far above ln(classes): the logits start huge, so the network is
/// confidently wrong before it has learned anything (a well-scaled net starts near chance).
public struct ActivationScaleRule: Rule {
    public let id = "activation-scale"
    public let summary = "activation scale collapsing or growing layer over layer at step 0"

    public init() {}

    public func findings(in run: RunEvidence, thresholds: Thresholds) -> [Finding] {
        depthFindings(run, thresholds) + initialLossFindings(run, thresholds)
    }

    func initialLossFindings(_ run: RunEvidence, _ thresholds: Thresholds) -> [Finding] {
        guard let loss = run.history.batchLosses.first.map(Double.init), loss.isFinite else { return [] }
        let chance = Foundation.log(Double(max(run.classes, 2)))
        let factor = thresholds["\(id).initial_loss_factor"]
        guard loss > factor * chance else { return [] }
        let logits = run.probes?.layers.last?.snapshots.first?.activation.rms
        return [run.finding(
            id, .warning, layer: run.probes?.layers.count, steps: 1...1,
            evidence: [Evidence("first batch loss", loss), Evidence("ln(classes)", chance)]
                + (logits.map { [Evidence("RMS logit at step 0", $0)] } ?? []),
            threshold: thresholds.threshold("\(id).initial_loss_factor"),
            explanation: "The first batch's loss is \(Wording.number(loss)), \(Wording.factor(loss / chance)) the ln(\(run.classes)) = \(Wording.number(chance)) of a uniform guess: "
                + "the logits start so large that the network is confidently wrong before learning anything. The weights are scaled too large.")]
    }

    func depthFindings(_ run: RunEvidence, _ thresholds: Thresholds) -> [Finding] {
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
