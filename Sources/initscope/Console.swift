import Foundation
import Synchronization
import Experiments
import Report

/// One-line notes on standard error (standard output carries the results).
enum Console {
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// "1.2 MB" / "340 KB" for a written file.
    static func size(of file: URL) -> String {
        Format.bytes((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0)
    }
}

/// The progress line on a terminal: runs done / total and where the latest run is.
/// When standard error is not a terminal (CI logs, a script), one plain line per finished
/// run instead, so a log shows how far an interrupted or killed suite got.
final class ProgressLine: Sendable {
    private let enabled = Console.standardErrorIsTerminal
    private let lastDraw = Mutex<ContinuousClock.Instant?>(nil)

    func show(_ p: RunnerProgress) {
        guard enabled else {
            if p.step == 0 { Console.note("[\(p.runsDone)/\(p.runsTotal) runs done] finished \(p.runLabel)") }
            return
        }
        let now = ContinuousClock.now
        let due = lastDraw.withLock { last -> Bool in
            if let last, now - last < .milliseconds(100), p.step != 0 { return false }
            last = now
            return true
        }
        guard due else { return }
        let where_ = p.step == 0 ? "finished \(p.runLabel)"
            : "\(p.runLabel): epoch \(p.epoch)/\(p.epochs), step \(p.step)/\(p.totalSteps)"
        FileHandle.standardError.write(Data("\r\u{1B}[2K[\(p.runsDone)/\(p.runsTotal) runs done] \(where_)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
