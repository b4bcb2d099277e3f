/// How long and in what batches to train.
public struct TrainingSettings: Sendable, Codable, Equatable {
    public var epochs: Int
    public var batchSize: Int
    /// Rows per forward pass when evaluating on the test split (no gradients kept).
    public var evaluationBatchSize: Int

    public init(epochs: Int, batchSize: Int, evaluationBatchSize: Int = 1000) {
        precondition(epochs >= 1 && batchSize >= 1 && evaluationBatchSize >= 1,
                     "TrainingSettings needs epochs, batchSize, evaluationBatchSize ≥ 1")
        self.epochs = epochs
        self.batchSize = batchSize
        self.evaluationBatchSize = evaluationBatchSize
    }

    /// Optimizer steps in one epoch over `examples` (the last batch may be partial).
    public func stepsPerEpoch(examples: Int) -> Int {
        (examples + batchSize - 1) / batchSize
    }
}
