import Synchronization
import Tensor

/// Finished runs whose final weights' singular values are still to be measured: each
/// layer's `spectralAtEnd`, one SVD per layer (about 10 ms for a 784×256 weight).
///
/// With more than one worker, a worker that ends a run leaves this to the core that idles
/// at the end of the suite — once the last run is claimed, the first worker out of runs
/// has nothing to train — and goes on to its next run. Whatever that core has not measured
/// when the last run ends is measured then, on every core. A run's result reaches the
/// `ResultBoard` only once measured, so every result read from the board is complete.
final class EndSpectra: Sendable {
    private struct Pending: Sendable {
        let index: Int
        var result: RunResult
        let weightsAtEnd: [Matrix]
    }
    private let pending = Mutex<[Pending]>([])

    /// Keeps run `index`'s result until its `spectralAtEnd` is measured from `weightsAtEnd`.
    func add(_ result: RunResult, weightsAtEnd: [Matrix], index: Int) {
        pending.withLock { $0.append(Pending(index: index, result: result, weightsAtEnd: weightsAtEnd)) }
    }

    var isEmpty: Bool { pending.withLock { $0.isEmpty } }
    var count: Int { pending.withLock { $0.count } }

    /// Measures kept runs one at a time, oldest first, handing each result to `board`, until
    /// none is left or `stop` turns true (asked between runs).
    func measure(into board: ResultBoard, until stop: () -> Bool = { false }) {
        while !stop(), let next = pending.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
            var result = next.result
            result.probes?.measureSpectralAtEnd(of: next.weightsAtEnd)
            board.fill(result, at: next.index)
        }
    }
}
