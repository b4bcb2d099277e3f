import Testing
import Foundation
import Datasets
import TestSupport

/// Every bad input a user can hand `initscope run`, through the real binary: exit status 2,
/// one line on standard error that names the file or key (and says what to do), and no output
/// folder — nothing half-written, not even an empty folder.
@Suite struct BadInputCatalogueTests {
    /// A bad input: `make` writes it into a scratch folder and returns the arguments (without
    /// --output) and the words the one error line must contain.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let make: @Sendable (Scratch) throws -> (arguments: [String], mentions: [String])
        var testDescription: String { name }

        init(_ name: String, _ make: @escaping @Sendable (Scratch) throws -> (arguments: [String], mentions: [String])) {
            self.name = name
            self.make = make
        }
    }

    @Test(arguments: BadInputs.idx + BadInputs.csv + BadInputs.config + BadInputs.flags + BadInputs.templates)
    func exitsTwoWithOneLineAndWritesNothing(_ c: Case) throws {
        let scratch = try Scratch()
        let (arguments, mentions) = try c.make(scratch)
        let output = scratch.url("out")
        let outcome = try CommandLineTool.run(arguments + ["--output", output.path])
        #expect(outcome.status == 2, "status \(outcome.status): \(outcome.standardError)")
        let lines = outcome.standardError.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1 && outcome.standardError.hasSuffix("\n"), "not one line: \(outcome.standardError)")
        #expect(outcome.standardError.hasPrefix("error: "), "\(outcome.standardError)")
        for needle in mentions {
            #expect(outcome.standardError.contains(needle), "lacks '\(needle)': \(outcome.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path), "output folder created: \(outcome.standardError)")
    }
}

/// A fresh temporary folder for one case, with helpers to fill it.
struct Scratch: Sendable {
    let folder: URL
    init() throws { folder = try FixturePaths.temporaryDirectory("bad-input") }

    func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    @discardableResult
    func write(_ text: String, to name: String) throws -> URL {
        try write(Array(text.utf8), to: name)
    }

    @discardableResult
    func write(_ bytes: [UInt8], to name: String) throws -> URL {
        let file = url(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    /// A valid tiny IDX folder (3 train / 2 test images of 2×2) in which `change` breaks one thing.
    func idxFolder(_ change: (URL) throws -> Void = { _ in }) throws -> URL {
        let data = url("idx")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let source = try IDXBytes.folder()
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: data.appendingPathComponent(name))
        }
        try change(data)
        return data
    }

    /// `run` on an IDX folder with a network and schedule small enough that a case which
    /// wrongly passes still ends in seconds.
    static func runIDX(_ folder: URL) -> [String] {
        ["run", "--data", folder.path, "--inits", "zeros", "--epochs", "1", "--hidden-sizes", "4", "--probe-every", "0"]
    }

    /// A config file `exp.yaml` on the fixture subset with `yaml` appended (or replacing keys
    /// through `replacing`).
    func config(_ extra: String = "", replacing: [String: String] = [:]) throws -> URL {
        var text = """
            data:
              source: idx
              folder: \(FixtureData.subsetFolder.path)
              train_limit: 64
            network:
              hidden_sizes: [4]
            training:
              epochs: 1
              batch_size: 32
            initializers: [zeros]
            probes:
              every: 0

            """
        for (old, new) in replacing { text = text.replacingOccurrences(of: old, with: new) }
        return try write(text + extra, to: "exp.yaml")
    }

    /// A CSV experiment: `train.csv` and `test.csv` beside `exp.yaml`.
    func csvConfig(train: String = BadInputs.goodCSV, test: String = BadInputs.goodCSV) throws -> URL {
        try write(train, to: "train.csv")
        try write(test, to: "test.csv")
        return try write("""
            data:
              source: csv
              train: train.csv
              test: test.csv
            network:
              hidden_sizes: [4]
            training:
              epochs: 1
            initializers: [zeros]
            probes:
              every: 0

            """, to: "exp.yaml")
    }
}
