/// Test-set figures after one epoch.
public struct EpochRecord: Sendable, Codable, Equatable {
    /// 1-based.
    public var epoch: Int
    /// Mean of this epoch's batch losses.
    public var trainLoss: Double
    public var testLoss: Double
    public var testAccuracy: Double
    /// Wall time of this epoch's training steps (evaluation excluded).
    public var trainSeconds: Double

    public init(epoch: Int, trainLoss: Double, testLoss: Double, testAccuracy: Double, trainSeconds: Double) {
        self.epoch = epoch; self.trainLoss = trainLoss; self.testLoss = testLoss
        self.testAccuracy = testAccuracy; self.trainSeconds = trainSeconds
    }
}

/// Everything a run records while it learns.
public struct TrainingHistory: Sendable, Codable, Equatable {
    /// The loss of every batch, in order (step 1 first).
    public var batchLosses: [Float] = []
    public var epochs: [EpochRecord] = []
    /// Wall time of all training steps, and of all test evaluations.
    public var trainSeconds: Double = 0
    public var evaluationSeconds: Double = 0
    /// The step at which a NaN or ±Inf stopped training (`divergence.step`); kept as its
    /// own field so files written before `divergence` existed still say when.
    public var divergedAtStep: Int?
    /// Where the run went non-finite first (nil when it did not, and in older files).
    public var divergence: Divergence?

    public init() {}

    public var finalTestAccuracy: Double? { epochs.last?.testAccuracy }
    public var finalTestLoss: Double? { epochs.last?.testLoss }

    /// "diverged at step 3 (layer 2's activations non-finite)"; "diverged at step 3" for
    /// files written before `divergence`; nil when the run did not diverge.
    public var divergenceStatus: String? {
        guard let step = divergedAtStep else { return nil }
        guard let divergence else { return "diverged at step \(step)" }
        return "diverged at step \(step) (\(divergence.place) non-finite)"
    }

    /// Marks the run as stopped by `divergence` (both fields, so they always agree).
    public mutating func record(_ divergence: Divergence) {
        self.divergence = divergence
        divergedAtStep = divergence.step
    }
}
