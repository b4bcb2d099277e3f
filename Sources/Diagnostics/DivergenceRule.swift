import Training

/// `divergence` — the loss or the weights became NaN/Inf (the trainer stopped the run there
/// and recorded the first layer: weights, activations or the loss itself), or the loss
/// ended far above where it started. Only this run is affected; the others go on.
public struct DivergenceRule: Rule {
    public let id = "divergence"
    public let summary = "loss or weights NaN/Inf (first layer named), or loss above its start × factor"

    public init() {}

    public func findings(in run: RunEvidence, thresholds: Thresholds) -> [Finding] {
        if let step = run.history.divergedAtStep {
            let divergence = run.history.divergence
            return [run.finding(
                id, .error, layer: divergence?.layer, steps: step...step,
                evidence: [Evidence("step", Double(step)), Evidence("steps completed", Double(run.history.batchLosses.count))],
                threshold: Threshold(key: "\(id).non_finite", value: 0),
                explanation: Self.explanation(divergence, step: step))]
        }
        let factor = thresholds["\(id).factor"]
        // Against the very first batch: a blow-up can be under way within ten steps.
        guard let trend = LossTrend(run.history), let first = run.history.batchLosses.first.map(Double.init),
              first > 0, trend.end > first * factor else { return [] }
        return [run.finding(
            id, .error, steps: 1...trend.steps,
            evidence: [Evidence("first batch loss", first), Evidence("loss at the end", trend.end),
                       Evidence("growth", trend.end / first)],
            threshold: thresholds.threshold("\(id).factor"),
            explanation: "The loss grew \(Wording.factor(trend.end / first)) over the run instead of falling: training is unstable.")]
    }

    /// What went non-finite first, and what that usually means.
    static func explanation(_ divergence: Divergence?, step: Int) -> String {
        let cause = "The weights are far too large, or so is the learning rate."
        guard let divergence else {
            return "The loss became NaN or infinite at step \(step) and the run was stopped there: activations or gradients overflowed. \(cause)"
        }
        switch divergence.what {
        case .activations:
            return "Layer \(divergence.layer)'s outputs became NaN or infinite at step \(step) (every weight and the layers before it were finite) and the run was stopped there: the forward signal overflowed. \(cause)"
        case .loss:
            return "The loss became NaN or infinite at step \(step) with every weight and layer output finite — the logits were too far apart — and the run was stopped there. \(cause)"
        case .weights:
            return step == 0
                ? "Layer \(divergence.layer)'s weights were NaN or infinite as initialized, so the run did not train. The initializer's scale overflowed."
                : "Layer \(divergence.layer)'s weights were NaN or infinite at step \(step) and the run was stopped there: an earlier update overflowed (a gradient, or the step itself). The learning rate is far too large, or the gradients exploded."
        }
    }
}
