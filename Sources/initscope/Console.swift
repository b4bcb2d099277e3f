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

/// Checks before training that results can be written, so a long run never ends in
/// "cannot write".
enum OutputFolder {
    static func problem(_ folder: URL) -> String? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return "--output '\(folder.path)' is a file, not a folder. Pass --output DIR with a folder path."
            }
        } else {
            do { try manager.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                return "Cannot create output folder '\(folder.path)'. Pass --output DIR with a writable location."
            }
        }
        guard manager.isWritableFile(atPath: folder.path) else {
            return "Output folder '\(folder.path)' is not writable. Pass --output DIR with a writable folder."
        }
        return nil
    }
}
