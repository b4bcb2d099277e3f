import Tensor
import Network

/// Measures one layer of a network right after a probe-batch pass: the numbers of a
/// `LayerSnapshot` and, when asked, its histograms.
enum LayerProbe {
    static func snapshot(network: MLP, layer l: Int, step: Int, initialWeight: Matrix,
                         weightBeforeUpdate: Matrix?) -> LayerSnapshot {
        let dense = network.layers[l]
        let hidden = l < network.layers.count - 1
        guard let pass = network.lastPass(layer: l) else { preconditionFailure("probe before any pass") }
        let weight = Summary(dense.weight.storage)
        let weightGradient = Summary(dense.dWeight.storage, percentiles: true)
        let backProp = (pass.dA ?? pass.dZ).storage
        let nearZero = ActivationCounts.nearZero(pass.a.storage, below: 1e-6)
        let dead: Double? = hidden && network.hiddenActivation == .relu ? deadUnitFraction(pass.a) : nil
        let saturated: Double? = hidden ? network.hiddenActivation.saturation?.fraction(of: pass.a.storage) : nil
        let update = weightBeforeUpdate.map { before in
            ratio(differenceMoments(dense.weight.storage, before.storage).std, weight.std)
        }
        return LayerSnapshot(
            step: step, weight: weight, bias: Summary(dense.bias),
            distanceFromInit: differenceMoments(dense.weight.storage, initialWeight.storage).l2,
            preActivation: Summary(pass.z.storage, percentiles: true),
            activation: Summary(pass.a.storage, percentiles: true),
            activationGradient: Summary(backProp, percentiles: true),
            weightGradient: weightGradient,
            deadFraction: dead,
            saturatedFraction: saturated,
            nearZeroFraction: Double(nearZero) / Double(max(1, pass.a.count)),
            gradientToData: ratio(weightGradient.std, weight.std),
            updateToData: update,
            symmetry: SymmetryStats(weight: dense.weight),
            trainingBatch: nil)
    }

    /// Statistics of the pass the trainer just made on its batch (read before the probe
    /// batch's own pass replaces the buffers).
    static func trainingBatch(network: MLP, layer l: Int) -> TrainingBatchStats? {
        guard let pass = network.lastPass(layer: l) else { return nil }
        return TrainingBatchStats(activation: Summary(pass.a.storage),
                                  activationGradient: Summary((pass.dA ?? pass.dZ).storage),
                                  weightGradient: Summary(network.layers[l].dWeight.storage))
    }

    static func histograms(network: MLP, layer l: Int, step: Int, ranges: HistogramRanges) -> LayerHistograms {
        let dense = network.layers[l]
        guard let pass = network.lastPass(layer: l) else { preconditionFailure("probe before any pass") }
        let backProp = (pass.dA ?? pass.dZ).storage
        return LayerHistograms(
            step: step,
            weight: ranges.histogram(layer: l, .weight, of: dense.weight.storage),
            activation: ranges.histogram(layer: l, .activation, of: pass.a.storage),
            activationGradient: ranges.histogram(layer: l, .activationGradient, of: backProp),
            weightGradient: ranges.histogram(layer: l, .weightGradient, of: dense.dWeight.storage),
            logWeightGradient: .logMagnitude(of: dense.dWeight.storage),
            logActivationGradient: .logMagnitude(of: backProp))
    }

    /// Share of units (columns of a) that are 0 for every example of the batch.
    static func deadUnitFraction(_ a: Matrix) -> Double {
        Double(ActivationCounts.neverPositiveColumns(a)) / Double(max(1, a.cols))
    }

    /// std and L2 norm of a − b in one pass, without materializing the difference (the
    /// probe runs this on every weight matrix at every probe). NaN for both when a difference
    /// is NaN or infinite (a diverged run): there is no distance to speak of.
    static func differenceMoments(_ a: [Float], _ b: [Float]) -> (std: Double, l2: Double) {
        precondition(a.count == b.count, "differenceMoments: \(a.count) vs \(b.count) values")
        let moments = FloatMoments(difference: a, b)
        guard moments.finiteCount == a.count else { return (std: .nan, l2: .nan) }
        guard !a.isEmpty else { return (std: 0, l2: 0) }
        return (std: moments.variance.squareRoot(), l2: moments.sumSquares.squareRoot())
    }

    /// a / b, with 0/0 = 0 (nothing moved, nothing to move) and x/0 = +∞.
    static func ratio(_ a: Double, _ b: Double) -> Double {
        if b == 0 { return a == 0 ? 0 : .infinity }
        return a / b
    }
}
