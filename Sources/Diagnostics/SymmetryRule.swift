import Probes

/// `symmetry` — units of a hidden layer have identical incoming weights (zero or constant
/// init). Identical units get identical gradients, so no optimizer step can ever make them
/// differ: the layer computes one function however wide it is.
public struct SymmetryRule: Rule {
    public let id = "symmetry"
    public let summary = "units of a layer have identical incoming weights (zero or constant init)"

    public init() {}

    public func findings(in run: RunEvidence, thresholds: Thresholds) -> [Finding] {
        let limit = thresholds["\(id).identical_share"]
        return run.hiddenLayers.compactMap { layer -> Finding? in
            guard let first = layer.snapshots.first, let last = layer.snapshots.last, layer.fanOut > 1 else { return nil }
            let share = Double(last.symmetry.identicalUnits) / Double(layer.fanOut)
            guard share >= limit, last.symmetry.identicalUnits > 0 else { return nil }
            let total = last.symmetry.identicalUnits == layer.fanOut
            return run.finding(
                id, .error, layer: layer.index + 1, steps: first.step...last.step,
                evidence: [Evidence("identical units at the end", Double(last.symmetry.identicalUnits)),
                           Evidence("units", Double(layer.fanOut)),
                           Evidence("identical units at step 0", Double(first.symmetry.identicalUnits)),
                           Evidence("largest cosine between units", last.symmetry.maxCosine)],
                threshold: thresholds.threshold("\(id).identical_share"),
                explanation: (total ? "All \(layer.fanOut) units" : "\(last.symmetry.identicalUnits) of \(layer.fanOut) units")
                    + " of this layer have identical incoming weights. Units that start equal receive equal gradients, "
                    + "so gradient descent can never separate them: the layer behaves like a single unit. Use a random initializer.")
        }
    }
}
