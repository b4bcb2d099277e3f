import Foundation

/// The git commit of the folder initscope runs in, for the report ("abc123def456", with
/// "+ local changes" when tracked files differ). Nil outside a git checkout or without git.
enum GitCommit {
    static func current() -> String? {
        guard let head = git(["rev-parse", "--short=12", "HEAD"]), !head.isEmpty else { return nil }
        let dirty = !(git(["status", "--porcelain", "--untracked-files=no"]) ?? "").isEmpty
        return dirty ? "\(head) + local changes" : head
    }

    /// Starts `current()` on a thread of its own and returns at once. `run` asks at launch:
    /// the commit is the one the runs started from (not whatever is checked out when they
    /// end), and the two `git` processes (≈ 60 ms, mostly process start) are out of the way
    /// before the output is written instead of in front of it.
    static func lookUpInBackground() -> Lookup {
        let lookup = Lookup()
        lookup.group.enter()
        Thread.detachNewThread {
            lookup.commit = current()
            lookup.group.leave()
        }
        return lookup
    }

    /// A commit being looked up; `value()` waits for it.
    final class Lookup: @unchecked Sendable {
        // Written once by the lookup thread before `leave()`, read only after `wait()`:
        // the group's barrier orders the two.
        fileprivate var commit: String?
        fileprivate let group = DispatchGroup()

        func value() -> String? {
            group.wait()
            return commit
        }
    }

    private static func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Quotes a value for a POSIX shell when it needs it.
func shellQuoted(_ value: String) -> String {
    let safe = value.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,@+".contains($0) }
    return safe && !value.isEmpty ? value : "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
