import Tensor

/// One split of a labelled dataset: features scaled to [0, 1] Float, integer labels.
public struct Dataset: Sendable {
    /// Display name, e.g. "Fashion-MNIST" (see `DatasetLocation.displayName(for:)`).
    public let name: String
    /// The path(s) it was read from, for reports.
    public let source: String
    /// (count, featureCount), row-major Float in [0, 1].
    public let features: Matrix
    /// `count` entries, each in `0..<classCount`.
    public let labels: [Int32]
    public let classCount: Int

    public var count: Int { features.rows }
    public var featureCount: Int { features.cols }

    /// Shapes and label ranges are programmer errors here: readers validate input first.
    public init(name: String, source: String, features: Matrix, labels: [Int32], classCount: Int) {
        precondition(features.rows == labels.count,
                     "Dataset \(name): features (\(features.rows), \(features.cols)) but \(labels.count) labels")
        precondition(classCount >= 1, "Dataset \(name): classCount must be ≥ 1, got \(classCount)")
        precondition(labels.allSatisfy { $0 >= 0 && Int($0) < classCount },
                     "Dataset \(name): labels must lie in 0..<\(classCount)")
        self.name = name
        self.source = source
        self.features = features
        self.labels = labels
        self.classCount = classCount
    }

    /// Copies the rows `indices` into the first `indices.count` rows of `batch`
    /// (`batch.cols == featureCount`) and their labels into `batchLabels`, replacing its
    /// contents. The hot path of training: no allocation when capacities suffice.
    public func gather(_ indices: ArraySlice<Int>, into batch: inout Matrix,
                       labels batchLabels: inout [Int32]) {
        precondition(batch.cols == featureCount && batch.rows >= indices.count,
                     "gather: \(indices.count) rows of \(featureCount) into batch (\(batch.rows), \(batch.cols))")
        let width = featureCount
        let rowCount = count
        batchLabels.removeAll(keepingCapacity: true)
        batchLabels.reserveCapacity(indices.count)
        features.storage.withUnsafeBufferPointer { source in
            batch.storage.withUnsafeMutableBufferPointer { destination in
                guard let from = source.baseAddress, let to = destination.baseAddress else { return }
                for (slot, index) in indices.enumerated() {
                    precondition(index >= 0 && index < rowCount, "gather: index \(index) outside 0..<\(rowCount)")
                    (to + slot * width).update(from: from + index * width, count: width)
                }
            }
        }
        for index in indices {
            precondition(index >= 0 && index < rowCount, "gather: index \(index) outside 0..<\(rowCount)")
            batchLabels.append(labels[index])
        }
    }
}

/// The training and test splits of one dataset.
public struct DatasetSplits: Sendable {
    public let train: Dataset
    public let test: Dataset

    public init(train: Dataset, test: Dataset) {
        precondition(train.featureCount == test.featureCount,
                     "DatasetSplits: train has \(train.featureCount) features, test \(test.featureCount)")
        self.train = train
        self.test = test
    }
}
