import Foundation

/// Paths to the repository's `Fixtures/` folder, found from this file's location so tests
/// run from any working directory.
public enum FixturePaths {
    /// `<repo>/Fixtures`.
    public static var root: URL {
        URL(fileURLWithPath: #filePath)   // <repo>/Tests/TestSupport/Fixtures.swift
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
    }

    /// The repository's root folder.
    public static var repositoryRoot: URL { root.deletingLastPathComponent() }

    /// `<repo>/Fixtures/<relative>`.
    public static func url(_ relative: String) -> URL {
        root.appendingPathComponent(relative)
    }

    /// A fresh empty temporary folder for one test.
    public static func temporaryDirectory(_ label: String = "initscope-test") throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
