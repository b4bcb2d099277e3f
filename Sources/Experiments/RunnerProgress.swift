import Training

/// Where the suite is, for a progress line.
public struct RunnerProgress: Sendable {
    public var runsDone: Int
    public var runsTotal: Int
    /// The run that just reported, with its position.
    public var runLabel: String
    public var epoch: Int
    public var epochs: Int
    public var step: Int
    public var totalSteps: Int
}

/// Forwards a run's batch and epoch events to the progress callback, at most every 20 steps.
final class ProgressObserver: TrainingObserver {
    private let label: String
    private let epochs: Int
    private let report: (RunnerProgress) -> Void
    private var totalSteps = 0

    init(label: String, epochs: Int, report: @escaping (RunnerProgress) -> Void) {
        self.label = label
        self.epochs = epochs
        self.report = report
    }

    func trainer(_ trainer: Trainer, didEmit event: TrainingEvent) {
        switch event {
        case let .runStart(total, _):
            totalSteps = total
        case let .batchEnd(step, epoch, _) where step % 20 == 0 || step == totalSteps:
            report(RunnerProgress(runsDone: 0, runsTotal: 0, runLabel: label, epoch: epoch, epochs: epochs,
                                  step: step, totalSteps: totalSteps))
        default:
            break
        }
    }
}
