import Foundation
import Experiments
import Diagnostics

/// `summary.md`: the leaderboard and the findings in Markdown, ready for a CI job summary
/// or a pull-request comment. Plain text from our own numbers and names; table cells have
/// their pipes escaped so a label cannot break the table.
public enum SummaryMarkdown {
    public static let fileName = "summary.md"

    public static func render(_ result: ExperimentResult) -> String {
        let findings = result.allFindings
        var lines = ["## initscope — \(result.config.name)", ""]
        let sizes = result.runs.first?.layerSizes.map(String.init).joined(separator: "-") ?? ""
        lines.append("\(result.runs.count) initializers · \(result.dataset.name) · \(sizes) \(result.config.hiddenActivation.name) MLP · "
            + "\(result.config.epochs) epoch(s) · BLAS \(result.machine.blasCore), \(result.machine.blasThreadsPerRun) thread(s) per run"
            + (result.gitCommit.map { " · commit \($0)" } ?? ""))
        lines += ["", "| # | initializer | test accuracy | test loss | status | findings |", "|---:|---|---:|---:|---|---|"]
        let ranked = result.runs.sorted { ($0.history.finalTestAccuracy ?? -1) > ($1.history.finalTestAccuracy ?? -1) }
        for (rank, run) in ranked.enumerated() {
            let mine = findings.filter { $0.runID == run.id }
            let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                let n = mine.filter { $0.severity == severity }.count
                return n > 0 ? "\(severity.symbol) \(n) \(severity.rawValue)" : nil
            }.joined(separator: ", ")
            let expected = result.config.expectsFailure(run.initializer) ? " (expected to fail)" : ""
            lines.append("| \(rank + 1) | \(cell(run.label))\(expected) | "
                + (run.history.finalTestAccuracy.map { String(format: "%.2f%%", $0 * 100) } ?? "—") + " | "
                + (run.history.finalTestLoss.map { String(format: "%.4g", $0) } ?? "—") + " | "
                + (run.history.divergedAtStep.map { "diverged at step \($0)" } ?? "completed") + " | "
                + (counts.isEmpty ? "none" : counts) + " |")
        }
        lines += ["", "### Findings", ""]
        if findings.isEmpty {
            lines.append("No rule fired.")
        } else {
            let unexpected = findings.filter { !$0.expected }
            lines.append("\(findings.count) finding(s), \(unexpected.count) in runs not marked as expected to fail.")
            lines += ["", "| | rule | initializer | where | when | evidence | why |", "|---|---|---|---|---|---|---|"]
            for f in findings {
                lines.append("| \(f.severity.symbol) \(f.severity.rawValue) | `\(f.rule)` | \(cell(f.initializer))\(f.expected ? " (expected)" : "") | "
                    + "\(f.place) | \(f.stepRange) | \(cell(f.evidenceText)) (\(cell(f.thresholdText))) | \(cell(f.explanation)) |")
            }
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// Writes `summary.md` into `folder` atomically.
    @discardableResult
    public static func write(_ markdown: String, toFolder folder: URL) throws(ReportError) -> URL {
        let file = folder.appendingPathComponent(fileName)
        do { try Data(markdown.utf8).write(to: file, options: .atomic) } catch {
            throw .unwritable(path: file.path, reason: error.localizedDescription)
        }
        return file
    }

    /// A table cell: pipes escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
