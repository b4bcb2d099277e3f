import Testing
import Foundation
import TestSupport

/// `initscope check` driven as a user drives it: a real process, real arguments, exit status.
@Suite struct CheckCommandTests {
    static let thirtyLayers = Array(repeating: "256", count: 29).joined(separator: ",")

    @Test func printsThePerLayerForecastForHeNormal() throws {
        let outcome = try CommandLineTool.run(["check", "--data", FixtureData.subsetFolder.path, "--inits", "he_normal"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let out = outcome.standardOutput
        for needle in ["seed 0, Fashion-MNIST subset", "he_normal  (W ~ N(0, 2/fan_in)) on 784-256-128-10 relu",
                       "∂logits/∂x at the first example: 10 singular values", "fan-in→out", "Var[W]", "fwd gain",
                       "bwd gain", "E[z²]", "‖W‖₂", "stable rank", "cond", "784→256", "256→128", "128→10",
                       "whole network: forward ×", "forecast findings: none", "0 of 1 initializer(s) with forecast findings"] {
            #expect(out.contains(needle), "output lacks \(needle):\n\(out)")
        }
        // Layer 1 of He normal doubles E[x²]: fan_in · 2/fan_in · E[x²].
        let layerOne = try #require(out.split(separator: "\n").first { $0.contains("784→256") })
        let cells = layerOne.split(separator: " ")
        #expect(cells.count == 9, "\(layerOne)")
        let forwardGain = try #require(Double(cells[3]))
        #expect(abs(forwardGain - 2) < 0.05, "\(layerOne)")
    }

    @Test func thirtyLayerXavierReLUNetGetsTheForecastFinding() throws {
        let arguments = ["check", "--data", FixtureData.subsetFolder.path, "--inits", "xavier_normal,he_normal",
                         "--hidden-sizes", Self.thirtyLayers]
        let outcome = try CommandLineTool.run(arguments)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let out = outcome.standardOutput
        #expect(out.contains("784-256×29-10 relu"))
        #expect(out.contains("256→10") && out.split(separator: "\n").filter { $0.contains("256→256") }.count == 2 * 28)
        let finding = try #require(out.split(separator: "\n").first { $0.contains("warning [forecast]") })
        #expect(finding.contains("shrink") && finding.contains("30 layers") && finding.contains("He initialization")
                && finding.contains("forecast.vanish = 1.00e-04"), "\(finding)")
        #expect(out.contains("1 of 2 initializer(s) with forecast findings"))

        let failing = try CommandLineTool.run(arguments + ["--fail-on", "warning"])
        #expect(failing.status == 1, "\(failing.standardError)")
        #expect(failing.standardError.contains("level warning") && failing.standardError.contains("(xavier_normal)"), "\(failing.standardError)")
        let expected = try CommandLineTool.run(arguments + ["--fail-on", "warning", "--expect-failure", "xavier_normal"])
        #expect(expected.status == 0, "\(expected.standardError)")
        #expect(expected.standardOutput.contains("warning [forecast] (expected)"))
        let loosened = try CommandLineTool.run(arguments + ["--fail-on", "warning", "--threshold", "forecast.vanish=1e-12"])
        #expect(loosened.status == 0, "\(loosened.standardOutput)")
        let heOnly = try CommandLineTool.run(["check", "--data", FixtureData.subsetFolder.path, "--inits", "he_normal",
                                              "--hidden-sizes", Self.thirtyLayers, "--fail-on", "warning"])
        #expect(heOnly.status == 0, "\(heOnly.standardOutput)")
    }

    @Test(arguments: ["256,0", "256,abc", "256,,128", "-1"])
    func badHiddenSizesExitTwoWithOneLineNamingTheValueAndTheFix(_ value: String) throws {
        let outcome = try CommandLineTool.run(["check", "--data", FixtureData.subsetFolder.path, "--hidden-sizes=\(value)"])
        #expect(outcome.status == 2, "status \(outcome.status): \(outcome.standardError)")
        let message = try #require(outcome.standardError.split(separator: "\n").first)
        #expect(message.contains("'\(value)'") && message.contains("--hidden-sizes 256,128"), "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test(arguments: [
        (["check", "--inits", "he_norml"], "he_norml"),
        (["check", "--activation", "tahn"], "Unknown activation 'tahn'"),
        (["check", "--fail-on", "sometimes"], "sometimes"),
        (["check", "--threshold", "forecast.vanishh=1"], "Did you mean 'forecast.vanish'?"),
        (["check", "--inits", "he_normal", "--expect-failure", "zeros"], "--expect-failure"),
        (["check", "--data", "/nonexistent/mnist"], "/nonexistent/mnist"),
    ])
    func otherBadInputExitsTwo(_ arguments: [String], _ named: String) throws {
        let outcome = try CommandLineTool.run(arguments)
        #expect(outcome.status == 2, "status \(outcome.status): \(outcome.standardError)")
        #expect(outcome.standardError.contains(named), "\(outcome.standardError)")
    }

    @Test func helpExplainsTheForecastFlagsAndExitStatus() throws {
        let outcome = try CommandLineTool.run(["check", "--help"])
        #expect(outcome.status == 0)
        for needle in ["--hidden-sizes", "--fail-on", "--threshold", "--expect-failure", "--inits", "--activation", "--preset",
                       "--seed", "--data", "n_in · Var[W_l]", "config.yaml", "my.yaml", "Exit status: 0", "1 findings at the --fail-on level"] {
            #expect(outcome.standardOutput.contains(needle), "help lacks \(needle)")
        }
        let root = try CommandLineTool.run(["--help"])
        #expect(root.standardOutput.contains("check"))
    }
}

/// `initscope run --hidden-sizes`.
@Suite struct RunHiddenSizesTests {
    @Test func widthsReachTheNetworkMetricsAndTheReproducingCommand() throws {
        let output = try FixturePaths.temporaryDirectory()
        let outcome = try CommandLineTool.run([
            "run", "--data", FixtureData.subsetFolder.path, "--inits", "he_normal", "--hidden-sizes", "64, 32",
            "--epochs", "1", "--jobs", "1", "--output", output.path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let data = try Data(contentsOf: output.appendingPathComponent("metrics.json"))
        let metrics = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let config = try #require(metrics["config"] as? [String: Any])
        #expect(config["hiddenSizes"] as? [Int] == [64, 32])
        let runs = try #require(metrics["runs"] as? [[String: Any]])
        #expect(runs.first?["layerSizes"] as? [Int] == [784, 64, 32, 10])
        #expect(runs.first?["forecast"] is [String: Any])
        let command = try #require(metrics["command"] as? String)
        let configFile = output.appendingPathComponent("config.yaml")
        #expect(command == "initscope run \(configFile.path)", "\(command)")
        let yaml = try String(contentsOf: configFile, encoding: .utf8)
        #expect(yaml.contains("hidden_sizes: [64, 32]") && yaml.contains("folder: \"\(FixtureData.subsetFolder.standardizedFileURL.path)\""), "\(yaml)")
    }

    @Test func badWidthsExitTwoBeforeTraining() throws {
        let output = try FixturePaths.temporaryDirectory()
        let outcome = try CommandLineTool.run(["run", "--hidden-sizes", "256,0", "--output", output.path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.split(separator: "\n").first?.contains("'256,0'") == true)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("metrics.json").path))
    }
}
