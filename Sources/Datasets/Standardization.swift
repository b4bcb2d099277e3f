import Tensor

/// Per-feature standardisation x' = (x − mean) / std, with mean and population standard
/// deviation (divisor n, as scikit-learn's `StandardScaler`) measured on one split — the
/// training split — and then applied unchanged to every split, so no statistic of the
/// evaluation examples leaks into training.
///
/// A feature with zero variance on the training split (a border pixel that is always 0) is
/// only centred: its `scale` is 1.
public struct Standardization: Sendable, Equatable {
    /// Per-feature mean of the fitted split.
    public let mean: [Float]
    /// Per-feature divisor: the standard deviation, or 1 where it is 0.
    public let scale: [Float]

    /// Measures `data`'s per-feature mean and deviation (sums in Double, two passes).
    public init(fitting data: Dataset) {
        let rows = data.count, cols = data.featureCount
        var sum = [Double](repeating: 0, count: cols)
        data.values.forEachBlock { x in
            for r in 0..<(x.count / max(cols, 1)) {
                for c in 0..<cols { sum[c] += Double(x[r * cols + c]) }
            }
        }
        let mean = sum.map { rows > 0 ? $0 / Double(rows) : 0 }
        var squares = [Double](repeating: 0, count: cols)
        data.values.forEachBlock { x in
            for r in 0..<(x.count / max(cols, 1)) {
                for c in 0..<cols {
                    let d = Double(x[r * cols + c]) - mean[c]
                    squares[c] += d * d
                }
            }
        }
        self.mean = mean.map { Float($0) }
        scale = squares.map { total in
            let std = rows > 0 ? (total / Double(rows)).squareRoot() : 0
            return std > 0 ? Float(std) : 1
        }
    }

    /// `data` with every feature standardised; name, source and labels unchanged.
    public func apply(to data: Dataset) -> Dataset {
        precondition(data.featureCount == mean.count,
                     "Standardization fitted on \(mean.count) features, applied to \(data.featureCount)")
        let cols = data.featureCount
        var features = data.features
        features.storage.withUnsafeMutableBufferPointer { x in
            for r in 0..<data.count {
                for c in 0..<cols { x[r * cols + c] = (x[r * cols + c] - mean[c]) / scale[c] }
            }
        }
        return Dataset(name: data.name, source: data.source, features: features, labels: data.labels,
                       classCount: data.classCount, classNames: data.classNames)
    }
}

extension DatasetSplits {
    /// Both splits standardised with the training split's statistics.
    public func standardized() -> DatasetSplits {
        let statistics = Standardization(fitting: train)
        return DatasetSplits(train: statistics.apply(to: train), test: statistics.apply(to: test),
                             evaluation: evaluation)
    }
}
