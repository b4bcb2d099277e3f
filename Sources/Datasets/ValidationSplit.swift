import Tensor

/// Holding out part of the training examples for evaluation (`data.validation_split`).
extension DatasetSplits {
    /// The `SeededGenerator` stream that picks the held-out examples.
    public static let validationStream = "data-validation-split"

    /// Splits `source` (a training split) in two: the training indices 0..<n are shuffled by
    /// the seed's "data-validation-split" stream and the last round(n · share) of them become
    /// the validation split (`evaluation == .validation`). Both parts keep the source's row
    /// order. Throws `.invalidSetting` for `data.validation_split` when either part would be
    /// empty.
    public static func holdingOutValidation(from source: Dataset, share: Double,
                                            seed: UInt64) throws(DatasetError) -> DatasetSplits {
        let total = source.count
        let heldOut = Int((Double(total) * share).rounded())
        guard heldOut >= 1 && heldOut < total else {
            throw .invalidSetting(
                key: DataSettings.Key.validationSplit, value: "\(share)",
                expected: "a share that holds out at least 1 and keeps at least 1 of the \(total) training "
                    + "examples (this one holds out \(heldOut)); pick a share between \(1 / Double(max(total, 1))) "
                    + "and \(1 - 1 / Double(max(total, 1))), or use more data")
        }
        var rng = SeededGenerator(seed: seed, stream: validationStream)
        var order = Array(0..<total)
        order.shuffle(using: &rng)
        let kept = order[..<(total - heldOut)].sorted()
        let held = order[(total - heldOut)...].sorted()
        return DatasetSplits(train: source.selecting(kept), test: source.selecting(held), evaluation: .validation)
    }
}

extension Dataset {
    /// The rows at `indices`, in that order, as a dataset with the same name and classes.
    public func selecting(_ indices: [Int]) -> Dataset {
        Dataset(name: name, source: source, values: values.selecting(indices),
                labels: indices.map { labels[$0] }, classCount: classCount, classNames: classNames)
    }
}
