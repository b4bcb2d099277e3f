/// `divergence` — the loss became NaN/Inf (the trainer stopped the run there) or ended far
/// above where it started. Only this run is affected; the others go on.
public struct DivergenceRule: Rule {
    public let id = "divergence"
    public let summary = "loss NaN/Inf, or above its start × factor"

    public init() {}

    public func findings(in run: RunEvidence, thresholds: Thresholds) -> [Finding] {
        if let step = run.history.divergedAtStep {
            return [run.finding(
                id, .error, steps: step...step,
                evidence: [Evidence("step", Double(step)), Evidence("steps completed", Double(run.history.batchLosses.count))],
                threshold: Threshold(key: "\(id).non_finite", value: 0),
                explanation: "The loss became NaN or infinite at step \(step) and the run was stopped there: activations or gradients overflowed. The weights are far too large, or so is the learning rate.")]
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
}
