import Foundation
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
