/// What the training loop announces to its observers, in order:
/// `runStart`, then per step `batchEnd`, per epoch `epochEnd`, finally `runEnd`.
public enum TrainingEvent: Sendable {
    case runStart(totalSteps: Int, stepsPerEpoch: Int)
    /// After the optimizer step of `step` (1-based, counted over the whole run); `loss` is
    /// the batch's loss before the update.
    case batchEnd(step: Int, epoch: Int, loss: Float)
    case epochEnd(EpochRecord)
    case runEnd(TrainingHistory)
}

/// Watches a training run. Observers read the trainer (its network's weights, gradients
/// and last activations) and must never change them: they observe, they do not steer.
public protocol TrainingObserver: AnyObject {
    func trainer(_ trainer: Trainer, didEmit event: TrainingEvent)
}
