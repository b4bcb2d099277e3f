import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file into memory through POSIX `open`/`read`, so failures carry the
/// operating system's own reason ("Permission denied", "Input/output error").
enum BinaryFile {
    /// Files larger than this are refused before reading (4 GiB: no MNIST-family file comes close).
    static let sizeLimit = 1 << 32

    static func read(_ url: URL) throws(DatasetError) -> [UInt8] {
        let path = url.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .isDirectory(path: path)
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT { throw .fileMissing(path: path) }
            throw .unreadable(path: path, reason: reason(code))
        }
        defer { close(fd) }

        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, reason: reason(errno)) }
        let statSize = max(Int(info.st_size), 0)   // 0 for /proc-like files: the loop still reads them
        if statSize > sizeLimit { throw .tooLarge(path: path, bytes: statSize, limit: sizeLimit) }

        // One spare byte so a file that grew since `fstat` is noticed and the buffer grows.
        var buffer = [UInt8](repeating: 0, count: statSize + 1)
        var filled = 0
        while true {
            if filled == buffer.count {
                if filled > sizeLimit { throw .tooLarge(path: path, bytes: filled, limit: sizeLimit) }
                buffer.append(contentsOf: [UInt8](repeating: 0, count: max(buffer.count, 1 << 16)))
            }
            let got: Int = buffer.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return 0 }
                return Foundation.read(fd, base + filled, raw.count - filled)
            }
            if got > 0 {
                filled += got
            } else if got == 0 {
                break
            } else {
                let code = errno
                if code == EINTR { continue }
                throw .unreadable(path: path, reason: reason(code))
            }
        }
        buffer.removeLast(buffer.count - filled)
        return buffer
    }

    private static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
