import Testing
import Foundation
import Datasets
import Experiments
import Training
import TestSupport

/// A run that overflows next to a healthy one, and a suite interrupted part-way: the other
/// runs and the result are unaffected, and the result says what went wrong where.
@Suite struct RunsThatGoWrongTests {
    /// The lesson's network on the first 512 fixture examples, one epoch, without probes.
    func config(_ initializers: [String]) -> ExperimentConfig {
        var config = Presets.udacity
        config.epochs = 1
        config.probeEvery = 0
        config.initializers = initializers
        return config
    }

    func data() throws -> DatasetSplits {
        let data = try FixtureData.fashionSubset()
        return DatasetSplits(train: data.train.selecting(Array(0..<512)), test: data.test.selecting(Array(0..<200)))
    }

    @Test func anOverflowingInitStopsItsRunOnlyAndNamesTheLayer() throws {
        // Constant weights of 1e15: the sums reach 1e17, then 1e34, then overflow in layer 3.
        let result = try ExperimentRunner(config: config(["he_normal", "constant(1e15)"]), data: data(), jobs: 2).run()
        #expect(result.runs.count == 2 && result.partial == nil && result.missingRuns == nil)
        let healthy = result.runs[0], diverged = result.runs[1]
        #expect(healthy.history.divergence == nil && healthy.history.epochs.count == 1)
        #expect((healthy.history.finalTestAccuracy ?? 0) > 0.5)
        #expect(diverged.history.divergence == Divergence(step: 1, layer: 3, what: .activations))
        #expect(diverged.status == "diverged")
        let finding = try #require(result.allFindings.first { $0.runID == diverged.id && $0.rule == "divergence" })
        #expect(finding.layer == 3 && finding.firstStep == 1)
        #expect(finding.explanation.contains("Layer 3's outputs became NaN or infinite at step 1"))

        let text = String(decoding: try ResultsStore.encode(result), as: UTF8.self)
        #expect(text.contains(#""divergence":{"layer":3,"step":1,"what":"activations"}"#))
        let folder = try FixturePaths.temporaryDirectory()
        let back = try ResultsStore.read(ResultsStore.write(result, toFolder: folder))  // NaN ≠ NaN: compare fields
        #expect(back.runs.map(\.history.divergence) == result.runs.map(\.history.divergence))
        #expect(back.runs[1].history.divergedAtStep == 1)
    }

    @Test func anInterruptionBeforeTrainingLeavesEveryRunMissing() throws {
        let flag = InterruptionFlag()
        flag.request(reason: "SIGINT")
        let result = try ExperimentRunner(config: config(["he_normal", "zeros"]), data: data(), jobs: 2)
            .run(interruption: flag)
        #expect(result.runs.isEmpty && result.partial == true)
        #expect(result.missingRuns == [
            MissingRun(id: "he_normal#seed0", reason: "interrupted (SIGINT)", stepsTrained: 0, totalSteps: 4),
            MissingRun(id: "zeros#seed0", reason: "interrupted (SIGINT)", stepsTrained: 0, totalSteps: 4),
        ])
        #expect(result.partialSummary == "interrupted (SIGINT): 0 of 2 runs finished; missing he_normal#seed0 (not started), zeros#seed0 (not started)")
    }

    @Test func anInterruptionAfterTheFirstRunKeepsItAndListsTheRest() throws {
        let flag = InterruptionFlag()
        let result = try ExperimentRunner(config: config(["he_normal", "zeros", "xavier_uniform"]), data: data(), jobs: 1)
            .run(interruption: flag) { progress in
                if progress.step == 0 { flag.request(reason: "SIGTERM") }  // a run just finished
            }
        #expect(result.runs.map(\.id) == ["he_normal#seed0"])
        #expect(result.isPartial)
        #expect(result.missingRuns?.map(\.id) == ["zeros#seed0", "xavier_uniform#seed0"])
        #expect(result.missingRuns?.allSatisfy { $0.reason == "interrupted (SIGTERM)" } == true)
        let back = try ResultsStore.read(ResultsStore.write(result, toFolder: FixturePaths.temporaryDirectory()))
        #expect(back.partial == true && back.missingRuns == result.missingRuns)
    }

    @Test func mergeRefusesAPartialShard() throws {
        let config = config(["he_normal", "zeros"])
        let complete = try ExperimentRunner(config: config, data: data(), jobs: 1).run(shard: Shard(index: 1, count: 2))
        let flag = InterruptionFlag()
        flag.request(reason: "SIGINT")
        let partial = try ExperimentRunner(config: config, data: data(), jobs: 1).run(shard: Shard(index: 2, count: 2), interruption: flag)
        #expect(throws: MergeError.partialShard(path: "runs/shard-2.json", shard: try Shard(index: 2, count: 2),
                                                summary: try #require(partial.partialSummary))) {
            try ShardMerge.merge([.init(path: "runs/shard-1.json", result: complete), .init(path: "runs/shard-2.json", result: partial)])
        }
        let message = MergeError.partialShard(path: "runs/shard-2.json", shard: try Shard(index: 2, count: 2), summary: "x").description
        #expect(message == "runs/shard-2.json is a partial shard (x). Rerun it with `initscope run CONFIG --shard 2/2` and merge again.")
    }

    @Test func aCompleteResultCarriesNoPartialFields() throws {
        let result = try ExperimentRunner(config: config(["zeros"]), data: data(), jobs: 1).run(interruption: InterruptionFlag())
        let text = String(decoding: try ResultsStore.encode(result), as: UTF8.self)
        #expect(!text.contains("partial") && !text.contains("missingRuns") && result.partialSummary == nil)
    }
}
