import Diagnostics

/// The findings printed after the results table: one line each, most severe first. The same
/// rule firing in consecutive layers of one run at the same steps (a deep net's gradient
/// going non-finite everywhere at once) is one line naming the layer range, so a 32-layer
/// network does not print 32 lines; the report lists every layer.
enum FindingsList {
    static func render(_ findings: [Finding]) -> String {
        let unexpected = findings.filter { !$0.expected }.count
        // Run ids name the seed and variant when an experiment has several of either.
        let byRun = Set(findings.map(\.runID)).count > Set(findings.map(\.initializer)).count
        var lines = ["Findings: \(findings.count) (\(unexpected) in runs not expected to fail; details in report.html and summary.md)"]
        for group in layerRuns(findings) {
            let f = group[0]
            let place = group.count == 1 ? f.place : "layers \(group[0].layer ?? 0)–\(group[group.count - 1].layer ?? 0)"
            lines.append("  \(f.severity.symbol) \(f.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) "
                + "\(f.rule.padding(toLength: 18, withPad: " ", startingAt: 0)) \(byRun ? f.runID : f.initializer)\(f.expected ? " (expected)" : ""), "
                + "\(place), \(f.stepRange): \(f.evidenceText)\(group.count > 1 ? " (layer \(f.layer ?? 0); alike in the others)" : "")")
        }
        return lines.joined(separator: "\n")
    }

    /// Consecutive findings of one run and rule at the same steps on layers l, l+1, … grouped.
    static func layerRuns(_ findings: [Finding]) -> [[Finding]] {
        var groups: [[Finding]] = []
        for f in findings {
            if let last = groups.last?.last, f.continuesLayerSpan(of: last) {
                groups[groups.count - 1].append(f)
            } else {
                groups.append([f])
            }
        }
        return groups
    }
}
