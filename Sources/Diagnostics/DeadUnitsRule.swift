import Probes

/// `dead-units` — a large share of a ReLU layer's units output 0 for every probe example:
/// no gradient flows through them, so their incoming weights stop learning.
public struct DeadUnitsRule: Rule {
    public let id = "dead-units"
    public let summary = "share of ReLU units never active on the probe batch above a threshold"

    public init() {}

    public func findings(in run: RunEvidence, thresholds: Thresholds) -> [Finding] {
        let limit = thresholds["\(id).share"]
        return run.hiddenLayers.compactMap { layer -> Finding? in
            let dead = layer.snapshots.filter { ($0.deadFraction ?? 0) > limit && !layer.isCollapsed($0) }
            guard let a = dead.first, let b = dead.last, let worst = dead.map({ $0.deadFraction ?? 0 }).max() else { return nil }
            let end = layer.snapshots.last?.deadFraction ?? 0
            return run.finding(
                id, .warning, layer: layer.index + 1, steps: a.step...b.step,
                evidence: [Evidence("largest dead share", worst), Evidence("dead share at the end", end),
                           Evidence("probes above the threshold", Double(dead.count))],
                threshold: thresholds.threshold("\(id).share"),
                explanation: "Up to \(Wording.percent(worst)) of this layer's ReLU units never fire on the probe batch. "
                    + "A dead unit passes no gradient back, so it cannot recover: too large a bias shift, learning rate or weight scale pushes units there.")
        }
    }
}
