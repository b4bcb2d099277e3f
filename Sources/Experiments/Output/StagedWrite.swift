import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file the tool writes into an output folder: a plain name (no folder part) and its bytes.
public struct OutputFile: Sendable {
    public let name: String
    public let data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }

    public init(name: String, text: String) {
        self.init(name: name, data: Data(text.utf8))
    }
}

/// Writes a set of files into one folder all together or not at all.
///
/// Every file is first written in full (and flushed to disk) to a hidden temporary file in the
/// destination folder; only when all of them are written are they renamed into place, one
/// `rename(2)` each, on the same file system. A failure while writing (disk full, folder
/// read-only, I/O error) removes the temporary files and any folder this call created, so the
/// folder is left exactly as it was: previous files intact, nothing new, nothing half-written.
/// (A rename failing between two others is not undone; on one file system it does not happen
/// short of the folder being removed underneath us.)
///
/// File names must be plain names: no `/`, not `.` or `..`, no NUL, so nothing written here can
/// land outside `folder`, whatever a name was built from.
public struct StagedWrite: Sendable {
    /// Writes `data` as the new file at `url`. The default writes to disk; tests replace it to
    /// inject a failure (e.g. "No space left on device") on a machine that cannot mount a
    /// small tmpfs.
    public typealias WriteFile = @Sendable (_ data: Data, _ url: URL) throws(OutputWriteError) -> Void

    let writeFile: WriteFile

    public init(writeFile: @escaping WriteFile = StagedWrite.writeToDisk) {
        self.writeFile = writeFile
    }

    /// Writes `files` into `folder` (created with its missing parents) and returns their URLs
    /// in the order given.
    @discardableResult
    public func write(_ files: [OutputFile], toFolder folder: URL) throws(OutputWriteError) -> [URL] {
        for file in files where !Self.isPlainName(file.name) {
            throw .unsafeFileName(name: file.name, folder: folder.path)
        }
        let created = try Self.createFolder(folder)
        var staged: [(temporary: URL, destination: URL)] = []
        do throws(OutputWriteError) {
            for file in files {
                let destination = folder.appendingPathComponent(file.name)
                let temporary = folder.appendingPathComponent(".\(file.name).\(UUID().uuidString).partial")
                staged.append((temporary, destination))
                try writeFile(file.data, temporary)
            }
            for (temporary, destination) in staged where rename(temporary.path, destination.path) != 0 {
                throw OutputWriteError.unwritable(path: destination.path, reason: Self.reason(errno))
            }
        } catch {
            for (temporary, _) in staged { unlink(temporary.path) }
            for folder in created { rmdir(folder.path) }   // innermost first; only if still empty
            throw error
        }
        return staged.map(\.destination)
    }

    /// Whether `name` names a file directly inside a folder.
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }

    /// The default `WriteFile`: `open(O_CREAT|O_EXCL)`, `write` until done, `fsync`, `close`,
    /// each checked, so "No space left on device" surfaces here and not later.
    public static let writeToDisk: WriteFile = { (data: Data, url: URL) throws(OutputWriteError) in
        let path = url.path
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unwritable(path: path, reason: StagedWrite.reason(errno)) }
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var done = 0
            while done < raw.count {
                let wrote = Foundation.write(fd, base + done, raw.count - done)
                if wrote > 0 { done += wrote; continue }
                if wrote < 0, errno == EINTR { continue }
                failure = wrote < 0 ? errno : ENOSPC
                return
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            // Name the destination, not our temporary file.
            throw .unwritable(path: StagedWrite.destinationPath(ofStaged: url), reason: StagedWrite.reason(failure))
        }
    }

    /// `folder/.report.html.<uuid>.partial` → `folder/report.html`.
    static func destinationPath(ofStaged url: URL) -> String {
        let name = url.lastPathComponent
        guard name.hasPrefix("."), name.hasSuffix(".partial") else { return url.path }
        let parts = name.dropFirst().dropLast(".partial".count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return url.path }
        return url.deletingLastPathComponent().appendingPathComponent(parts.dropLast().joined(separator: ".")).path
    }

    /// Creates `folder` and its missing parents; returns the folders it created, innermost first.
    static func createFolder(_ folder: URL) throws(OutputWriteError) -> [URL] {
        var missing: [URL] = []
        var current = folder.standardizedFileURL
        while !FileManager.default.fileExists(atPath: current.path), current.path != "/" {
            missing.append(current)
            current = current.deletingLastPathComponent()
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: current.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .notAFolder(path: current.path)
        }
        for url in missing.reversed() where mkdir(url.path, 0o755) != 0 && errno != EEXIST {
            let code = errno
            for made in missing.reversed().prefix(while: { $0 != url }).reversed() { rmdir(made.path) }
            throw .unwritable(path: url.path, reason: reason(code))
        }
        return missing
    }

    static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}

/// Why output files could not be written; every message is one line naming the path and the fix.
public enum OutputWriteError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A name with a folder part, `.`/`..` or NUL: it could write outside the output folder.
    case unsafeFileName(name: String, folder: String)
    /// A path on the way to the output folder is a file.
    case notAFolder(path: String)
    /// The operating system refused to create or write `path`; `reason` is its message.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unsafeFileName(name, folder):
            return "Refusing to write '\(name)' into '\(folder)': an output file name must be a plain name "
                + "(no '/', not '.' or '..'). Please report this as a bug."
        case let .notAFolder(path):
            return "Cannot write into '\(path)': it is a file, not a folder. Pass --output DIR with a folder path."
        case let .unwritable(path, reason):
            return "Cannot write '\(path)': \(reason); nothing in its folder was changed. "
                + "Free space or fix permissions, or pass --output DIR with a writable folder."
        }
    }
}
