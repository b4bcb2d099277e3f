import Synchronization
import Datasets

/// The dataset fingerprint (≈ 0.3 s of serial hashing for Fashion-MNIST), computed once by
/// whichever worker runs out of runs first: it fills the time that worker would otherwise
/// sit idle while the last runs finish on the other cores, instead of adding to the wall
/// time after training. Whoever asks later gets the stored value, or computes it then.
final class FingerprintOnce: Sendable {
    private enum State {
        case notStarted
        case computing
        case done(String)
    }

    private let data: DatasetSplits
    private let state = Mutex(State.notStarted)

    init(_ data: DatasetSplits) {
        self.data = data
    }

    /// Computes the fingerprint unless another thread has started or finished it; never waits.
    func computeIfNobodyHas() {
        let claimed = state.withLock { s -> Bool in
            guard case .notStarted = s else { return false }
            s = .computing
            return true
        }
        guard claimed else { return }
        let fingerprint = data.fingerprint
        state.withLock { $0 = .done(fingerprint) }
    }

    /// The fingerprint. Call once every thread that may compute it has returned (after the
    /// workers' `concurrentPerform`): then it is either done or not started.
    var value: String {
        computeIfNobodyHas()
        return state.withLock { s in
            guard case let .done(fingerprint) = s else { preconditionFailure("fingerprint read while a worker computes it") }
            return fingerprint
        }
    }
}
