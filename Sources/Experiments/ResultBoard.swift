import Synchronization

/// Hands out run indices to workers in `claimOrder` and collects their results by index,
/// under one lock.
final class ResultBoard: Sendable {
    private struct State {
        var next = 0
        var done = 0
        var results: [RunResult?]
        /// Steps taken by runs abandoned on an interruption, by index.
        var abandoned: [Int: Int] = [:]
    }
    private let state: Mutex<State>
    private let claimOrder: [Int]

    /// `claimOrder` is a permutation of the run indices 0..<n.
    init(claimOrder: [Int]) {
        precondition(claimOrder.sorted() == Array(claimOrder.indices), "ResultBoard: claim order must permute 0..<\(claimOrder.count)")
        self.claimOrder = claimOrder
        state = Mutex(State(results: Array(repeating: nil, count: claimOrder.count)))
    }

    func claimNext() -> Int? {
        state.withLock { s in
            guard s.next < claimOrder.count else { return nil }
            defer { s.next += 1 }
            return claimOrder[s.next]
        }
    }

    func store(_ result: RunResult, at index: Int) {
        state.withLock { s in
            s.results[index] = result
            s.done += 1
        }
    }

    /// Counts run `index` as ended while its result is still being completed (`fill`).
    func markDone(_ index: Int) {
        state.withLock { $0.done += 1 }
    }

    /// The completed result of a run already counted by `markDone`.
    func fill(_ result: RunResult, at index: Int) {
        state.withLock { $0.results[index] = result }
    }

    func abandon(_ index: Int, stepsTrained: Int) {
        state.withLock { $0.abandoned[index] = stepsTrained }
    }

    var doneCount: Int { state.withLock { $0.done } }

    /// Indices without a result, in order, with the steps each had taken (0: not started).
    func missing() -> [(index: Int, stepsTrained: Int)] {
        state.withLock { s in
            s.results.indices.filter { s.results[$0] == nil }.map { ($0, s.abandoned[$0] ?? 0) }
        }
    }

    /// Whether every run has a result or was abandoned.
    var isSettled: Bool {
        state.withLock { s in s.done + s.abandoned.count == s.results.count }
    }

    func results() -> [RunResult] {
        state.withLock { s in s.results.compactMap { $0 } }
    }
}
