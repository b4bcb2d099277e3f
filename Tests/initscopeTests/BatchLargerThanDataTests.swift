import Testing
import Foundation
import TestSupport

/// A batch larger than the training split is not an error: the trainer uses the whole split
/// as one batch, and the run says so on standard error.
@Suite struct BatchLargerThanDataTests {
    @Test func runWarnsOnceAndContinues() throws {
        let output = try FixturePaths.temporaryDirectory().appendingPathComponent("out")
        let outcome = try CommandLineTool.run([
            "run", "--data", FixtureData.subsetFolder.path, "--inits", "zeros", "--epochs", "1", "--hidden-sizes", "4",
            "--probe-every", "0", "--batch-size", "5000", "--output", output.path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let warnings = outcome.standardError.split(separator: "\n").filter { $0.hasPrefix("warning:") }
        #expect(warnings == ["warning: training.batch_size 5000 is larger than the 2000 training examples; each epoch is one "
                             + "batch of 2000. Lower --batch-size (or training.batch_size) to silence this."])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("report.html").path))
    }
}
