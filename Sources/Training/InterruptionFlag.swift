import Synchronization

/// A request to stop training early, set from another thread (the CLI's signal watcher)
/// and read by the training loop before every batch: one relaxed atomic load per step.
/// Set once; later requests only count (a second Ctrl-C may mean "quit now").
public final class InterruptionFlag: Sendable {
    private let requested = Atomic<Bool>(false)
    private let why = Mutex<String?>(nil)

    public init() {}

    /// Asks every run to stop at its next batch. `reason` says why, e.g. "SIGINT".
    /// Returns true for the first request, false when one was already made.
    @discardableResult
    public func request(reason: String) -> Bool {
        let first = why.withLock { why -> Bool in
            guard why == nil else { return false }
            why = reason
            return true
        }
        requested.store(true, ordering: .releasing)
        return first
    }

    public var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// The reason given with the first request (nil before any).
    public var reason: String? { why.withLock { $0 } }
}
