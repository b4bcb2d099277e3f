import Foundation
import Synchronization

/// The built `initscope` started in the background, for tests that act while it works
/// (send a signal after some progress). Output is read as it comes; waits poll it with
/// generous timeouts and never assert on wall-clock time.
public final class RunningTool {
    private let process: Process
    private let standardOutput = CapturedText()
    private let standardError = CapturedText()
    private let readers = DispatchGroup()

    public init(_ arguments: [String]) throws {
        process = Process()
        process.executableURL = try CommandLineTool.binary()
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        for (pipe, text) in [(out, standardOutput), (err, standardError)] {
            let handle = pipe.fileHandleForReading
            DispatchQueue.global().async(group: readers) {
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    text.append(chunk)
                }
            }
        }
    }

    /// Standard error so far.
    public var errorText: String { standardError.text }

    /// Waits until standard error contains `needle`; false if the tool exits first or the
    /// time runs out.
    public func waitForStandardError(containing needle: String, timeout: Duration = .seconds(600)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if standardError.text.contains(needle) { return true }
            if !process.isRunning { return standardError.text.contains(needle) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Sends `signal` (SIGINT, SIGTERM) to the tool.
    public func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the tool to exit and returns its outcome; nil if it is still running after
    /// `timeout` (it is then killed).
    public func waitForExit(timeout: Duration = .seconds(600)) -> CommandLineTool.Outcome? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        readers.wait()
        return CommandLineTool.Outcome(status: process.terminationStatus, standardOutput: standardOutput.text,
                                       standardError: standardError.text)
    }
}

/// Bytes read from a pipe by a background reader, decoded on demand.
private final class CapturedText: Sendable {
    private let data = Mutex(Data())
    func append(_ chunk: Data) { data.withLock { $0.append(chunk) } }
    var text: String { data.withLock { String(decoding: $0, as: UTF8.self) } }
}
