import Testing
import Foundation
import Experiments
import Training
import TestSupport

/// A run that overflows next to a healthy one, through the real command: the healthy run
/// finishes, every file is written, the diverged run names its step and layer everywhere,
/// and --fail-on decides the exit status as for any other finding.
@Suite struct DivergedRunCommandTests {
    @Test func theHealthyRunCompletesAndTheDivergedOneNamesItsStepAndLayer() throws {
        let output = try FixturePaths.temporaryDirectory()
        // Constant weights of 1e15 overflow in layer 3 at the first step; not expected to fail.
        let outcome = try CommandLineTool.run([
            "run", "--data", FixtureData.subsetFolder.path, "--inits", "he_normal,constant(1e15)", "--epochs", "1",
            "--jobs", "2", "--fail-on", "error", "--output", output.path,
        ])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        let status = "diverged at step 1 (layer 3's activations non-finite)"
        #expect(outcome.standardOutput.contains(status), "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.contains("✖ error   divergence         constant(1000000000000000.0), layer 3, step 1"))

        let result = try ResultsStore.read(output.appendingPathComponent("metrics.json"))
        #expect(result.partial == nil)
        let healthy = try #require(result.runs.first { $0.initializer == "he_normal" })
        #expect(healthy.history.divergence == nil && healthy.history.epochs.count == 1)
        let diverged = try #require(result.runs.first { $0.initializer != "he_normal" })
        #expect(diverged.history.divergence == Divergence(step: 1, layer: 3, what: .activations))

        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("diverged at step 1 (layer 3&#39;s activations non-finite)")
            || html.contains("diverged at step 1 (layer 3&#x27;s activations non-finite)"))
        let summary = try String(contentsOf: output.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains(status))
    }
}
