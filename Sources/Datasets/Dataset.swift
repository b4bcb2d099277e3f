import Tensor

/// One split of a labelled dataset: a Float feature matrix and integer class labels.
///
/// Feature ranges depend on the source: IDX pixels are scaled to [0, 1] (byte / 255), CSV
/// values are kept as written, synthetic points lie roughly in [-1, 1] (spirals) or spread a
/// few units around their centres (blobs), and `data.standardize` rescales any of them to
/// zero mean and unit variance per feature.
public struct Dataset: Sendable {
    /// Display name, e.g. "Fashion-MNIST" (see `DatasetLocation.displayName(for:)`).
    public let name: String
    /// The path(s) it was read from, for reports.
    public let source: String
    /// (count, featureCount) values, row-major (range: see the type's comment); IDX images
    /// keep their bytes (see `FeatureValues`).
    public let values: FeatureValues
    /// `count` entries, each in `0..<classCount`.
    public let labels: [Int32]
    public let classCount: Int
    /// The name of each class number when the source labels by name (CSV), else nil.
    public let classNames: [String]?

    public var count: Int { values.rows }
    public var featureCount: Int { values.cols }
    /// Every feature value as a Float matrix: a full copy when the values are bytes, so for
    /// tests and small data; training copies batches with `gather`.
    public var features: Matrix { values.matrix }

    /// Shapes and label ranges are programmer errors here: readers validate input first.
    public init(name: String, source: String, values: FeatureValues, labels: [Int32], classCount: Int,
                classNames: [String]? = nil) {
        precondition(values.rows == labels.count,
                     "Dataset \(name): features (\(values.rows), \(values.cols)) but \(labels.count) labels")
        precondition(classCount >= 1, "Dataset \(name): classCount must be ≥ 1, got \(classCount)")
        precondition(labels.allSatisfy { $0 >= 0 && Int($0) < classCount },
                     "Dataset \(name): labels must lie in 0..<\(classCount)")
        precondition(classNames == nil || classNames?.count == classCount,
                     "Dataset \(name): \(classNames?.count ?? 0) class names for \(classCount) classes")
        self.name = name
        self.source = source
        self.values = values
        self.labels = labels
        self.classCount = classCount
        self.classNames = classNames
    }

    public init(name: String, source: String, features: Matrix, labels: [Int32], classCount: Int,
                classNames: [String]? = nil) {
        self.init(name: name, source: source, values: FeatureValues(features), labels: labels,
                  classCount: classCount, classNames: classNames)
    }

    /// Copies the rows `indices` into the first `indices.count` rows of `batch`
    /// (`batch.cols == featureCount`) and their labels into `batchLabels`, replacing its
    /// contents. The hot path of training: no allocation when capacities suffice.
    public func gather(_ indices: ArraySlice<Int>, into batch: inout Matrix,
                       labels batchLabels: inout [Int32]) {
        precondition(batch.cols == featureCount && batch.rows >= indices.count,
                     "gather: \(indices.count) rows of \(featureCount) into batch (\(batch.rows), \(batch.cols))")
        let rowCount = count
        batchLabels.removeAll(keepingCapacity: true)
        batchLabels.reserveCapacity(indices.count)
        for index in indices {
            precondition(index >= 0 && index < rowCount, "gather: index \(index) outside 0..<\(rowCount)")
        }
        batch.storage.withUnsafeMutableBufferPointer { destination in
            values.copyRows(at: indices, into: destination)
        }
        for index in indices {
            batchLabels.append(labels[index])
        }
    }
}

/// The training split and the evaluation split of one dataset.
///
/// `test` is the split the model is evaluated on. It is the source's own test split unless
/// `evaluation == .validation`: then it is a held-out share of the source's training
/// examples (`data.validation_split`), and the source's test split is not used at all — reports
/// should say "validation", not "test".
public struct DatasetSplits: Sendable {
    /// What the evaluation split (`test`) is.
    public enum Evaluation: String, Sendable, Codable, CaseIterable {
        /// The source's own test split.
        case test
        /// Examples held out of the source's training split.
        case validation
    }

    public let train: Dataset
    /// The evaluation split: see `evaluation`.
    public let test: Dataset
    public let evaluation: Evaluation

    public init(train: Dataset, test: Dataset, evaluation: Evaluation = .test) {
        precondition(train.featureCount == test.featureCount,
                     "DatasetSplits: train has \(train.featureCount) features, test \(test.featureCount)")
        self.train = train
        self.test = test
        self.evaluation = evaluation
    }

    /// "test" or "validation", for reports.
    public var evaluationName: String { evaluation.rawValue }
}
