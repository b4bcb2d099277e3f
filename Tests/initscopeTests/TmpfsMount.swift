import Foundation
import TestSupport

/// A small tmpfs mounted for one test, to make "disk full" and "read-only folder" real
/// rather than simulated. Mounting needs root with CAP_SYS_ADMIN; `isAvailable` says whether
/// this machine allows it (containers often do not), and the tests that need it are skipped
/// otherwise — `StagedWriteTests` covers the same failures through an injected writer.
struct TmpfsMount {
    let folder: URL

    static let isAvailable: Bool = {
        guard getuid() == 0, let probe = try? TmpfsMount(sizeKiB: 16) else { return false }
        probe.unmount()
        return true
    }()

    /// Mounts a fresh tmpfs of `sizeKiB` at a new temporary folder.
    init(sizeKiB: Int) throws {
        folder = try FixturePaths.temporaryDirectory("tmpfs")
        try Self.mount(["-t", "tmpfs", "-o", "size=\(sizeKiB)k", "tmpfs", folder.path])
    }

    /// Makes the file system read-only (its files stay readable).
    func remountReadOnly() throws {
        try Self.mount(["-o", "remount,ro", folder.path])
    }

    func unmount() {
        _ = try? Self.run("umount", [folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    private static func mount(_ arguments: [String]) throws {
        let status = try run("mount", arguments)
        guard status == 0 else { throw MountFailed(arguments: arguments, status: status) }
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    struct MountFailed: Error {
        let arguments: [String]
        let status: Int32
    }
}
