/// When to probe: at step 0 (as initialized), every `every` optimizer steps, and at the
/// last step. Histograms are kept at a subset of those probes, at most `histogramBudget`
/// of them (always the first and the last), so memory stays bounded whatever the run length.
public struct ProbeSchedule: Sendable, Equatable {
    public let every: Int
    public let totalSteps: Int
    public let histogramBudget: Int

    public init(every: Int, totalSteps: Int, histogramBudget: Int = 12) {
        precondition(every >= 1 && totalSteps >= 0 && histogramBudget >= 2,
                     "ProbeSchedule needs every ≥ 1, totalSteps ≥ 0, histogramBudget ≥ 2")
        self.every = every
        self.totalSteps = totalSteps
        self.histogramBudget = histogramBudget
    }

    /// Every probed step, in order.
    public var steps: [Int] {
        var steps = Array(stride(from: 0, through: totalSteps, by: every))
        if steps.last != totalSteps { steps.append(totalSteps) }
        return steps
    }

    public func probes(at step: Int) -> Bool {
        step == 0 || step == totalSteps || (step > 0 && step % every == 0 && step < totalSteps)
    }

    /// Whether the probe at `step` also keeps histograms.
    public func keepsHistograms(at step: Int) -> Bool {
        guard probes(at: step) else { return false }
        if step == 0 || step == totalSteps { return true }
        let stride = max(1, (steps.count + histogramBudget - 3) / (histogramBudget - 2))
        return (step / every) % stride == 0
    }
}
