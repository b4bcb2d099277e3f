import Testing
import Foundation
import TestSupport

/// `initscope run CONFIG.yaml` and `check CONFIG.yaml` as a user types them: the file is the
/// experiment, flags override it, and every mistake is one line with exit status 2 and
/// nothing written.
@Suite struct ConfigFileCommandTests {
    func write(_ yaml: String) throws -> URL {
        let file = try FixturePaths.temporaryDirectory().appendingPathComponent("exp.yaml")
        try Data(yaml.utf8).write(to: file)
        return file
    }

    var subsetYAML: String {
        """
        data:
          source: idx
          folder: \(FixtureData.subsetFolder.path)
          train_limit: 256
        network:
          hidden_sizes: [16]
        training:
          epochs: 1
          batch_size: 64
        seeds: [0, 1]
        initializers: [he_normal, "uniform(-0.1,0.1)"]
        variants:
          - name: plain
          - name: bn
            batch_norm: true
        probes:
          every: 2
        """
    }

    @Test func runTrainsEveryInitializerVariantAndSeedOfTheFile() throws {
        let config = try write(subsetYAML)
        let output = try FixturePaths.temporaryDirectory()
        let outcome = try CommandLineTool.run(["run", config.path, "--output", output.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        for id in ["he_normal@plain#seed0", "he_normal@bn#seed1", "uniform(-0.1,0.1)@bn#seed0"] {
            #expect(outcome.standardOutput.contains(id), "\(outcome.standardOutput)")
        }
        #expect(outcome.standardError.contains("exp: 8 run(s) on Fashion-MNIST subset (256 train / 500 test)"), "\(outcome.standardError)")
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Across variants"))
    }

    @Test func flagsOverrideTheFile() throws {
        let config = try write(subsetYAML)
        let outcome = try CommandLineTool.run(["check", config.path, "--inits", "orthogonal", "--seed", "3"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("seed 3"))
        #expect(outcome.standardOutput.contains("orthogonal  (") && !outcome.standardOutput.contains("he_normal  ("))
        #expect(outcome.standardOutput.contains("orthogonal@bn#seed3: not forecast — BatchNorm"))
    }

    @Test(arguments: [
        (["--preset", "udacity"], "give either a config file or --preset"),
        (["--seed", "1", "--seeds", "1,2"], "give either --seed or --seeds"),
        (["--batch-norm", "maybe"], "--batch-norm = maybe is invalid: use on or off"),
        (["--seeds", "1,x"], "--seeds = '1,x' is invalid"),
    ])
    func conflictingOrBadFlagsExitTwo(_ flags: [String], _ message: String) throws {
        let config = try write(subsetYAML)
        let output = try FixturePaths.temporaryDirectory().appendingPathComponent("out")
        let outcome = try CommandLineTool.run(["run", config.path] + flags + ["--output", output.path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aBadFileNamesItsLineAndWritesNothing() throws {
        let config = try write(subsetYAML.replacingOccurrences(of: "epochs: 1", with: "epochs: 0"))
        let output = try FixturePaths.temporaryDirectory().appendingPathComponent("out")
        let outcome = try CommandLineTool.run(["run", config.path, "--output", output.path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("exp.yaml:8:") && outcome.standardError.contains("training.epochs"),
                "\(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let missing = try CommandLineTool.run(["check", "/nonexistent/exp.yaml"])
        #expect(missing.status == 2 && missing.standardError.contains("/nonexistent/exp.yaml"))
    }
}
