import Foundation
import Synchronization
import Testing
import Datasets
import Initializers
import Probes
import Tensor
@testable import Experiments

/// A run's final SVDs left to the core that idles at the end of the suite: its result
/// reaches the board only once they are measured, and they are the ones the run would
/// have measured itself.
@Suite struct EndSpectraTests {
    /// Two runs on two workers: a 2-unit network, and a 512-512 one whose products take
    /// about half a second more, claimed first.
    static func config() -> ExperimentConfig {
        var config = WhileOthersFinishTests().config()
        config.epochs = 10
        config.probeEvery = 100
        config.variants = [NetworkVariant(name: "small", hiddenSizes: [2]), NetworkVariant(name: "large", hiddenSizes: [512, 512])]
        return config
    }

    /// The small variant's run, trained with its final SVDs left to the caller or not.
    static func smallRun(defers: Bool) throws -> ExperimentRunner.RunOutcome {
        let config = config(), data = WhileOthersFinishTests.data()
        let plan = try ExperimentPlan(config)
        let planned = try #require(plan.runs.first { $0.variant == "small" })
        let probing = ExperimentRunner.planProbes(plan, schemes: ["he_normal": try InitializerSpec.parse("he_normal")],
                                                  config: config, data: data)
        return ExperimentRunner.train(planned, scheme: try InitializerSpec.parse("he_normal"), config: config, data: data,
                                      probing: probing, defersSpectralAtEnd: defers)
    }

    @Test func aKeptResultReachesTheBoardOnlyOnceMeasured() throws {
        guard case let .finished(deferred, weightsAtEnd?) = try Self.smallRun(defers: true),
              case let .finished(measured, nil) = try Self.smallRun(defers: false) else {
            Issue.record("expected a deferred and a measured finished run"); return
        }
        #expect(deferred.probes?.layers.allSatisfy { $0.spectralAtEnd == nil } == true)
        let board = ResultBoard(claimOrder: [0, 1]), endSpectra = EndSpectra()
        endSpectra.add(deferred, weightsAtEnd: weightsAtEnd, index: 1)
        board.markDone(1)
        #expect(board.doneCount == 1 && board.results().isEmpty)
        endSpectra.measure(into: board, until: { true })
        #expect(board.results().isEmpty && endSpectra.count == 1)
        endSpectra.measure(into: board)
        #expect(endSpectra.isEmpty)
        #expect(board.results().map(\.probes) == [measured.probes])
        #expect(board.results().first?.probes?.layers.allSatisfy { $0.spectralAtEnd != nil } == true)
    }

    /// The idle worker measures the finished run's final SVDs before it is handed the run.
    @Test func theIdleWorkerIsHandedTheFinishedRunMeasured() throws {
        struct Call: Sendable { let runs: [String]; let measured: Bool }
        let calls = Mutex<[Call]>([])
        let result = try ExperimentRunner(config: Self.config(), data: WhileOthersFinishTests.data(), jobs: 2)
            .runWithFingerprintPending(whileOthersFinish: { finished, _ in
                let measured = finished.runs.allSatisfy { $0.probes?.layers.allSatisfy { $0.spectralAtEnd != nil } == true }
                calls.withLock { $0.append(Call(runs: finished.runs.map(\.id), measured: measured)) }
            }).completed()
        let seen = calls.withLock { $0 }
        #expect(seen.count == 1 && seen.first?.runs == ["he_normal@small#seed0"] && seen.first?.measured == true)
        #expect(result.runs.allSatisfy { $0.probes?.layers.allSatisfy { $0.spectralAtEnd != nil } == true })
    }
}
