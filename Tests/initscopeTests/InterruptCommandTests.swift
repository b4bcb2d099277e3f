import Testing
import Foundation
import Experiments
import TestSupport

/// Ctrl-C (SIGINT) and SIGTERM during `initscope run`, sent to the real process: the
/// finished runs are written as a partial result, the report says what is missing, and
/// the exit status is 128 + the signal. Waits are generous and poll the tool's output;
/// nothing depends on how fast this machine is.
@Suite struct InterruptCommandTests {
    static let initializers = ["he_normal", "zeros", "xavier_uniform", "lecun_normal"]

    func launch(jobs: Int, output: URL) throws -> RunningTool {
        try RunningTool([
            "run", "--data", FixtureData.subsetFolder.path, "--inits", Self.initializers.joined(separator: ","),
            "--epochs", "3", "--jobs", "\(jobs)", "--output", output.path,
        ])
    }

    @Test func ctrlCAfterTheFirstRunWritesAPartialResultAndExitsWith130() throws {
        let output = try FixturePaths.temporaryDirectory()
        let tool = try launch(jobs: 1, output: output)
        // One job: the first run is he_normal, and the others cannot have finished with it.
        try #require(tool.waitForStandardError(containing: "[1/4 runs done] finished he_normal#seed0"), "\(tool.errorText)")
        tool.send(SIGINT)
        let outcome = try #require(tool.waitForExit(), "still running long after SIGINT: \(tool.errorText)")
        #expect(outcome.status == 130, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("Interrupted (SIGINT): abandoning the runs in progress at their next batch"))
        #expect(outcome.standardError.contains("Interrupted (SIGINT): wrote a partial result"))

        let result = try ResultsStore.read(output.appendingPathComponent("metrics.json"))
        #expect(result.partial == true)
        let finished = result.runs.map(\.id), missing = (result.missingRuns ?? []).map(\.id)
        #expect(finished.first == "he_normal#seed0")
        #expect(!missing.isEmpty)
        #expect(finished + missing == Self.initializers.map { "\($0)#seed0" }, "every planned run once, in plan order")
        #expect(result.missingRuns?.allSatisfy { $0.reason == "interrupted (SIGINT)" } == true)
        #expect(outcome.standardOutput.contains("he_normal"), "the results table of the finished runs")

        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        let banner = try #require(html.range(of: "<section id=\"missing-runs\""), "no missing-runs section")
        #expect(banner.lowerBound < (html.range(of: "<section id=\"findings\"")?.lowerBound ?? html.endIndex), "banner first")
        #expect(html.contains("Partial result: \(missing.count) of 4 runs missing — interrupted (SIGINT)"))
        for id in missing { #expect(html.contains("<code>\(id)</code> — interrupted (SIGINT)"), "\(id)") }
        let summary = try String(contentsOf: output.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("**Partial result: \(missing.count) of 4 runs missing — interrupted (SIGINT).**"))
        for id in missing { #expect(summary.contains("`\(id)`"), "\(id)") }
    }

    @Test func aSecondSignalQuitsAtOnceWithTheSameStatus() throws {
        let output = try FixturePaths.temporaryDirectory()
        let tool = try launch(jobs: 2, output: output)
        try #require(tool.waitForStandardError(containing: "[1/4 runs done]"), "\(tool.errorText)")
        tool.send(SIGTERM)
        try #require(tool.waitForStandardError(containing: "Interrupted (SIGTERM)"), "\(tool.errorText)")
        tool.send(SIGTERM)
        let outcome = try #require(tool.waitForExit(), "still running long after two SIGTERMs: \(tool.errorText)")
        // Whether the second signal came before the writing finished or not, the status is 143.
        #expect(outcome.status == 143, "\(outcome.standardError)")
    }
}
