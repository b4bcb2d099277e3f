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
        /// Whether to show `expectedTag` (Mustache takes an empty string as true).
        public let isExpected: Bool
    }

    /// Rows for `findings`, with run labels from `result`. With `mergingSeeds`, the same
    /// finding (rule, severity, layer) in several seeds of one series is one row that names
    /// the seeds and shows the first seed's evidence: three seeds do not triple the table.
    static func findingRows(_ findings: [Finding], result: ExperimentResult, mergingSeeds: Bool = false) -> [FindingRow] {
        var owners: [String: RunSeries] = [:]
        for series in RunSeries.of(result) {
            for run in series.runs where owners[run.id] == nil { owners[run.id] = series }
        }
        var groups: [(first: Finding, seeds: [UInt64])] = []
        var index: [String: Int] = [:], occurrences: [String: Int] = [:]
        for f in findings {
            guard mergingSeeds, let series = owners[f.runID], series.runs.count > 1,
                  let seed = series.runs.first(where: { $0.id == f.runID })?.seed else {
                groups.append((f, [])); continue
            }
            // A rule may fire twice at one place in one run (forecast: forward and backward):
            // the n-th such finding of each seed share a row.
            let place = [series.anchor, f.rule, f.severity.rawValue, f.layer.map(String.init) ?? "-"].joined(separator: "\u{0}")
            let nth = occurrences[f.runID + "\u{0}" + place, default: 0]
            occurrences[f.runID + "\u{0}" + place] = nth + 1
            let key = place + "\u{0}\(nth)"
            if let at = index[key] { groups[at].seeds.append(seed) } else { index[key] = groups.count; groups.append((f, [seed])) }
        }
        // The same rule at the same steps in consecutive layers of one run is one row: a deep
        // net whose gradients overflow everywhere at once reads "layers 1–30", not 30 rows.
        var spans: [(first: Finding, seeds: [UInt64], last: Finding)] = []
        for (f, seeds) in groups {
            if let span = spans.last, span.seeds == seeds, f.continuesLayerSpan(of: span.last) {
                spans[spans.count - 1].last = f
            } else {
                spans.append((f, seeds, f))
            }
        }
        return spans.map { f, seeds, last in
            let lastLayer = last.layer
            let spanned = lastLayer != nil && lastLayer != f.layer
            let series = owners[f.runID]
            var label = f.initializer
            if let series, let run = series.runs.first(where: { $0.id == f.runID }) {
                label = seeds.isEmpty ? series.label(of: run)
                    : series.label + (seeds.count == series.runs.count ? " · all \(seeds.count) seeds"
                        : " · seed\(seeds.count == 1 ? "" : "s") \(seeds.map(String.init).joined(separator: ", ")) of \(series.runs.count)")
            }
            var evidence = seeds.count > 1 ? "seed \(seeds[0]): " + f.evidenceText : f.evidenceText
            if spanned, let first = f.layer, let last = lastLayer {
                evidence = "layer \(first): " + evidence + " (alike in layers \(first + 1)–\(last))"
            }
            return FindingRow(symbol: f.severity.symbol, severity: f.severity.rawValue, severityClass: f.severity.rawValue,
                              rule: f.rule, initializer: label, anchor: series?.anchor ?? RunAnchor.of(f.initializer),
                              place: spanned ? "layers \(f.layer ?? 0)–\(lastLayer ?? 0)" : f.place, when: f.stepRange, evidence: evidence, threshold: f.thresholdText,
                              explanation: f.explanation, expectedTag: f.expected ? "expected to fail" : "",
                              isExpected: f.expected)
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
