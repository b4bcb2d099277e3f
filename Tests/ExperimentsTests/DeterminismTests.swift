import Testing
import Foundation
import Datasets
import Experiments
import Training
import TestSupport

@Suite struct DeterminismTests {
    /// The result with every timing, date and machine field blanked.
    func withoutTimings(_ result: ExperimentResult) -> ExperimentResult {
        var r = result
        r.createdAt = ""; r.wallSeconds = 0; r.sumOfRunSeconds = 0
        r.machine.jobs = 0
        for i in r.runs.indices {
            r.runs[i].seconds = 0
            r.runs[i].history.trainSeconds = 0
            r.runs[i].history.evaluationSeconds = 0
            for e in r.runs[i].history.epochs.indices { r.runs[i].history.epochs[e].trainSeconds = 0 }
        }
        return r
    }

    func smallConfig() -> ExperimentConfig {
        var config = Presets.udacity
        config.epochs = 1
        config.hiddenSizes = [32]
        config.initializers = ["he_normal", "uniform(-1,1)", "zeros"]
        return config
    }

    @Test func resultsDoNotDependOnJobs() throws {
        let data = try FixtureData.fashionSubset()
        let one = try ExperimentRunner(config: smallConfig(), data: data, jobs: 1).run()
        let two = try ExperimentRunner(config: smallConfig(), data: data, jobs: 2).run()
        #expect(withoutTimings(one) == withoutTimings(two))
        let a = try ResultsStore.encode(withoutTimings(one)), b = try ResultsStore.encode(withoutTimings(two))
        #expect(a == b)
    }

    @Test func differentSeedsGiveDifferentWeights() throws {
        let data = try FixtureData.fashionSubset()
        var other = smallConfig()
        other.seeds = [1]
        let base = try ExperimentRunner(config: smallConfig(), data: data, jobs: 2).run()
        let moved = try ExperimentRunner(config: other, data: data, jobs: 2).run()
        #expect(base.runs[0].history.batchLosses != moved.runs[0].history.batchLosses)
    }

    @Test func metricsFileRoundTripsIncludingNonFiniteValues() throws {
        let data = try FixtureData.fashionSubset()
        var result = try ExperimentRunner(config: smallConfig(), data: data, jobs: 2).run()
        result.runs[0].history.batchLosses[0] = .nan
        result.runs[0].history.batchLosses[1] = .infinity
        let folder = try FixturePaths.temporaryDirectory()
        let file = try ResultsStore.write(result, toFolder: folder)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\"schemaVersion\":1") && text.contains("\"NaN\"") && text.contains("\"Infinity\""))
        let back = try ResultsStore.read(file)
        #expect(back.runs[0].history.batchLosses[0].isNaN)
        #expect(back.runs[0].history.batchLosses[1] == .infinity)
        #expect(withoutTimings(back).runs.dropFirst() == withoutTimings(result).runs.dropFirst())
    }

    @Test func unreadableAndForeignFilesAreTypedErrors() throws {
        let folder = try FixturePaths.temporaryDirectory()
        let missing = folder.appendingPathComponent("nope.json")
        #expect(throws: ResultsError.self) { try ResultsStore.read(missing) }
        let foreign = folder.appendingPathComponent("other.json")
        try Data("{\"hello\": 1}".utf8).write(to: foreign)
        do {
            _ = try ResultsStore.read(foreign)
            Issue.record("a foreign JSON file was accepted")
        } catch {
            #expect(error.description.contains(foreign.path) && error.description.contains("initscope run"))
        }
    }

    @Test func badConfigValuesNameTheKey() {
        var config = Presets.udacity
        config.epochs = 0
        #expect(throws: ConfigError.invalid(key: "training.epochs", value: "0", fix: "use 1 or more")) { try config.validate() }
        config = Presets.udacity
        config.optimizer.learningRate = -1
        #expect(throws: ConfigError.self) { try config.validate() }
        config = Presets.udacity
        config.initializers = ["he_normal", "kaiming_normal"]
        #expect(throws: ConfigError.invalid(key: "initializers", value: "kaiming_normal", fix: "each initializer may appear once")) {
            try config.validate()
        }
        #expect(throws: ConfigError.self) { try Presets.named("nope") }
    }
}
