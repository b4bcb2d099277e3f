import Tensor
#if canImport(Glibc)
import Glibc
#endif

/// Softmax followed by cross-entropy, averaged over the batch — PyTorch's
/// `F.cross_entropy(logits, labels)` with reduction "mean".
///
/// Numerically stable: each row uses log-sum-exp around its maximum, so logits of ±1e4
/// give finite losses instead of `inf − inf`.
public enum SoftmaxCrossEntropy {
    // logits (batch, classes), labels (batch) → mean loss; dLogits = (softmax − onehot) / batch
    public static func lossAndGradient(logits: Matrix, labels: [Int32], dLogits: inout Matrix) -> Float {
        precondition(labels.count == logits.rows && dLogits.rows == logits.rows && dLogits.cols == logits.cols,
                     "SoftmaxCrossEntropy: logits (\(logits.rows), \(logits.cols)), \(labels.count) labels, dLogits (\(dLogits.rows), \(dLogits.cols))")
        let classes = logits.cols
        let inverseBatch = 1 / Float(logits.rows)
        var lossSum = 0.0
        logits.storage.withUnsafeBufferPointer { z in
            dLogits.storage.withUnsafeMutableBufferPointer { g in
                for r in 0..<logits.rows {
                    let row = r * classes
                    var maximum = z[row]
                    for c in 1..<classes { maximum = max(maximum, z[row + c]) }
                    var sum: Float = 0
                    for c in 0..<classes {
                        let e = expf(z[row + c] - maximum)
                        g[row + c] = e
                        sum += e
                    }
                    let label = Int(labels[r])
                    lossSum += Double(maximum + logf(sum) - z[row + label])
                    let scale = inverseBatch / sum
                    for c in 0..<classes { g[row + c] *= scale }
                    g[row + label] -= inverseBatch
                }
            }
        }
        return Float(lossSum / Double(logits.rows))
    }

    /// Summed loss and number of correct arg-max predictions (ties go to the lowest class,
    /// as `torch.argmax` does), for evaluation without gradients.
    public static func evaluate(logits: Matrix, labels: [Int32]) -> (lossSum: Double, correct: Int) {
        precondition(labels.count == logits.rows, "evaluate: \(logits.rows) logit rows, \(labels.count) labels")
        let classes = logits.cols
        var lossSum = 0.0
        var correct = 0
        logits.storage.withUnsafeBufferPointer { z in
            for r in 0..<logits.rows {
                let row = r * classes
                var maximum = z[row], argmax = 0
                for c in 1..<classes where z[row + c] > maximum { maximum = z[row + c]; argmax = c }
                var sum: Float = 0
                for c in 0..<classes { sum += expf(z[row + c] - maximum) }
                let label = Int(labels[r])
                lossSum += Double(maximum + logf(sum) - z[row + label])
                if argmax == label { correct += 1 }
            }
        }
        return (lossSum, correct)
    }
}
