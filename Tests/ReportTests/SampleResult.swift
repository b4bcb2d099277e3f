import Foundation
import Experiments
import Network
import Training

/// A small, fully synthetic result (no training) whose strings can be made hostile.
func sampleResult(labels: [String] = ["He normal", "zeros"], source: String = "/data/fashion/train-images-idx3-ubyte.gz") -> ExperimentResult {
    var config = Presets.udacity
    config.initializers = labels.indices.map { $0 == 0 ? "he_normal" : "zeros" }
    let runs = labels.enumerated().map { index, label -> RunResult in
        var history = TrainingHistory()
        let decaying: [Float] = (0..<120).map { step in Float(2.3 / (1 + Double(step) / 10)) }
        history.batchLosses = index == 0 ? decaying : [Float](repeating: 2.3026, count: 120)
        history.epochs = [
            EpochRecord(epoch: 1, trainLoss: 1, testLoss: index == 0 ? 0.5 : 2.3026, testAccuracy: index == 0 ? 0.84 : 0.1, trainSeconds: 1),
            EpochRecord(epoch: 2, trainLoss: 0.8, testLoss: index == 0 ? 0.4 : 2.3026, testAccuracy: index == 0 ? 0.86 : 0.1, trainSeconds: 1),
        ]
        history.trainSeconds = 2
        return RunResult(id: "run\(index)", initializer: index == 0 ? "he_normal" : "zeros", label: label,
                         formula: "W ~ \(label)", seed: 0, layerSizes: [784, 256, 128, 10], history: history, seconds: 2.5)
    }
    return ExperimentResult(
        schemaVersion: ExperimentResult.currentSchemaVersion, tool: .current, createdAt: "2026-11-23T12:00:00Z",
        config: config,
        dataset: DatasetInfo(name: "Fashion-MNIST", source: source, trainExamples: 60000, testExamples: 10000, features: 784, classes: 10),
        machine: MachineInfo(cpu: "Test CPU", logicalCores: 2, operatingSystem: "Debian", blasCore: "Haswell",
                             blasConfiguration: "OpenBLAS", blasThreadsPerRun: 1, jobs: 2),
        runs: runs, wallSeconds: 3, sumOfRunSeconds: 5, gitCommit: "abc123", command: "initscope run --preset udacity")
}
