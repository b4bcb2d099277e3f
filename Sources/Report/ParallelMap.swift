import Foundation
import Synchronization

/// Maps `items` on all cores, keeping their order. Each call of `body` runs on one thread
/// and owns what it creates (a chart's Cairo canvas never crosses threads). The items go to
/// the cores in `order` (indices into `items`, each once): longest first, so no long item
/// starts last while the other cores run out of work. Results, and the first error thrown
/// in item order (rethrown), are in item order.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], startingWith order: [Int],
                                           _ body: @Sendable (T) throws(ReportError) -> R) throws(ReportError) -> [R] {
    precondition(order.count == items.count && Set(order) == Set(items.indices), "order must list every item once")
    let slots = Mutex<[Result<R, ReportError>?]>(Array(repeating: nil, count: items.count))
    // concurrentPerform hands out iterations in increasing order as threads free up.
    DispatchQueue.concurrentPerform(iterations: items.count) { turn in
        let index = order[turn]
        let outcome = Result<R, ReportError> { () throws(ReportError) -> R in try body(items[index]) }
        slots.withLock { $0[index] = outcome }
    }
    var results: [R] = []
    for slot in slots.withLock({ $0 }) {
        guard let slot else { continue }
        results.append(try slot.get())
    }
    return results
}
