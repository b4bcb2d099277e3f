import Foundation
import Synchronization
import Datasets

/// The dataset fingerprint (≈ 0.3 s of serial hashing for Fashion-MNIST), hashed once, by
/// whoever gets to it first, while nobody has to wait for it:
/// - the first training worker out of runs starts it on a background thread
///   (`startIfNobodyHas`) and leaves, so it fills that worker's idle core while the last
///   runs finish, and goes on while the report's charts are drawn;
/// - whoever needs it (`value`: encoding metrics.json) waits for it then, or hashes it
///   itself if nobody started.
final class FingerprintOnce: Sendable {
    private enum State {
        case notStarted
        case computing
        case done(String)
    }

    private let data: DatasetSplits
    private let state = Mutex(State.notStarted)
    /// Entered when the hashing is claimed, left when it is done: what `value` waits on.
    private let hashing = DispatchGroup()

    init(_ data: DatasetSplits) {
        self.data = data
    }

    /// Hashes on a thread of its own unless another thread has started or finished it;
    /// returns at once. A `Thread`, not a Dispatch queue: the training workers hold the
    /// queue's threads, and one that waits for the hash (`waitForHashing`) would wait for a
    /// thread that is not there.
    func startIfNobodyHas() {
        guard claim() else { return }
        Thread { self.hash() }.start()
    }

    /// Hashes on this thread unless another thread has started or finished it; never waits
    /// for another thread's hashing.
    func computeIfNobodyHas() {
        guard claim() else { return }
        hash()
    }

    /// The fingerprint: hashed now if nobody started it, else waited for.
    var value: String {
        computeIfNobodyHas()
        hashing.wait()
        return state.withLock { s in
            guard case let .done(fingerprint) = s else { preconditionFailure("fingerprint read before it was hashed") }
            return fingerprint
        }
    }

    /// Returns once the hashing started by someone is done, or once `stop` says so (asked
    /// every 2 ms); at once if nobody started it.
    func waitForHashing(orUntil stop: () -> Bool) {
        while hashing.wait(timeout: .now() + .milliseconds(2)) == .timedOut, !stop() {}
    }

    private func claim() -> Bool {
        state.withLock { s -> Bool in
            guard case .notStarted = s else { return false }
            s = .computing
            hashing.enter()  // under the lock: a reader that sees .computing also waits
            return true
        }
    }

    private func hash() {
        let fingerprint = data.fingerprint
        state.withLock { $0 = .done(fingerprint) }
        hashing.leave()
    }
}
