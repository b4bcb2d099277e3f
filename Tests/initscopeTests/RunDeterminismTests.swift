import Testing
import Foundation
import TestSupport

/// Same config and seed → the same metrics.json, byte for byte, apart from what measures the
/// run rather than the experiment: timings, the date, the command (it names the output
/// folder) and --jobs. Through the real binary, so the whole path — config file, data
/// loading, parallel runner, JSON encoding — is covered; and whether --jobs is 1 or 2.
@Suite struct RunDeterminismTests {
    static let config = """
        data:
          source: idx
          folder: \(FixtureData.subsetFolder.path)
          train_limit: 128
        network:
          hidden_sizes: [8]
        training:
          epochs: 1
          batch_size: 32
        seeds: [0, 1]
        initializers: [he_normal, zeros]
        probes:
          every: 2

        """

    /// Keys whose values measure the run, not the experiment.
    static let runKeys = ["createdAt", "wallSeconds", "sumOfRunSeconds", "seconds", "trainSeconds", "evaluationSeconds",
                          "command", "jobs"]

    /// metrics.json's bytes with every `runKeys` value replaced by 0 (the file is compact JSON
    /// with sorted keys, so this leaves every other byte where it was).
    static func withoutRunValues(_ data: Data) throws -> String {
        let text = String(decoding: data, as: UTF8.self)
        let keys = runKeys.joined(separator: "|")
        let pattern = try Regex(#""(\#(keys))":("(?:[^"\\]|\\.)*"|[-+0-9.eE]+)"#)
        return text.replacing(pattern) { match in "\"\(match.output[1].substring ?? "")\":0" }
    }

    func run(jobs: Int, config: URL, in base: URL) throws -> Data {
        let output = base.appendingPathComponent("jobs\(jobs)-\(UUID().uuidString)")
        let outcome = try CommandLineTool.run(["run", config.path, "--jobs", "\(jobs)", "--output", output.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return try Data(contentsOf: output.appendingPathComponent("metrics.json"))
    }

    @Test func twoRunsAndTwoJobCountsWriteTheSameMetrics() throws {
        let base = try FixturePaths.temporaryDirectory()
        let config = base.appendingPathComponent("exp.yaml")
        try Data(Self.config.utf8).write(to: config)
        let first = try run(jobs: 1, config: config, in: base)
        let second = try run(jobs: 1, config: config, in: base)
        let parallel = try run(jobs: 2, config: config, in: base)
        #expect(first != second, "timings should differ, or this test compares nothing")
        let reference = try Self.withoutRunValues(first)
        #expect(try Self.withoutRunValues(second) == reference, "same command twice")
        #expect(try Self.withoutRunValues(parallel) == reference, "--jobs 1 vs --jobs 2")
        // The masking touched only what it should: the losses and probes are all still there.
        #expect(reference.contains("\"batchLosses\":[") && reference.contains("\"probes\":"))
        #expect(reference.components(separatedBy: "\"seconds\":0").count - 1 == 4)   // one per run
    }

    @Test func theMaskKeepsEverythingButTheRunValues() throws {
        let json = #"{"a":{"seconds":1.5e-3,"x":[1,2]},"command":"initscope run \"/tmp/o\"","createdAt":"2026","jobs":2,"y":3}"#
        #expect(try Self.withoutRunValues(Data(json.utf8))
                == #"{"a":{"seconds":0,"x":[1,2]},"command":0,"createdAt":0,"jobs":0,"y":3}"#)
    }
}
