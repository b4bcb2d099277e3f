import Experiments
import Diagnostics

extension ReportModel {
    /// One finding as the page shows it.
    public struct FindingRow: Sendable {
        public let symbol: String
        public let severity: String
        /// "error", "warning" or "info" (the row's CSS class).
        public let severityClass: String
        public let rule: String
        public let initializer: String
        /// Link target: the initializer's detail section.
        public let anchor: String
        public let place: String
        public let when: String
        public let evidence: String
        public let threshold: String
        public let explanation: String
        /// "expected to fail" for runs the config marks so, else "".
        public let expectedTag: String
    }

    /// Rows for `findings`, with run labels from `result`.
    static func findingRows(_ findings: [Finding], result: ExperimentResult) -> [FindingRow] {
        var labels: [String: (label: String, anchor: String)] = [:]
        for series in RunSeries.of(result) {
            for run in series.runs where labels[run.id] == nil { labels[run.id] = (series.label(of: run), series.anchor) }
        }
        return findings.map { f in
            FindingRow(symbol: f.severity.symbol, severity: f.severity.rawValue, severityClass: f.severity.rawValue,
                       rule: f.rule, initializer: labels[f.runID]?.label ?? f.initializer,
                       anchor: labels[f.runID]?.anchor ?? RunAnchor.of(f.initializer),
                       place: f.place, when: f.stepRange, evidence: f.evidenceText, threshold: f.thresholdText,
                       explanation: f.explanation, expectedTag: f.expected ? "expected to fail" : "")
        }
    }

    /// "3 errors and 5 warnings; 0 in runs not expected to fail." or "No rule fired."
    static func findingsHeadline(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "No rule fired: every run looks healthy by every threshold." }
        let counts = Severity.allCases.reversed().compactMap { s -> String? in
            let n = findings.filter { $0.severity == s }.count
            return n == 0 ? nil : "\(n) \(s.rawValue)\(n == 1 ? "" : "s")"
        }
        let unexpected = findings.filter { !$0.expected }.count
        return counts.joined(separator: ", ") + "; \(unexpected) in runs not expected to fail."
    }
}

/// The HTML anchor of a series' detail section: "run-he-normal", "run-he-normal--bn".
enum RunAnchor {
    static func of(_ initializer: String, variant: String? = nil) -> String {
        "run-" + slug(initializer) + (variant.map { "--" + slug($0) } ?? "")
    }

    private static func slug(_ text: String) -> String {
        text.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
    }
}
