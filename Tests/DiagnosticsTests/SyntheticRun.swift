import Tensor
import Network
import Training
@testable import Probes
@testable import Diagnostics

/// Hand-made probe statistics for rule tests: each layer's snapshots from a few numbers, so
/// a test states exactly what a rule sees.
struct SyntheticLayer {
    var fanIn = 16
    var fanOut = 8
    /// Per probe step (0, 10, 20, …): the values below, or the defaults of a healthy layer.
    var steps = 5
    var activationRMS: (Int) -> Float = { _ in 1 }
    var activationGradientRMS: (Int) -> Float = { _ in 1e-3 }
    var weightGradientRMS: (Int) -> Float = { _ in 1e-3 }
    var dead: (Int) -> Double? = { _ in 0 }
    var saturated: (Int) -> Double? = { _ in nil }
    var update: (Int) -> Double? = { $0 == 0 ? nil : 1e-3 }
    var identical: (Int) -> Int = { _ in 0 }
    var nonFiniteGradients: (Int) -> Int = { _ in 0 }

    func trace(index: Int) -> LayerTrace {
        let snapshots = (0..<steps).map { i -> LayerSnapshot in
            let step = i * 10
            let gradient = [Float](repeating: weightGradientRMS(step), count: 4) + [Float](repeating: .nan, count: nonFiniteGradients(step))
            return LayerSnapshot(
                step: step, weight: Summary([0.1, -0.1, 0.1, -0.1]), bias: Summary([0]), distanceFromInit: 0,
                preActivation: Summary([Float](repeating: activationRMS(step), count: 4)),
                activation: Summary([Float](repeating: activationRMS(step), count: 4)),
                activationGradient: Summary([Float](repeating: activationGradientRMS(step), count: 4)),
                weightGradient: Summary(gradient),
                deadFraction: dead(step), saturatedFraction: saturated(step), nearZeroFraction: 0,
                gradientToData: 0.01, updateToData: update(step),
                symmetry: SymmetryStats(maxCosine: identical(step) > 0 ? 1 : 0.2, identicalUnits: identical(step)),
                trainingBatch: nil)
        }
        return LayerTrace(index: index, fanIn: fanIn, fanOut: fanOut, output: "relu", snapshots: snapshots, histograms: [])
    }
}

/// A run of three layers (two hidden + output) with a loss curve.
func syntheticRun(_ layers: [SyntheticLayer] = [SyntheticLayer(), SyntheticLayer(), SyntheticLayer()],
                  losses: [Float] = (0..<200).map { 2.3 * Float(1 - 0.004 * Double($0)) },
                  divergedAt: Int? = nil, activation: Activation = .relu, expectsFailure: Bool = false) -> RunEvidence {
    var history = TrainingHistory()
    history.batchLosses = losses
    history.divergedAtStep = divergedAt
    let probes = RunProbes(probeEvery: 10, probeBatchSize: 4, layers: layers.enumerated().map { $1.trace(index: $0) })
    return RunEvidence(runID: "synthetic#seed0", initializer: "synthetic", expectsFailure: expectsFailure,
                       history: history, probes: probes, classes: 10, activation: activation)
}

extension Rule {
    func fires(_ run: RunEvidence, _ thresholds: Thresholds = .defaults) -> [Finding] {
        findings(in: run, thresholds: thresholds)
    }
}
