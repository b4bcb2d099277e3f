import Foundation
import Synchronization

/// Maps `items` on all cores, keeping their order. Each call of `body` runs on one thread
/// and owns what it creates (a chart's Cairo canvas never crosses threads). The first error
/// thrown, in item order, is rethrown.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) throws(ReportError) -> R) throws(ReportError) -> [R] {
    let slots = Mutex<[Result<R, ReportError>?]>(Array(repeating: nil, count: items.count))
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
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
