import Foundation
import Experiments
import Network
import Training
import Tensor
@testable import Probes

/// A synthetic experiment with repeats and variants: `initializers` × `variants` × seeds
/// [0, 1, 2], no training. Numbers are chosen so means and spreads are easy by hand:
///
/// - final accuracy = base + 0.02 · seed index, base 0.80 (he_normal, shallow), 0.70
///   (he_normal, deep), 0.10 (zeros): every series' mean is base + 0.02, its sample std 0.02;
/// - final loss = 0.5 + 0.1 · seed index: mean 0.6, sample std 0.1;
/// - batch loss at step k (1-based) = 2.3 − 0.01 · k + 0.1 · seed index;
/// - he_normal on `deep` seed 2 diverges at step 50 (losses NaN from there, final loss NaN).
///
/// `shallow` trains 784-32-16-10 (3 layers), `deep` 784-16-16-16-16-10 (5 layers).
func seededResult(variants: [String] = ["shallow", "deep"], withProbes: Bool = true, lsuv: Bool = false) -> ExperimentResult {
    var config = Presets.udacity
    config.initializers = ["he_normal", "zeros"]
    config.seeds = [0, 1, 2]
    config.epochs = 2
    config.variants = variants.map { name in
        NetworkVariant(name: name, hiddenSizes: name == "deep" ? [16, 16, 16, 16] : [32, 16])
    }
    var runs: [RunResult] = []
    for initializer in config.initializers {
        for variant in variants {
            for (s, seed) in config.seeds.enumerated() {
                let base = initializer == "zeros" ? 0.10 : (variant == "deep" ? 0.70 : 0.80)
                let accuracy = base + 0.02 * Double(s)
                let loss = 0.5 + 0.1 * Double(s)
                let diverges = initializer == "he_normal" && variant == "deep" && s == 2
                var history = TrainingHistory()
                history.batchLosses = (1...120).map { k in
                    diverges && k >= 50 ? .nan : Float(2.3 - 0.01 * Double(k) + 0.1 * Double(s))
                }
                history.divergedAtStep = diverges ? 50 : nil
                history.epochs = [
                    EpochRecord(epoch: 1, trainLoss: 1, testLoss: loss + 0.1, testAccuracy: accuracy - 0.05, trainSeconds: 1),
                    EpochRecord(epoch: 2, trainLoss: 0.8, testLoss: diverges ? .nan : loss, testAccuracy: accuracy, trainSeconds: 1),
                ]
                history.trainSeconds = 2 + Double(s)
                let network = config.variants.first { $0.name == variant }.map { $0.applied(to: config.baseNetwork) }
                let sizes = [784] + (network?.hiddenSizes ?? config.hiddenSizes) + [10]
                let label = initializer == "zeros" ? "zeros" : "He normal"
                runs.append(RunResult(
                    id: "\(initializer)@\(variant)#seed\(seed)", initializer: initializer, variant: variant, network: network,
                    calibrationIterations: lsuv ? [3, 2, 1 + s] : nil,
                    label: label, formula: "W ~ \(label)", seed: seed, layerSizes: sizes, history: history,
                    probes: withProbes ? syntheticProbes(sizes: sizes) : nil, seconds: 2.5))
            }
        }
    }
    return ExperimentResult(
        createdAt: "2026-11-23T12:00:00Z", config: config,
        dataset: DatasetInfo(name: "Fashion-MNIST", source: "/data/fashion/train-images-idx3-ubyte.gz", trainExamples: 60000,
                             testExamples: 10000, features: 784, classes: 10),
        machine: MachineInfo(cpu: "Test CPU", logicalCores: 2, operatingSystem: "Debian", blasCore: "Haswell",
                             blasConfiguration: "OpenBLAS", blasThreadsPerRun: 1, jobs: 2),
        runs: runs, wallSeconds: 3, sumOfRunSeconds: 5, gitCommit: "abc123", command: "initscope run --config seeds.yaml")
}

/// Probes of a network with layer widths `sizes`: three probes (steps 0, 10, 20), healthy
/// numbers, histograms at the first and last probe.
func syntheticProbes(sizes: [Int]) -> RunProbes {
    let layers = zip(sizes, sizes.dropFirst()).enumerated().map { index, widths -> LayerTrace in
        let values: [Float] = (0..<64).map { Float($0 - 32) / 32 }
        let snapshots = [0, 10, 20].map { step in
            LayerSnapshot(step: step, weight: Summary(values), bias: Summary([0]), distanceFromInit: Double(step),
                          preActivation: Summary(values), activation: Summary(values.map { max(0, $0) }, percentiles: true),
                          activationGradient: Summary(values.map { $0 * 1e-3 }), weightGradient: Summary(values.map { $0 * 1e-2 }),
                          deadFraction: 0.1, saturatedFraction: nil, nearZeroFraction: 0.1, gradientToData: 0.01,
                          updateToData: step == 0 ? nil : 1e-3, symmetry: SymmetryStats(maxCosine: 0.2, identicalUnits: 0),
                          trainingBatch: nil)
        }
        let histograms = [0, 20].map { step -> LayerHistograms in
            var h = Histogram(lower: -1, upper: 1, bins: 16)
            h.add(values)
            return LayerHistograms(step: step, weight: h, activation: h, activationGradient: h, weightGradient: h,
                                   logWeightGradient: h, logActivationGradient: h)
        }
        return LayerTrace(index: index, fanIn: widths.0, fanOut: widths.1, output: index == sizes.count - 2 ? "logits" : "relu",
                          snapshots: snapshots, histograms: histograms)
    }
    return RunProbes(probeEvery: 10, probeBatchSize: 4, layers: layers)
}
