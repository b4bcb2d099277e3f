import Foundation
import Training

/// The start and end of a run's loss curve, smoothed: the mean of the first 10 batch losses
/// and of the last tenth of the run (at least 10), finite values only.
struct LossTrend {
    let steps: Int
    let start: Double
    let end: Double

    init?(_ history: TrainingHistory) {
        let losses = history.batchLosses.map(Double.init).filter(\.isFinite)
        guard !losses.isEmpty else { return nil }
        let tail = max(10, losses.count / 10)
        steps = history.batchLosses.count
        start = losses.prefix(10).reduce(0, +) / Double(min(10, losses.count))
        end = losses.suffix(tail).reduce(0, +) / Double(min(tail, losses.count))
    }
}
