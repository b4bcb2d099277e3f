import Probes

/// `exploding-gradient` — the back-propagated gradient grows on its way to the input at
/// step 0, a layer's gradient norm grows by orders of magnitude while the loss does not
/// fall, or any gradient holds NaN/±Inf. (Gradients that grow while the loss falls are a
/// tiny initialization waking up, not an explosion: the vanishing rule covers that start.)
public struct ExplodingGradientRule: Rule {
    public let id = "exploding-gradient"
    public let summary = "gradients grow across layers or over steps, or become NaN/Inf"

    public init() {}

    public func findings(in run: RunEvidence, thresholds: Thresholds) -> [Finding] {
        guard let layers = run.probes?.layers, let first = layers.first?.snapshots.first,
              let last = layers.last?.snapshots.first else { return [] }
        var findings: [Finding] = []
        let firstRMS = first.activationGradient.rms, lastRMS = last.activationGradient.rms
        let ratioLimit = thresholds["\(id).layer_ratio"]
        if layers.count > 1, lastRMS > 0, firstRMS / lastRMS > ratioLimit {
            findings.append(run.finding(
                id, .warning, layer: 1, steps: 0...0,
                evidence: [Evidence("RMS ∂L/∂a, layer 1", firstRMS), Evidence("RMS ∂L/∂a, layer \(layers.count)", lastRMS),
                           Evidence("ratio", firstRMS / lastRMS)],
                threshold: thresholds.threshold("\(id).layer_ratio"),
                explanation: "At initialization the gradient reaching layer 1 is \(Wording.factor(firstRMS / lastRMS)) larger than at the output: "
                    + "each layer amplifies it on the way back, so the first layers take huge steps. The weights are scaled too large for this depth."))
        }
        let growthLimit = thresholds["\(id).growth"]
        let lossFell = LossTrend(run.history).map { $0.end < $0.start } ?? false
        for layer in layers where !lossFell {
            guard let start = layer.snapshots.first, start.weightGradient.l2 > 0 else { continue }
            let peak = layer.snapshots.max { $0.weightGradient.l2 < $1.weightGradient.l2 }
            if let peak, peak.weightGradient.l2 / start.weightGradient.l2 > growthLimit {
                findings.append(run.finding(
                    id, .warning, layer: layer.index + 1, steps: 0...peak.step,
                    evidence: [Evidence("‖∂L/∂W‖ at step 0", start.weightGradient.l2),
                               Evidence("‖∂L/∂W‖ at step \(peak.step)", peak.weightGradient.l2),
                               Evidence("growth", peak.weightGradient.l2 / start.weightGradient.l2)],
                    threshold: thresholds.threshold("\(id).growth"),
                    explanation: "This layer's gradient norm grew \(Wording.factor(peak.weightGradient.l2 / start.weightGradient.l2)) during training while the loss did not fall: "
                        + "the updates feed on themselves instead of settling."))
            }
        }
        for layer in layers {
            let broken = layer.snapshots.filter { $0.weightGradient.nonFinite + $0.activationGradient.nonFinite > 0 }
            guard let a = broken.first, let b = broken.last else { continue }
            findings.append(run.finding(
                id, .error, layer: layer.index + 1, steps: a.step...b.step,
                evidence: [Evidence("non-finite ∂L/∂W values", Double(a.weightGradient.nonFinite)),
                           Evidence("non-finite ∂L/∂a values", Double(a.activationGradient.nonFinite))],
                threshold: Threshold(key: "\(id).non_finite", value: 0),
                explanation: "Gradients of this layer hold NaN or ±Inf from step \(a.step): the numbers overflowed and training cannot recover."))
        }
        return findings
    }
}
