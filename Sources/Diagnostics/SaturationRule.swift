import Probes

/// `saturation` — a large share of a tanh/sigmoid layer's outputs sit on the flat tails
/// (|tanh| > 0.97, sigmoid < 0.03 or > 0.97), where the derivative is nearly 0.
public struct SaturationRule: Rule {
    public let id = "saturation"
    public let summary = "share of saturated tanh/sigmoid outputs above a threshold"

    public init() {}

    public func findings(in run: RunEvidence, thresholds: Thresholds) -> [Finding] {
        let limit = thresholds["\(id).share"]
        return run.hiddenLayers.compactMap { layer -> Finding? in
            let saturated = layer.snapshots.filter { ($0.saturatedFraction ?? 0) > limit }
            guard let a = saturated.first, let b = saturated.last,
                  let worst = saturated.map({ $0.saturatedFraction ?? 0 }).max() else { return nil }
            return run.finding(
                id, .warning, layer: layer.index + 1, steps: a.step...b.step,
                evidence: [Evidence("largest saturated share", worst),
                           Evidence("saturated share at step 0", layer.snapshots.first?.saturatedFraction ?? 0),
                           Evidence("probes above the threshold", Double(saturated.count))],
                threshold: thresholds.threshold("\(id).share"),
                explanation: "Up to \(Wording.percent(worst)) of this layer's \(run.activation.name) outputs are saturated, where the slope is "
                    + "under 6% of its peak: gradients through them nearly vanish. Weights too large for this activation (use Xavier for tanh) cause it.")
        }
    }
}
