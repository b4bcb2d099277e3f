import Probes

/// `vanishing-gradient` — the back-propagated gradient shrinks on its way to the input: at
/// step 0 the first layer's RMS ∂L/∂a is a small fraction of the last layer's, or a layer's
/// weight gradient is tiny but not zero. Layers whose units are all identical are left to
/// the symmetry rule (their exact zeros are a symptom of it).
public struct VanishingGradientRule: Rule {
    public let id = "vanishing-gradient"
    public let summary = "back-propagated gradients shrink toward the input, or fall below a floor"

    public init() {}

    public func findings(in run: RunEvidence, thresholds: Thresholds) -> [Finding] {
        guard let layers = run.probes?.layers, let first = layers.first?.snapshots.first,
              let last = layers.last?.snapshots.first else { return [] }
        var findings: [Finding] = []
        let ratioLimit = thresholds["\(id).layer_ratio"]
        let firstRMS = first.activationGradient.rms, lastRMS = last.activationGradient.rms
        if layers.count > 1, firstRMS > 0, lastRMS > 0, !layers[0].isCollapsed(first), firstRMS / lastRMS < ratioLimit {
            findings.append(run.finding(
                id, .warning, layer: 1, steps: 0...0,
                evidence: [Evidence("RMS ∂L/∂a, layer 1", firstRMS), Evidence("RMS ∂L/∂a, layer \(layers.count)", lastRMS),
                           Evidence("ratio", firstRMS / lastRMS)],
                threshold: thresholds.threshold("\(id).layer_ratio"),
                explanation: "At initialization the gradient reaching layer 1 is \(Wording.factor(lastRMS / firstRMS)) smaller than at the output: "
                    + "each layer scales it down on the way back, so the first layers barely learn. "
                    + "A variance-preserving scheme for this activation (He for ReLU, Xavier for tanh) keeps the ratio near 1."))
        }
        let floor = thresholds["\(id).floor"]
        for layer in layers {
            let weak = layer.snapshots.filter { $0.weightGradient.rms > 0 && $0.weightGradient.rms < floor && !layer.isCollapsed($0) }
            guard weak.count * 2 > layer.snapshots.count, let a = weak.first, let b = weak.last else { continue }
            findings.append(run.finding(
                id, .warning, layer: layer.index + 1, steps: a.step...b.step,
                evidence: [Evidence("smallest RMS ∂L/∂W", weak.map(\.weightGradient.rms).min() ?? 0),
                           Evidence("probes below the floor", Double(weak.count)), Evidence("probes", Double(layer.snapshots.count))],
                threshold: thresholds.threshold("\(id).floor"),
                explanation: "This layer's weight gradient is below \(Wording.number(floor)) for most of the run: its weights effectively never move."))
        }
        return findings
    }
}
