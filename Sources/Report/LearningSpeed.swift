import Foundation
import Experiments

/// How fast each run learned: the first batch at which its training loss, smoothed by a
/// trailing mean over `window` batches, falls below the experiment's target
///
///     ℓ* = (ln C + ℓ_best) / 2,
///
/// halfway from chance (ln C for C classes: the loss of a uniform guess) down to ℓ_best, the
/// lowest smoothed training loss any run of the experiment reached. One target for every run,
/// so the steps compare across initializers and network variants.
///
/// The smoothed loss at batch k (1-based) is the mean of batches k − window + 1 … k; it is
/// defined from batch `window` on, and a window holding a NaN or infinite loss (a run
/// diverging) has no value. A run whose smoothed loss never falls below ℓ* has no step.
struct LearningSpeed: Sendable {
    static let window = 20

    /// ln C.
    let chanceLoss: Double
    /// The lowest smoothed training loss of any run, and that run's id; nil when no run has
    /// `window` finite batches.
    let best: (loss: Double, runID: String)?
    /// ℓ*; nil without `best`.
    let target: Double?
    /// Batch (1-based) at which each run's smoothed loss first fell below ℓ*; nil: never.
    let steps: [String: Int?]

    init(_ result: ExperimentResult) {
        let classes = Double(max(result.dataset.classes, 2))
        let smoothed = result.runs.map { run in (run.id, Self.smoothed(run.history.batchLosses.map(Double.init))) }
        var best: (loss: Double, runID: String)?
        for (id, curve) in smoothed {
            if let low = curve.filter(\.isFinite).min(), low < (best?.loss ?? .infinity) { best = (low, id) }
        }
        self.init(chanceLoss: Foundation.log(classes), best: best, curves: smoothed)
    }

    /// From smoothed curves by run id (tests give their own).
    init(chanceLoss: Double, best: (loss: Double, runID: String)?, curves: [(String, [Double])]) {
        self.chanceLoss = chanceLoss
        self.best = best
        let target = best.map { (chanceLoss + $0.loss) / 2 }
        self.target = target
        var steps: [String: Int?] = [:]
        for (id, curve) in curves { steps[id] = target.flatMap { Self.firstBatch(below: $0, smoothed: curve) } }
        self.steps = steps
    }

    /// The trailing mean over `window` batches, one value per batch: NaN for the first
    /// `window − 1` batches and for every window holding a non-finite loss.
    static func smoothed(_ losses: [Double], window: Int = window) -> [Double] {
        precondition(window >= 1, "LearningSpeed: window \(window) must be at least 1")
        var out = [Double](repeating: .nan, count: losses.count)
        guard losses.count >= window else { return out }
        for k in (window - 1)..<losses.count {
            let slice = losses[(k - window + 1)...k]
            guard slice.allSatisfy(\.isFinite) else { continue }
            out[k] = slice.reduce(0, +) / Double(window)
        }
        return out
    }

    /// The first batch (1-based) whose smoothed loss is below `target`; nil if none is.
    static func firstBatch(below target: Double, smoothed: [Double]) -> Int? {
        smoothed.firstIndex { $0.isFinite && $0 < target }.map { $0 + 1 }
    }

    /// The step of `run`: nil when it never reached ℓ*.
    func step(_ run: RunResult) -> Int? { steps[run.id] ?? nil }

    /// Over a series' seeds: the mean step of the seeds that reached ℓ*, and how many did.
    func statistics(_ runs: [RunResult]) -> (mean: Double, standardDeviation: Double?, reached: Int)? {
        let reached = runs.compactMap { step($0) }.map(Double.init)
        guard let stats = SeedStatistics(reached) else { return nil }
        return (stats.mean, stats.standardDeviation, reached.count)
    }

    /// "412", "412 ± 31", "412 (2 of 3 seeds)", or "never".
    func text(_ runs: [RunResult]) -> String {
        guard let stats = statistics(runs) else { return "never" }
        var text = String(format: "%.0f", stats.mean)
        if let spread = stats.standardDeviation { text += String(format: " ± %.0f", spread) }
        if stats.reached < runs.count { text += " (\(stats.reached) of \(runs.count) seeds; the others never)" }
        return text
    }
}
