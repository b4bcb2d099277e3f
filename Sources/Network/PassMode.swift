/// How a pass through an `MLP` treats BatchNorm and dropout. Without either, every mode
/// computes exactly the same numbers.
///
/// | mode         | BatchNorm normalizes with | running stats | dropout | dropout RNG |
/// |--------------|---------------------------|---------------|---------|-------------|
/// | `training`   | batch statistics          | updated       | on      | consumed    |
/// | `evaluation` | running statistics        | untouched     | off     | untouched   |
/// | `inspect`    | batch statistics          | untouched     | off     | untouched   |
///
/// `training` and `evaluation` are torch's `model.train()` and `model.eval()`. `inspect` is
/// for observers (probes, LSUV) that measure the network as training sees it on a fixed batch
/// and must leave no trace: the next training step is the same whether or not they looked.
public enum PassMode: Sendable, Equatable, Hashable, CaseIterable {
    case training
    case evaluation
    case inspect

    /// BatchNorm uses the batch's own mean and variance (else its running estimates).
    public var usesBatchStatistics: Bool { self != .evaluation }
    /// BatchNorm folds this batch's statistics into its running estimates.
    public var updatesRunningStatistics: Bool { self == .training }
    /// Dropout zeroes hidden activations (drawing a mask from the network's generator).
    public var appliesDropout: Bool { self == .training }
}
