import Testing
import Foundation
import TestSupport

/// `--fail-on`, `--expect-failure` and `--threshold` as CI drives them: exit statuses and files.
@Suite struct FailOnTests {
    func runZeros(_ extra: [String]) throws -> (CommandLineTool.Outcome, URL) {
        let output = try FixturePaths.temporaryDirectory()
        let outcome = try CommandLineTool.run([
            "run", "--data", FixtureData.subsetFolder.path, "--inits", "zeros", "--epochs", "1", "--output", output.path,
        ] + extra)
        return (outcome, output)
    }

    @Test func anUnexpectedErrorFailsWithStatusOneAndStillWritesEverything() throws {
        let (outcome, output) = try runZeros(["--expect-failure", "none", "--fail-on", "error"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("✖ error   symmetry"))
        #expect(outcome.standardError.contains("exit status 1"))
        for file in ["metrics.json", "report.html", "summary.md"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path), "\(file) missing")
        }
    }

    @Test func theSameFindingsInAnExpectedFailureStayGreen() throws {
        let (outcome, output) = try runZeros(["--fail-on", "error"])  // udacity expects zeros to fail
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("zeros (expected)"))
        let summary = try String(contentsOf: output.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("(expected to fail)"))
    }

    @Test func neverIsTheDefault() throws {
        let (outcome, _) = try runZeros(["--expect-failure", "none"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
    }

    @Test(arguments: [
        (["--threshold", "dead-unit.share=0.3"], "Did you mean 'dead-units.share'?"),
        (["--threshold", "dead-units.share"], "is not rule.key=value"),
        (["--expect-failure", "zeroes"], "--expect-failure = zeroes is invalid"),
        (["--fail-on", "sometimes"], "--fail-on"),
    ])
    func badDiagnosticsOptionsExitWithStatusTwo(_ extra: [String], _ message: String) throws {
        let (outcome, output) = try runZeros(extra)
        #expect(outcome.status == 2, "status \(outcome.status): \(outcome.standardError)")
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("metrics.json").path))
    }
}
