import Testing
import Experiments
import Foundation
import TestSupport

/// `initscope run` driven as a user drives it: a real process, real arguments, exit status.
@Suite struct RunCommandTests {
    @Test func helpTeachesPresetsInitializersAndExitStatus() throws {
        let outcome = try CommandLineTool.run(["run", "--help"])
        #expect(outcome.status == 0)
        for needle in ["udacity", "he_normal", "uniform(a,b)", "truncated_normal(s)", "--inits", "--jobs", "Exit status",
                       "--activation", "leaky_relu(s)", "softsign"] {
            #expect(outcome.standardOutput.contains(needle), "help lacks \(needle)")
        }
    }

    @Test(arguments: [
        (["run", "--bogus-flag"], "--bogus-flag"),
        (["run", "--inits", "zeros,orthogonl"], "orthogonl"),
        (["run", "--activation", "tahn"], "Unknown activation 'tahn'"),
        (["run", "--activation", "leaky_relu(abc)"], "'abc' is not a finite number"),
        (["run", "--epochs", "0"], "--epochs"),
        (["run", "--preset", "nope"], "nope"),
        (["run", "--data", "/nonexistent/mnist"], "/nonexistent/mnist"),
        (["run", "--focus-layer", "4"], "--focus-layer 4 does not exist: the network has 3 layers"),
        (["run", "--focus-layer", "0"], "--focus-layer must be 1 or more"),
    ])
    func badInputExitsWithStatusTwoAndNamesTheProblem(_ arguments: [String], _ named: String) throws {
        let output = try FixturePaths.temporaryDirectory()
        let outcome = try CommandLineTool.run(arguments + ["--output", output.path])
        #expect(outcome.status == 2, "status \(outcome.status): \(outcome.standardError)")
        #expect(outcome.standardError.contains(named))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("metrics.json").path))
    }

    @Test func outputPathThatIsAFileIsRefusedBeforeTraining() throws {
        let folder = try FixturePaths.temporaryDirectory()
        let file = folder.appendingPathComponent("taken")
        try Data("x".utf8).write(to: file)
        let outcome = try CommandLineTool.run(["run", "--data", FixtureData.subsetFolder.path, "--output", file.path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("is a file"))
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }

    @Test func smallRunPrintsTheTableAndWritesMetrics() throws {
        let output = try FixturePaths.temporaryDirectory()
        let outcome = try CommandLineTool.run([
            "run", "--data", FixtureData.subsetFolder.path, "--inits", "zeros,he_normal",
            "--epochs", "1", "--jobs", "2", "--output", output.path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("initializer") && outcome.standardOutput.contains("he_normal"))
        #expect(outcome.standardOutput.contains("BLAS"))
        let metrics = output.appendingPathComponent("metrics.json")
        #expect(FileManager.default.fileExists(atPath: metrics.path))
        #expect(outcome.standardOutput.contains(metrics.path))
        // Not a terminal: no progress line with carriage returns.
        #expect(!outcome.standardError.contains("\r"))
    }

    @Test func noReportWritesMetricsButNoHTMLAndReportsTheBuildTimeOtherwise() throws {
        let bare = try FixturePaths.temporaryDirectory()
        let common = ["run", "--data", FixtureData.subsetFolder.path, "--inits", "he_normal", "--epochs", "1"]
        let outcome = try CommandLineTool.run(common + ["--no-report", "--output", bare.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        for file in ["metrics.json", "summary.md", "config.yaml"] {
            #expect(FileManager.default.fileExists(atPath: bare.appendingPathComponent(file).path), "\(file) missing")
        }
        #expect(!FileManager.default.fileExists(atPath: bare.appendingPathComponent("report.html").path))
        #expect(!outcome.standardOutput.contains("report.html"))

        let full = try FixturePaths.temporaryDirectory()
        let withReport = try CommandLineTool.run(common + ["--output", full.path])
        #expect(withReport.status == 0)
        #expect(withReport.standardOutput.contains("report.html") && withReport.standardOutput.contains("built in"))
    }

    @Test func activationFlagReachesMetricsAndTheReproducingCommand() throws {
        let output = try FixturePaths.temporaryDirectory()
        let outcome = try CommandLineTool.run([
            "run", "--data", FixtureData.subsetFolder.path, "--inits", "he_normal", "--activation", " Leaky_ReLU(0.2) ",
            "--epochs", "1", "--jobs", "1", "--output", output.path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let data = try Data(contentsOf: output.appendingPathComponent("metrics.json"))
        let metrics = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let config = try #require(metrics["config"] as? [String: Any])
        #expect(config["hiddenActivation"] as? String == "leaky_relu(0.2)")
        // The effective config.yaml written next to the report reruns the same experiment.
        let configFile = output.appendingPathComponent("config.yaml")
        #expect(metrics["command"] as? String == "initscope run \(configFile.path)")
        #expect(try String(contentsOf: configFile, encoding: .utf8).contains("activation: \"leaky_relu(0.2)\""))
        let again = try FixturePaths.temporaryDirectory()
        let rerun = try CommandLineTool.run(["run", configFile.path, "--jobs", "1", "--output", again.path])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        func losses(_ folder: URL) throws -> [Double] {
            let result = try ResultsStore.read(folder.appendingPathComponent("metrics.json"))
            return result.runs.flatMap { $0.history.batchLosses.map(Double.init) }
        }
        #expect(try losses(output) == losses(again))
    }
}
