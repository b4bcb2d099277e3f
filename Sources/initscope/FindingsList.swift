import Diagnostics

/// The findings printed after the results table: one line each, most severe first.
enum FindingsList {
    static func render(_ findings: [Finding]) -> String {
        let unexpected = findings.filter { !$0.expected }.count
        var lines = ["Findings: \(findings.count) (\(unexpected) in runs not expected to fail; details in report.html and summary.md)"]
        for f in findings {
            lines.append("  \(f.severity.symbol) \(f.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) "
                + "\(f.rule.padding(toLength: 18, withPad: " ", startingAt: 0)) \(f.initializer)\(f.expected ? " (expected)" : ""), "
                + "\(f.place), \(f.stepRange): \(f.evidenceText)")
        }
        return lines.joined(separator: "\n")
    }
}
