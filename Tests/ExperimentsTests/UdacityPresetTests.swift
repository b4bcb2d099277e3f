import Testing
import Foundation
import Datasets
import Experiments
import Training
import TestSupport

/// The default suite end to end on the committed Fashion-MNIST subset, one epoch.
@Suite struct UdacityPresetTests {
    static let result: Result<ExperimentResult, any Error> = Result {
        var config = Presets.udacity
        config.epochs = 1
        return try ExperimentRunner(config: config, data: try FixtureData.fashionSubset(), jobs: 2).run()
    }

    func run(_ name: String) throws -> RunResult {
        try #require(try Self.result.get().runs.first { $0.initializer == name })
    }

    @Test func allTwelveInitializersRunInPresetOrder() throws {
        let result = try Self.result.get()
        #expect(result.runs.map(\.initializer) == Presets.udacity.initializers)
        #expect(result.runs.allSatisfy { $0.history.batchLosses.count == 16 })  // ⌈2000/128⌉
        #expect(result.runs.allSatisfy { $0.layerSizes == [784, 256, 128, 10] })
        #expect(result.dataset.trainExamples == 2000 && result.dataset.testExamples == 500)
        #expect(!result.machine.blasCore.isEmpty && result.machine.blasThreadsPerRun == 1)
    }

    @Test func zerosStaysAtChance() throws {
        let zeros = try run("zeros")
        // Only the output bias learns: the loss stays near ln 10 and the net predicts one class.
        #expect(zeros.history.batchLosses.allSatisfy { abs(Double($0) - log(10.0)) < 0.05 })
        let accuracy = try #require(zeros.history.finalTestAccuracy)
        #expect(accuracy > 0.05 && accuracy < 0.16)
    }

    @Test func wellScaledInitsLearn() throws {
        for name in ["uniform(-0.1,0.1)", "general_rule", "normal(0.1)", "truncated_normal(0.1)", "xavier_uniform", "he_normal"] {
            let accuracy = try #require(try run(name).history.finalTestAccuracy)
            #expect(accuracy > 0.55, "\(name): \(accuracy)")
            #expect(accuracy > (try run("zeros").history.finalTestAccuracy ?? 1) + 0.3)
        }
    }

    @Test func uniformZeroOneIsFarBehindWithHugeLoss() throws {
        let positive = try run("uniform(0,1)")
        let he = try run("he_normal")
        #expect((positive.history.finalTestLoss ?? 0) > 10 * (he.history.finalTestLoss ?? 1))
        #expect((positive.history.finalTestAccuracy ?? 1) < (he.history.finalTestAccuracy ?? 0))
    }
}
