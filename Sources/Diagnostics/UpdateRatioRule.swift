import Probes

/// `update-ratio` — update:data = std(ΔW)/std(W) stays far from the usual ~1e-3 for most of
/// the run: far below, the layer barely changes; far above, each step rewrites its weights.
public struct UpdateRatioRule: Rule {
    public let id = "update-ratio"
    public let summary = "update:data far from 1e-3 for most of the run"

    public init() {}

    public func findings(in run: RunEvidence, thresholds: Thresholds) -> [Finding] {
        let low = thresholds["\(id).low"], high = thresholds["\(id).high"], share = thresholds["\(id).share"]
        return (run.probes?.layers ?? []).compactMap { layer -> Finding? in
            let measured = layer.snapshots.compactMap { s in s.updateToData.map { (step: s.step, ratio: $0, collapsed: layer.isCollapsed(s)) } }
                .filter { $0.ratio.isFinite && !$0.collapsed }
            guard !measured.isEmpty else { return nil }
            let small = measured.filter { $0.ratio < low }, large = measured.filter { $0.ratio > high }
            let median = measured.map(\.ratio).sorted()[measured.count / 2]
            let tooSmall = Double(small.count) > share * Double(measured.count)
            let tooLarge = Double(large.count) > share * Double(measured.count)
            guard tooSmall || tooLarge, let first = measured.first, let last = measured.last else { return nil }
            return run.finding(
                id, .warning, layer: layer.index + 1, steps: first.step...last.step,
                evidence: [Evidence("median update:data", median),
                           Evidence("probes outside the band", Double(tooSmall ? small.count : large.count)),
                           Evidence("probes", Double(measured.count))],
                threshold: thresholds.threshold(tooSmall ? "\(id).low" : "\(id).high"),
                explanation: tooSmall
                    ? "Each update moves this layer's weights by a median \(Wording.number(median)) of their spread, far below the usual 1e-3: the layer barely learns."
                    : "Each update moves this layer's weights by a median \(Wording.number(median)) of their spread, far above the usual 1e-3: each step is large next to the spread of the weights, so whatever the initialization set up is overwritten at once.")
        }
    }
}
