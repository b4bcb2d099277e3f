import Testing
import Foundation
import Experiments
import TestSupport

/// All-or-nothing output. A failure is injected through `StagedWrite`'s writer seam (the
/// second file hits "No space left on device"), so these run on any machine; the CLI's
/// OutputSafetyTests do the same on a real full tmpfs where mounting is allowed.
@Suite struct StagedWriteTests {
    let files = [OutputFile(name: "metrics.json", text: "{\"new\": 1}"), OutputFile(name: "report.html", text: "<html>new</html>"),
                 OutputFile(name: "summary.md", text: "# new")]

    /// Writes normally, except that the file staged for `failing` fails like a full disk.
    static func writer(failingOn failing: String) -> StagedWrite {
        StagedWrite { data, url throws(OutputWriteError) in
            if url.lastPathComponent.hasPrefix(".\(failing).") {
                throw .unwritable(path: url.deletingLastPathComponent().appendingPathComponent(failing).path,
                                  reason: "No space left on device")
            }
            try StagedWrite.writeToDisk(data, url)
        }
    }

    func contents(_ folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    @Test func writesEveryFileAndNothingElse() throws {
        let folder = try FixturePaths.temporaryDirectory().appendingPathComponent("new/deeper")
        let urls = try StagedWrite().write(files, toFolder: folder)
        #expect(urls.map(\.lastPathComponent) == ["metrics.json", "report.html", "summary.md"])
        #expect(try contents(folder) == ["metrics.json": "{\"new\": 1}", "report.html": "<html>new</html>", "summary.md": "# new"])
    }

    @Test func aFailedWriteLeavesThePreviousFilesAndNoTemporaries() throws {
        let folder = try FixturePaths.temporaryDirectory()
        let previous = ["metrics.json": "old metrics", "report.html": "old report"]
        for (name, text) in previous { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let expected = OutputWriteError.unwritable(path: folder.appendingPathComponent("report.html").path,
                                                   reason: "No space left on device")
        #expect(throws: expected) { try Self.writer(failingOn: "report.html").write(files, toFolder: folder) }
        #expect(try contents(folder) == previous)
        #expect(expected.description.contains("nothing in its folder was changed") && !expected.description.contains("\n"))
    }

    @Test func aFailedWriteRemovesTheFoldersItCreated() throws {
        let base = try FixturePaths.temporaryDirectory()
        let folder = base.appendingPathComponent("a/b/c")
        #expect(throws: OutputWriteError.self) { try Self.writer(failingOn: "summary.md").write(files, toFolder: folder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).isEmpty)
    }

    /// No output name is derived from data today (charts are data URIs, shard files are
    /// `shard-K.json` from an Int); this keeps it so: a name that could leave the folder is refused.
    @Test(arguments: ["../escape.html", "..", ".", "", "a/b.json", "/etc/passwd", "x\0y"])
    func namesThatCouldLeaveTheFolderAreRefused(_ name: String) throws {
        let base = try FixturePaths.temporaryDirectory()
        let folder = base.appendingPathComponent("out")
        #expect(throws: OutputWriteError.unsafeFileName(name: name, folder: folder.path)) {
            try StagedWrite().write([OutputFile(name: name, text: "x")], toFolder: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).isEmpty)
    }

    @Test func aFileInThePathIsNamed() throws {
        let base = try FixturePaths.temporaryDirectory()
        let file = base.appendingPathComponent("taken")
        try Data("x".utf8).write(to: file)
        #expect(throws: OutputWriteError.notAFolder(path: file.path)) {
            try StagedWrite().write(files, toFolder: file.appendingPathComponent("out"))
        }
    }
}
