import Testing
import Foundation
import Tensor
import Network
import TestSupport

@Suite struct SoftmaxCrossEntropyTests {
    @Test func equalLogitsGiveLogOfClassCount() {
        let logits = Matrix(rows: 3, cols: 10, repeating: 7)
        var d = Matrix(rows: 3, cols: 10)
        let loss = SoftmaxCrossEntropy.lossAndGradient(logits: logits, labels: [0, 4, 9], dLogits: &d)
        #expect(abs(Double(loss) - log(10.0)) < 1e-6)
        let evaluation = SoftmaxCrossEntropy.evaluate(logits: logits, labels: [0, 4, 9])
        #expect(evaluation.correct == 1)  // ties go to class 0, as torch.argmax does
    }

    @Test func largeLogitsStayFinite() {
        let logits = Matrix([[1e4, -1e4, 0], [-8e3, 8e3, 9e3]])
        var d = Matrix(rows: 2, cols: 3)
        let loss = SoftmaxCrossEntropy.lossAndGradient(logits: logits, labels: [0, 1], dLogits: &d)
        // Row 0 is certain and right (loss 0); row 1 puts label 1 at 1000 below the max.
        #expect(abs(loss - 500) < 1e-3)
        #expect(d.isFinite)
    }

    @Test func gradientMatchesFiniteDifferences() {
        var rng = SeededGenerator(seed: 8)
        let logits = Matrix.random(rows: 4, cols: 5, scale: 3, rng: &rng)
        let labels: [Int32] = [0, 3, 4, 1]
        var d = Matrix(rows: 4, cols: 5)
        _ = SoftmaxCrossEntropy.lossAndGradient(logits: logits, labels: labels, dLogits: &d)
        for i in 0..<logits.count {
            let numeric = centralDifference(step: 1e-2, at: logits.storage[i]) { v in
                var probe = logits; probe.storage[i] = v
                var scratch = Matrix(rows: 4, cols: 5)
                return Double(SoftmaxCrossEntropy.lossAndGradient(logits: probe, labels: labels, dLogits: &scratch))
            }
            #expect(isClose(numeric, Double(d.storage[i]), relative: 2e-2, absolute: 2e-4), "dLogits[\(i)]")
        }
        // Each row of (softmax − onehot)/batch sums to zero.
        for r in 0..<4 { #expect(abs(d.row(r).reduce(0, +)) < 1e-6) }
    }
}
