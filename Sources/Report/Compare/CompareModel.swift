import Experiments
import Diagnostics

/// Everything compare.mustache shows, already formatted as text (the template only has
/// sections). Strings from the inputs are escaped by Mustache's `{{x}}`; only the CSS and
/// the data URIs, which we generate, go through `{{{x}}}`.
public struct CompareModel: Sendable {
    public struct Side: Sendable {
        public let name: String
        public let path: String
        public let provenance: String
        public let configHash: String
        public let fingerprint: String
        public let createdAt: String
    }

    public struct Row: Sendable {
        public let name: String
        public let expectedTag: String
        public let isExpected: Bool
        public let baseAccuracy: String
        public let headAccuracy: String
        public let accuracyDelta: String
        public let lossDelta: String
        public let time: String
        public let findings: String
        public let shifts: String
        public let verdict: String
        /// "failed" when the run fails the comparison, "expected" when it regressed but is
        /// expected to fail, else "".
        public let rowClass: String
    }

    /// One layer of one run whose gradient norm moved beyond the factor.
    public struct ShiftRow: Sendable {
        public let run: String
        public let layer: String
        public let base: String
        public let head: String
        public let ratio: String
    }

    public struct FindingRow: Sendable {
        public let symbol: String
        public let severity: String
        public let severityClass: String
        public let rule: String
        public let run: String
        public let place: String
        public let when: String
        public let evidence: String
        public let explanation: String
    }

    public let generator: String
    public let title: String
    public let subtitle: String
    public let css: String
    public let verdict: String
    /// "pass" or "fail" (CSS class of the verdict).
    public let verdictClass: String
    public let warnings: [String]
    public let notes: [String]
    public let sides: [Side]
    public let rows: [Row]
    public let shifts: [ShiftRow]
    public let hasShifts: Bool
    public let shiftFactor: String
    public let tolerance: String
    public let figures: [ReportModel.Figure]
    public let newFindings: [FindingRow]
    public let resolvedFindings: [FindingRow]
    public let hasNewFindings: Bool
    public let hasResolvedFindings: Bool
    public let added: [String]
    public let removed: [String]
    public let hasAdded: Bool
    public let hasRemoved: Bool

    public init(comparison c: ResultComparison, figures: [ReportModel.Figure], css: String, generator: String) {
        self.generator = generator
        title = "initscope compare — \(c.experimentName)"
        subtitle = "\(c.runs.count) matched run(s): base \(c.base.gitCommit ?? "(no commit)") → head \(c.head.gitCommit ?? "(no commit)")"
        self.css = css
        verdict = c.verdict
        verdictClass = c.passes ? "pass" : "fail"
        warnings = c.warnings
        notes = c.notes
        sides = [("base", c.base), ("head", c.head)].map { name, side in
            Side(name: name, path: side.path, provenance: side.provenance, configHash: side.configHash ?? "not recorded",
                 fingerprint: side.datasetFingerprint ?? "not recorded", createdAt: side.createdAt)
        }
        rows = c.runs.map { run in
            let row = CompareRow(run, options: c.options)
            return Row(name: row.name, expectedTag: "expected to fail", isExpected: run.expectsFailure,
                       baseAccuracy: row.baseAccuracy, headAccuracy: row.headAccuracy, accuracyDelta: row.accuracyDelta,
                       lossDelta: row.lossDelta, time: row.time, findings: row.findings, shifts: row.shifts,
                       verdict: row.verdict, rowClass: run.fails ? "failed" : (run.regressions.isEmpty ? "" : "expected"))
        }
        shifts = c.runs.flatMap { run in
            run.flaggedShifts.map { shift in
                ShiftRow(run: run.run.id, layer: shift.name, base: Wording.number(shift.base), head: Wording.number(shift.head),
                         ratio: shift.ratio.map(ComparisonFormat.ratio) ?? "non-finite on one side")
            }
        }
        hasShifts = !shifts.isEmpty
        shiftFactor = Wording.number(c.options.gradientShiftFactor)
        tolerance = ComparisonFormat.points(c.options.maxAccuracyDrop)
        self.figures = figures
        newFindings = c.runs.flatMap(\.newFindings).map(Self.row)
        resolvedFindings = c.runs.flatMap(\.resolvedFindings).map(Self.row)
        hasNewFindings = !newFindings.isEmpty
        hasResolvedFindings = !resolvedFindings.isEmpty
        added = c.added.map(\.id)
        removed = c.removed.map(\.id)
        hasAdded = !added.isEmpty
        hasRemoved = !removed.isEmpty
    }

    static func row(_ f: Finding) -> FindingRow {
        FindingRow(symbol: f.severity.symbol, severity: f.severity.rawValue, severityClass: f.severity.rawValue, rule: f.rule,
                   run: f.runID + (f.expected ? " (expected)" : ""), place: f.place, when: f.stepRange,
                   evidence: "\(f.evidenceText) (threshold \(f.thresholdText))", explanation: f.explanation)
    }
}
