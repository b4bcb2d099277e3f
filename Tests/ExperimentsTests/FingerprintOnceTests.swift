import Foundation
import Synchronization
import Testing
import Datasets
import Tensor
@testable import Experiments

/// The fingerprint a worker computes in its idle time is the one the result records, however
/// many workers race for it.
@Suite struct FingerprintOnceTests {
    static func data() -> DatasetSplits {
        let values = Matrix(rows: 300, cols: 7, storage: (0..<2100).map { Float($0 % 97) / 7 })
        let train = Dataset(name: "t", source: "", features: values, labels: (0..<300).map { Int32($0 % 3) }, classCount: 3)
        return DatasetSplits(train: train, test: train.selecting(Array(0..<50)))
    }

    @Test func racingWorkersLeaveTheSameFingerprint() {
        let data = Self.data()
        let once = FingerprintOnce(data)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in once.computeIfNobodyHas() }
        #expect(once.value == data.fingerprint)
    }

    @Test func readingItWithoutAWorkerComputesIt() {
        let data = Self.data()
        #expect(FingerprintOnce(data).value == data.fingerprint)
    }

    @Test func aBackgroundHashIsWaitedForByEveryReader() {
        let data = Self.data()
        let once = FingerprintOnce(data)
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            if i % 2 == 0 { once.startIfNobodyHas() }
            #expect(once.value == data.fingerprint)
        }
    }

    @Test func theRunnerHandsOverTheResultBeforeTheFingerprintAndThenFillsItIn() throws {
        let data = Self.data()
        var config = Presets.udacity
        config.epochs = 1
        config.batchSize = 50
        config.hiddenSizes = [4]
        config.initializers = ["zeros", "he_normal"]
        config.probeEvery = 0
        let pending = try ExperimentRunner(config: config, data: data, jobs: 2).runWithFingerprintPending()
        #expect(pending.result.dataset.fingerprint == nil)
        #expect(pending.fingerprint() == data.fingerprint)
        #expect(pending.completed().dataset.fingerprint == data.fingerprint)
    }
}

/// A worker with no run left to claim is handed the finished runs while another trains.
@Suite struct WhileOthersFinishTests {
    /// 2000 examples of 64 features: 40 batches of 50 per epoch.
    static func data() -> DatasetSplits {
        let values = Matrix(rows: 2000, cols: 64, storage: (0..<128_000).map { Float($0 % 97) / 97 })
        let train = Dataset(name: "t", source: "", features: values, labels: (0..<2000).map { Int32($0 % 3) }, classCount: 3)
        return DatasetSplits(train: train, test: train.selecting(Array(0..<50)))
    }

    /// Two runs on two workers: a 2-unit network, and a 1024-1024 one whose products take
    /// about a second more (≈ 40 GFLOP), claimed first.
    func config() -> ExperimentConfig {
        var config = Presets.udacity
        config.epochs = 3
        config.batchSize = 50
        config.initializers = ["he_normal"]
        config.probeEvery = 0
        config.variants = [NetworkVariant(name: "small", hiddenSizes: [2]), NetworkVariant(name: "large", hiddenSizes: [1024, 1024])]
        return config
    }

    @Test func theIdleWorkerGetsTheFinishedRunsUntilTheLastOneEnds() throws {
        struct Call: Sendable { let runs: [String]; let diagnosed: Bool; let doneAtEntry: Bool; let doneAtLast: Bool }
        let calls = Mutex<[Call]>([])
        let result = try ExperimentRunner(config: config(), data: Self.data(), jobs: 2).runWithFingerprintPending(whileOthersFinish: { finished, othersDone in
            let atEntry = othersDone()
            let deadline = Date().addingTimeInterval(120)
            while !othersDone(), Date() < deadline { Thread.sleep(forTimeInterval: 0.001) }
            let call = Call(runs: finished.runs.map(\.id), diagnosed: finished.findings != nil, doneAtEntry: atEntry, doneAtLast: othersDone())
            calls.withLock { $0.append(call) }
        }).completed()
        let seen = calls.withLock { $0 }
        // The large run is claimed first (longest first); the small one's worker runs out.
        #expect(seen.count == 1)
        #expect(seen.first?.runs == ["he_normal@small#seed0"])
        #expect(seen.first?.diagnosed == true)
        #expect(seen.first?.doneAtEntry == false)
        #expect(seen.first?.doneAtLast == true)
        #expect(result.runs.map(\.id) == ["he_normal@small#seed0", "he_normal@large#seed0"])
    }

    @Test func aSingleWorkerIsNeverHandedAnything() throws {
        let called = Mutex(false)
        _ = try ExperimentRunner(config: config(), data: FingerprintOnceTests.data(), jobs: 1)
            .runWithFingerprintPending(whileOthersFinish: { _, _ in called.withLock { $0 = true } }).completed()
        #expect(!called.withLock { $0 })
    }
}
