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
    /// The first step whose loss was NaN or ±Inf; training stopped there.
    public var divergedAtStep: Int?

    public init() {}

    public var finalTestAccuracy: Double? { epochs.last?.testAccuracy }
    public var finalTestLoss: Double? { epochs.last?.testLoss }
}
