import Testing
import Foundation
import TestSupport

/// `initscope presets` and `initscope list` driven as a user drives them.
@Suite struct PresetsCommandTests {
    @Test func presetsListsEveryPresetWithItsDescription() throws {
        let outcome = try CommandLineTool.run(["presets"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        let udacity = try #require(lines.first { $0.hasPrefix("udacity ") })
        #expect(udacity.contains("The weight-initialization lesson: 784-256-128-10 ReLU MLP"), "\(udacity)")
        let files = try FileManager.default.contentsOfDirectory(atPath: FixturePaths.url("configs").path).filter { $0.hasSuffix(".yaml") }
        #expect(lines.count == files.count, "\(outcome.standardOutput)")
    }

    @Test func presetsNamePrintsTheShippedFileExactly() throws {
        let outcome = try CommandLineTool.run(["presets", "udacity"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let file = try String(contentsOf: FixturePaths.url("configs/udacity.yaml"), encoding: .utf8)
        #expect(outcome.standardOutput == file)
        #expect(outcome.standardError.isEmpty)
    }

    @Test func anUnknownPresetExitsTwoWithOneLineListingTheKnownOnes() throws {
        let outcome = try CommandLineTool.run(["presets", "nope"])
        #expect(outcome.status == 2)
        #expect(outcome.standardOutput.isEmpty)
        let lines = outcome.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.standardError)")
        let line = try #require(lines.first)
        for needle in ["Unknown preset 'nope'", "udacity", "initscope presets"] {
            #expect(line.contains(needle), "\(line) lacks \(needle)")
        }
    }

    @Test func presetsHelpTeachesHowToStartAConfig() throws {
        let outcome = try CommandLineTool.run(["presets", "--help"])
        #expect(outcome.status == 0)
        for needle in ["initscope presets udacity > deep-tanh.yaml", "initscope run deep-tanh.yaml", "initscope list", "Exit status"] {
            #expect(outcome.standardOutput.contains(needle), "help lacks \(needle)")
        }
    }

    @Test func listPrintsEveryNameAConfigCanUse() throws {
        let outcome = try CommandLineTool.run(["list"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let out = outcome.standardOutput
        for needle in ["Initializers (initializers:", "uniform(a,b)", "W ~ U[a, b)", "he_normal", "orthogonal(g)",
                       "Activations (network.activation", "leaky_relu(s)", "gelu",
                       "Optimizers (training.optimizer)", "sgd", "momentum", "nesterov", "adam",
                       "Data sources (data.source", "fashion-mnist", "idx", "csv", "label_column", "spirals", "blobs",
                       "Thresholds (diagnostics.thresholds", "dead-units.share = 0.5"] {
            #expect(out.contains(needle), "list lacks \(needle)")
        }
        let help = try CommandLineTool.run(["list", "--help"])
        #expect(help.status == 0 && help.standardOutput.contains("network.activation") && help.standardOutput.contains("--inits"))
    }

    @Test func rootHelpNamesTheNewCommands() throws {
        let outcome = try CommandLineTool.run(["--help"])
        #expect(outcome.standardOutput.contains("presets") && outcome.standardOutput.contains("list"))
    }
}
