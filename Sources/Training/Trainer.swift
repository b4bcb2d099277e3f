import Foundation
import Tensor
import Network
import Datasets

/// The training loop: for each epoch, shuffle, then per batch forward → loss → backward →
/// optimizer step, then evaluate on the test split. Emits `TrainingEvent`s to observers.
///
/// A run stops early when its numbers go non-finite — the batch loss at every step, every
/// parameter when an epoch ends (`DivergenceCheck`) — and records where
/// (`TrainingHistory.divergence`); or when `interruption` is requested, checked before
/// every batch (`wasInterrupted`).
public final class Trainer {
    public let network: MLP
    public let settings: TrainingSettings
    public private(set) var optimizer: any Optimizer
    /// Optimizer steps taken so far in `fit` (the diverging step counts: its loss was seen).
    public private(set) var stepsTaken = 0
    /// True when `fit` stopped because `interruption` was requested: the history is cut
    /// short and not a result.
    public private(set) var wasInterrupted = false
    private let observers: [any TrainingObserver]
    private let interruption: InterruptionFlag?

    public init(network: MLP, optimizer: any Optimizer, settings: TrainingSettings,
                observers: [any TrainingObserver] = [], interruption: InterruptionFlag? = nil) {
        self.network = network
        self.optimizer = optimizer
        self.settings = settings
        self.observers = observers
        self.interruption = interruption
    }

    /// Trains on `train`, evaluating on `test` after every epoch. `dataOrder` shuffles the
    /// examples at the start of each epoch.
    public func fit(train: Dataset, test: Dataset, dataOrder: inout SeededGenerator) -> TrainingHistory {
        precondition(train.featureCount == network.sizes[0],
                     "Trainer: data has \(train.featureCount) features, network expects \(network.sizes[0])")
        let batchSize = min(settings.batchSize, train.count)
        let stepsPerEpoch = settings.stepsPerEpoch(examples: train.count)
        var history = TrainingHistory()
        history.batchLosses.reserveCapacity(stepsPerEpoch * settings.epochs)
        emit(.runStart(totalSteps: stepsPerEpoch * settings.epochs, stepsPerEpoch: stepsPerEpoch))

        var order = Array(0..<train.count)
        var batch = Matrix(rows: batchSize, cols: train.featureCount)
        var partialBatch: Matrix?
        var labels: [Int32] = []
        labels.reserveCapacity(batchSize)
        var step = 0
        // Weights drawn non-finite (an overflowing scale) would make every later check lie.
        if let l = DivergenceCheck.firstLayerWithNonFiniteParameters(network) {
            history.record(Divergence(step: 0, layer: l + 1, what: .weights))
            emit(.runEnd(history))
            return history
        }

        epochs: for epoch in 1...settings.epochs {
            order.shuffle(using: &dataOrder)
            let epochStart = ContinuousClock.now
            var lossSum = 0.0
            for start in stride(from: 0, to: train.count, by: batchSize) {
                if interruption?.isRequested == true {
                    wasInterrupted = true
                    history.trainSeconds += epochStart.secondsElapsed
                    break epochs
                }
                let indices = order[start..<min(start + batchSize, train.count)]
                let loss: Float
                if indices.count == batchSize {
                    train.gather(indices, into: &batch, labels: &labels)
                    loss = network.lossAndGradients(batch, labels: labels)
                } else {
                    var last = partialBatch.take() ?? Matrix(rows: indices.count, cols: train.featureCount)
                    train.gather(indices, into: &last, labels: &labels)
                    loss = network.lossAndGradients(last, labels: labels)
                    partialBatch = last
                }
                step += 1
                stepsTaken = step
                history.batchLosses.append(loss)
                guard loss.isFinite else {
                    history.record(DivergenceCheck.locate(in: network, step: step))
                    history.trainSeconds += epochStart.secondsElapsed
                    emit(.batchEnd(step: step, epoch: epoch, loss: loss))
                    break epochs
                }
                optimizer.update(network)
                lossSum += Double(loss)
                emit(.batchEnd(step: step, epoch: epoch, loss: loss))
            }
            // The epoch's last update is seen by no later loss; a saturating activation can
            // hide non-finite weights from the loss. One scan per epoch catches both.
            if let l = DivergenceCheck.firstLayerWithNonFiniteParameters(network) {
                history.record(Divergence(step: step, layer: l + 1, what: .weights))
                history.trainSeconds += epochStart.secondsElapsed
                break epochs
            }
            let trainSeconds = epochStart.secondsElapsed
            history.trainSeconds += trainSeconds

            let evaluationStart = ContinuousClock.now
            let (testLoss, testAccuracy) = evaluate(on: test)
            history.evaluationSeconds += evaluationStart.secondsElapsed
            let record = EpochRecord(epoch: epoch, trainLoss: lossSum / Double(stepsPerEpoch),
                                     testLoss: testLoss, testAccuracy: testAccuracy, trainSeconds: trainSeconds)
            history.epochs.append(record)
            emit(.epochEnd(record))
        }
        emit(.runEnd(history))
        return history
    }

    /// Mean loss and accuracy over a whole split, in chunks of `evaluationBatchSize`.
    public func evaluate(on data: Dataset) -> (loss: Double, accuracy: Double) {
        guard data.count > 0 else { return (.nan, .nan) }
        var lossSum = 0.0
        var correct = 0
        var labels: [Int32] = []
        var chunk: Matrix?
        for start in stride(from: 0, to: data.count, by: settings.evaluationBatchSize) {
            let end = min(start + settings.evaluationBatchSize, data.count)
            let indices = Array(start..<end)[...]
            // take() leaves the buffer uniquely referenced, so gather writes in place.
            var x = (chunk?.rows == indices.count ? chunk.take() : nil)
                ?? Matrix(rows: indices.count, cols: data.featureCount)
            data.gather(indices, into: &x, labels: &labels)
            let result = network.evaluate(x, labels: labels)
            lossSum += result.lossSum
            correct += result.correct
            chunk = x
        }
        return (lossSum / Double(data.count), Double(correct) / Double(data.count))
    }

    private func emit(_ event: TrainingEvent) {
        for observer in observers { observer.trainer(self, didEmit: event) }
    }
}
