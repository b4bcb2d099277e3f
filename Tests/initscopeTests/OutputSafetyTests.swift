import Testing
import Foundation
import TestSupport

/// Where the results go when that place is wrong: a file, a read-only folder, a full disk.
/// Exit status 2, one error line naming the path, and the folder exactly as it was — the
/// previous report and metrics intact, no temporary files, nothing half-written.
@Suite struct OutputSafetyTests {
    /// A run small enough to take a second or two.
    static func tinyRun(output: URL) -> [String] {
        ["run", "--data", FixtureData.subsetFolder.path, "--inits", "zeros", "--epochs", "1", "--hidden-sizes", "4",
         "--probe-every", "0", "--jobs", "1", "--output", output.path]
    }

    /// Every file in `folder` (not recursive) with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    static let previous: [String: Data] = ["metrics.json": Data("{\"previous\": true}".utf8),
                                           "report.html": Data("<html>previous</html>".utf8)]

    static func writePrevious(into folder: URL) throws {
        for (name, data) in previous { try data.write(to: folder.appendingPathComponent(name)) }
    }

    /// The error line of a failed run (a note on the run may precede it).
    static func errorLines(_ outcome: CommandLineTool.Outcome) -> [Substring] {
        outcome.standardError.split(separator: "\n").filter { $0.hasPrefix("error:") }
    }

    @Test func outputThatIsAFileStaysUntouched() throws {
        let folder = try FixturePaths.temporaryDirectory()
        let file = folder.appendingPathComponent("taken")
        try Data("x".utf8).write(to: file)
        let outcome = try CommandLineTool.run(Self.tinyRun(output: file))
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "error: --output '\(file.path)' is a file, not a folder. Pass --output DIR with a folder path.\n")
        #expect(try Self.snapshot(folder) == ["taken": Data("x".utf8)])
    }

    @Test func outputBelowAFileIsRefusedAndNothingIsCreated() throws {
        let folder = try FixturePaths.temporaryDirectory()
        let file = folder.appendingPathComponent("taken")
        try Data("x".utf8).write(to: file)
        let outcome = try CommandLineTool.run(Self.tinyRun(output: file.appendingPathComponent("out")))
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("'\(file.path)' is a file, not a folder"), "\(outcome.standardError)")
        #expect(try Self.snapshot(folder) == ["taken": Data("x".utf8)])
    }

    @Test(.enabled(if: getuid() != 0, "root writes whatever the mode; the tmpfs test covers root"))
    func folderWithoutWritePermissionStaysAsItWas() throws {
        let folder = try FixturePaths.temporaryDirectory()
        try Self.writePrevious(into: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        let outcome = try CommandLineTool.run(Self.tinyRun(output: folder))
        #expect(outcome.status == 2)
        #expect(Self.errorLines(outcome).count == 1 && outcome.standardError.contains("is not writable (Permission denied)"))
        #expect(try Self.snapshot(folder) == Self.previous)
    }

    @Test(.enabled(if: TmpfsMount.isAvailable, "needs root and permission to mount a tmpfs"))
    func readOnlyFolderStaysAsItWas() throws {
        let mount = try TmpfsMount(sizeKiB: 64)
        defer { mount.unmount() }
        try Self.writePrevious(into: mount.folder)
        try mount.remountReadOnly()
        for output in [mount.folder, mount.folder.appendingPathComponent("new")] {
            let outcome = try CommandLineTool.run(Self.tinyRun(output: output))
            #expect(outcome.status == 2)
            let lines = Self.errorLines(outcome)
            #expect(lines.count == 1 && outcome.standardError.split(separator: "\n").count == 1, "\(outcome.standardError)")
            #expect(outcome.standardError.contains("'\(mount.folder.path)' is not writable (Read-only file system)"),
                    "\(outcome.standardError)")
            #expect(try Self.snapshot(mount.folder) == Self.previous)
        }
    }

    /// A 64 KiB file system holding the previous results: the new report does not fit.
    @Test(.enabled(if: TmpfsMount.isAvailable, "needs root and permission to mount a tmpfs"))
    func fullDiskKeepsThePreviousResults() throws {
        let mount = try TmpfsMount(sizeKiB: 64)
        defer { mount.unmount() }
        try Self.writePrevious(into: mount.folder)
        let outcome = try CommandLineTool.run(Self.tinyRun(output: mount.folder))
        #expect(outcome.status == 2, "\(outcome.standardError)")
        let lines = Self.errorLines(outcome)
        #expect(lines.count == 1, "\(outcome.standardError)")
        let line = String(lines.first ?? "")
        #expect(line.contains("Cannot write '\(mount.folder.path)/") && line.contains("No space left on device"), "\(line)")
        #expect(line.contains("nothing in its folder was changed"))
        let after = try Self.snapshot(mount.folder)
        #expect(after == Self.previous, "leftovers: \(after.keys.sorted())")
        #expect(!outcome.standardOutput.contains("Wrote "))
    }

    /// A full disk in a new folder: the folder itself is removed again.
    @Test(.enabled(if: TmpfsMount.isAvailable, "needs root and permission to mount a tmpfs"))
    func fullDiskLeavesNoNewFolder() throws {
        let mount = try TmpfsMount(sizeKiB: 64)
        defer { mount.unmount() }
        let outcome = try CommandLineTool.run(Self.tinyRun(output: mount.folder.appendingPathComponent("a/b")))
        #expect(outcome.status == 2, "\(outcome.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount.folder.path).isEmpty)
    }

    @Test func aSuccessfulRunReplacesThePreviousResultsAndLeavesNoTemporaries() throws {
        let folder = try FixturePaths.temporaryDirectory()
        try Self.writePrevious(into: folder)
        let outcome = try CommandLineTool.run(Self.tinyRun(output: folder))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let files = try Self.snapshot(folder)
        #expect(files.keys.sorted() == ["config.yaml", "metrics.json", "report.html", "summary.md"])
        #expect(files["report.html"] != Self.previous["report.html"])
    }
}
