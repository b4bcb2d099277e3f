import Foundation
import Experiments
import Diagnostics

/// `compare.md`: the comparison as GitHub-flavoured Markdown for a pull-request comment or
/// `$GITHUB_STEP_SUMMARY` — the verdict first, then one table row per matched run, then the
/// findings that appeared or went, then where each side came from. Every string that did not
/// come from us (labels, paths, commits) goes through `text`, so a name cannot break the
/// table or smuggle HTML into the comment.
public enum CompareMarkdown {
    public static let fileName = "compare.md"

    public static func render(_ comparison: ResultComparison) -> String {
        var lines = ["## initscope compare — \(text(comparison.experimentName))", "", "**\(comparison.verdict)**", ""]
        for warning in comparison.warnings { lines.append("> ⚠ \(text(warning))") }
        for note in comparison.notes { lines.append("> Note: \(text(note))") }
        if !comparison.warnings.isEmpty || !comparison.notes.isEmpty { lines.append("") }

        lines += ["| run | base accuracy | head accuracy | Δ points | Δ loss | time Δ | findings new / resolved | ‖∂L/∂W‖ shift | verdict |",
                  "|---|---:|---:|---:|---:|---:|---|---|---|"]
        for run in comparison.runs {
            let row = CompareRow(run, options: comparison.options)
            lines.append("| \(text(row.name))\(run.expectsFailure ? " (expected to fail)" : "") | \(row.baseAccuracy) | \(row.headAccuracy) | "
                + "\(row.accuracyDelta) | \(row.lossDelta) | \(row.time) | \(row.findings) | \(text(row.shifts)) | \(text(row.verdict)) |")
        }

        let new = comparison.runs.flatMap(\.newFindings)
        let resolved = comparison.runs.flatMap(\.resolvedFindings)
        lines += ["", "### New findings in head (\(new.count))", ""]
        lines += findingsTable(new, empty: "None: head has no finding that base did not have.")
        lines += ["", "### Resolved in head (\(resolved.count))", ""]
        lines += findingsTable(resolved, empty: "None: every finding of base is still there.")

        if !comparison.added.isEmpty || !comparison.removed.isEmpty {
            lines += ["", "### Runs on one side only", ""]
            if !comparison.added.isEmpty {
                lines.append("- Only in head (added): " + comparison.added.map { text($0.id) }.joined(separator: ", "))
            }
            if !comparison.removed.isEmpty {
                lines.append("- Only in base (removed): " + comparison.removed.map { text($0.id) }.joined(separator: ", "))
            }
        }

        lines += ["", "### Compared", "",
                  "- base: \(text(comparison.base.path)) — \(text(comparison.base.provenance))",
                  "- head: \(text(comparison.head.path)) — \(text(comparison.head.provenance))",
                  "- Runs are matched by initializer, variant and seed. A run fails when its accuracy drops by more than "
                    + "\(ComparisonFormat.points(comparison.options.maxAccuracyDrop)) point(s), it diverges in head only, or it gains an "
                    + "error finding — unless the config expects it to fail. ‖∂L/∂W‖ shift: the last probe's weight-gradient "
                    + "norm per layer, head/base, flagged beyond ×\(Wording.number(comparison.options.gradientShiftFactor)) either way.",
                  ""]
        return lines.joined(separator: "\n")
    }

    static func findingsTable(_ findings: [Finding], empty: String) -> [String] {
        guard !findings.isEmpty else { return [empty] }
        return ["| | rule | run | where | when | evidence | why |", "|---|---|---|---|---|---|---|"]
            + findings.map { f in
                "| \(f.severity.symbol) \(f.severity.rawValue) | `\(f.rule)` | \(text(f.runID))\(f.expected ? " (expected)" : "") | "
                    + "\(f.place) | \(f.stepRange) | \(text(f.evidenceText)) (\(text(f.thresholdText))) | \(text(f.explanation)) |"
            }
    }

    /// Writes `compare.md` into `folder` atomically.
    @discardableResult
    public static func write(_ markdown: String, toFolder folder: URL) throws(ReportError) -> URL {
        try ReportFile.write(markdown, named: fileName, toFolder: folder)
    }

    /// Text safe in a GFM table cell and inert as HTML: backslashes, pipes and backticks
    /// escaped, `<`, `>` and `&` as entities, line breaks flattened.
    public static func text(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.count)
        for character in raw {
            switch character {
            case "\\": out += "\\\\"
            case "|": out += "\\|"
            case "`": out += "\\`"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}

/// One matched run as plain text cells, shared by the Markdown table and the HTML page.
struct CompareRow {
    let name: String
    let baseAccuracy: String
    let headAccuracy: String
    let accuracyDelta: String
    let lossDelta: String
    let time: String
    let findings: String
    let shifts: String
    let verdict: String

    init(_ run: RunComparison, options: ComparisonOptions) {
        name = run.run.id
        baseAccuracy = Self.accuracy(run.base)
        headAccuracy = Self.accuracy(run.head)
        accuracyDelta = run.accuracyDelta.map(ComparisonFormat.signedPoints) ?? "—"
        lossDelta = run.lossDelta.map { ComparisonFormat.signed($0) } ?? "—"
        time = ComparisonFormat.signed(run.secondsDelta, format: "%.1f") + " s"
            + (run.secondsRatio.map { " (\(ComparisonFormat.ratio($0)))" } ?? "")
        let counts = [run.newFindings.isEmpty ? nil : "+\(run.newFindings.count)" + Self.symbols(run.newFindings),
                      run.resolvedFindings.isEmpty ? nil : "−\(run.resolvedFindings.count)" + Self.symbols(run.resolvedFindings)]
            .compactMap { $0 }
        findings = counts.isEmpty ? "—" : counts.joined(separator: " / ")
        if run.gradientShifts.isEmpty {
            shifts = "—"
        } else if run.flaggedShifts.isEmpty {
            shifts = "within ×\(Wording.number(options.gradientShiftFactor))"
        } else {
            shifts = run.flaggedShifts.map { "⚑ layer \($0.layer) \($0.ratio.map(ComparisonFormat.ratio) ?? "non-finite")" }
                .joined(separator: ", ")
        }
        if run.regressions.isEmpty {
            verdict = "✔"
        } else {
            let what = run.regressions.map(\.description).joined(separator: "; ")
            verdict = run.expectsFailure ? "expected to fail: \(what)" : "✖ \(what)"
        }
    }

    /// "84.20%", "84.20% (diverged at step 40)", "—".
    static func accuracy(_ outcome: RunOutcome) -> String {
        let value = outcome.accuracy.map { $0.isFinite ? String(format: "%.2f%%", $0 * 100) : "—" } ?? "—"
        return value + (outcome.divergedAtStep.map { " (diverged at step \($0))" } ?? "")
    }

    /// " ✖▲" — the severities of some findings, most severe first.
    static func symbols(_ findings: [Finding]) -> String {
        " " + findings.map(\.severity).sorted(by: >).map(\.symbol).joined()
    }
}
