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
        let series = RunSeries.of(result)
        let repeats = RunSeries.hasRepeats(series)
        let split = result.evaluationSplit
        var lines = ["## initscope — \(result.config.name)", ""]
        let networks = ReportModel.networks(result)
        let initializers = Set(series.map(\.initializer)).count
        let seeds = series.map(\.runs.count).max() ?? 1
        let network: String
        if networks.count == 1, networks[0].name == nil {
            let sizes = result.runs.first?.layerSizes.map(String.init).joined(separator: "-") ?? ""
            let settings = result.runs.first?.network ?? result.config.baseNetwork
            network = "\(sizes) \(settings.hiddenActivation.name) MLP"
                + (settings.batchNorm ? " with BatchNorm" : "") + (settings.dropout > 0 ? ", dropout \(settings.dropout)" : "")
        } else {
            network = "\(networks.count) networks"
        }
        lines.append("\(initializers) initializers · \(result.dataset.name) · \(network) · "
            + (seeds > 1 ? "\(seeds) seeds (\(result.config.seeds.map(String.init).joined(separator: ", "))) · " : "")
            + "\(result.config.epochs) epoch(s) · BLAS \(result.machine.blasCore), \(result.machine.blasThreadsPerRun) thread(s) per run"
            + (result.gitCommit.map { " · commit \($0)" } ?? ""))
        if networks.count > 1 || networks.first?.name != nil {
            lines.append("")
            for n in networks { lines.append("- **\(cell(n.name ?? "base"))**: \(cell(n.description))") }
        }
        if result.isPartial {
            lines += ["", "**\(ReportModel.partialHeadline(result)).** The runs below finished; these did not and are left out: "
                + (result.missingRuns ?? []).map { "`\($0.id)` (\($0.progress))" }.joined(separator: ", ") + "."]
        }
        if repeats {
            lines += ["", "Numbers are mean ± sample standard deviation (n − 1) over each initializer's seeds; the accuracy's ± is in percentage points. Findings are counted over every seed."]
        }
        lines += ["", "| # | initializer | \(split) accuracy | \(split) loss | status | findings |", "|---:|---|---:|---:|---|---|"]
        for (rank, s) in ReportFigures.ranked(series).enumerated() {
            let ids = Set(s.runs.map(\.id))
            let mine = findings.filter { ids.contains($0.runID) }
            let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                let n = mine.filter { $0.severity == severity }.count
                return n > 0 ? "\(severity.symbol) \(n) \(severity.rawValue)" : nil
            }.joined(separator: ", ")
            let expected = result.config.expectsFailure(s.initializer) ? " (expected to fail)" : ""
            let accuracy = SeedStatistics(s.runs.map { $0.history.finalTestAccuracy ?? .nan })
            let loss = SeedStatistics(s.runs.map { $0.history.finalTestLoss ?? .nan })
            let diverged = s.runs.filter { $0.history.divergedAtStep != nil }
            let status = s.runs.count == 1 || diverged.isEmpty
                ? (s.representative.history.divergenceStatus ?? "completed")
                : ReportModel.status(s, diverged: diverged, failed: true)
            lines.append("| \(rank + 1) | \(cell(s.label))\(expected) | "
                + (accuracy.map { repeats ? $0.percent() : String(format: "%.2f%%", $0.mean * 100) } ?? "—") + " | "
                + (loss.map(Self.loss) ?? s.representative.history.finalTestLoss.map { String(format: "%.4g", $0) } ?? "—") + " | "
                + cell(status) + " | "
                + (counts.isEmpty ? "none" : counts) + " |")
        }
        lines += ["", "### Findings", ""]
        if findings.isEmpty {
            lines.append("No rule fired.")
        } else {
            // With seeds or variants a finding names its run (he_normal@bn#seed1), else the initializer.
            let plain = series.count == result.runs.count && !RunSeries.hasVariants(result)
            let names = plain ? [:] : Dictionary(result.runs.map { ($0.id, $0.id) }, uniquingKeysWith: { a, _ in a })
            let unexpected = findings.filter { !$0.expected }
            lines.append("\(findings.count) finding(s), \(unexpected.count) in runs not marked as expected to fail.")
            lines += ["", "| | rule | initializer | where | when | evidence | why |", "|---|---|---|---|---|---|---|"]
            for f in findings {
                lines.append("| \(f.severity.symbol) \(f.severity.rawValue) | `\(f.rule)` | \(cell(names[f.runID] ?? f.initializer))\(f.expected ? " (expected)" : "") | "
                    + "\(f.place) | \(f.stepRange) | \(cell(f.evidenceText)) (\(cell(f.thresholdText))) | \(cell(f.explanation)) |")
            }
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// Writes `summary.md` into `folder` atomically.
    @discardableResult
    public static func write(_ markdown: String, toFolder folder: URL) throws(ReportError) -> URL {
        try ReportFile.write(markdown, named: fileName, toFolder: folder)
    }

    /// "0.43" for one seed, "0.43 ± 0.012" over seeds, with " (2 of 3 seeds)" when some were not finite.
    static func loss(_ s: SeedStatistics) -> String {
        (s.standardDeviation.map { String(format: "%.4g ± %.2g", s.mean, $0) } ?? String(format: "%.4g", s.mean))
            + (s.count < s.total ? " (\(s.count) of \(s.total) seeds)" : "")
    }

    /// A table cell: pipes escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
