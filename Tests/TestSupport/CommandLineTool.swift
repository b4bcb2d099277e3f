import Foundation

/// Runs the built `initscope` binary as a user would, capturing its output and exit status.
public enum CommandLineTool {
    public struct Outcome: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    /// The `initscope` executable next to the test bundle (SwiftPM builds it with the tests).
    public static func binary() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("initscope") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ToolNotFound(searched: candidates.map(\.path))
        }
        return found
    }

    public static func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        return try launch(process)
    }

    /// Runs `script` with `/bin/sh -c`, with `$TOOL` naming the binary and `environment` added:
    /// for arguments a Swift string cannot hold, such as path bytes that are not UTF-8.
    public static func shell(_ script: String, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.environment = ProcessInfo.processInfo.environment
            .merging(environment) { $1 }.merging(["TOOL": try binary().path]) { $1 }
        return try launch(process)
    }

    private static func launch(_ process: Process) throws -> Outcome {
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       standardOutput: String(decoding: outData, as: UTF8.self),
                       standardError: String(decoding: errData, as: UTF8.self))
    }

    public struct ToolNotFound: Error, CustomStringConvertible {
        public let searched: [String]
        public var description: String { "initscope binary not found; looked in \(searched). Run `swift build` first." }
    }
}
