import Experiments

extension ReportModel {
    /// A planned run the report does not show, and why (an interrupted suite).
    public struct MissingRunRow: Sendable {
        public let id: String
        /// "stopped at step 120 of 938" or "not started".
        public let progress: String
        /// "interrupted (SIGINT)".
        public let reason: String
    }

    /// "Partial result: 3 of 12 runs missing — interrupted (SIGINT)", or "" when complete.
    static func partialHeadline(_ result: ExperimentResult) -> String {
        guard result.isPartial else { return "" }
        let missing = result.missingRuns ?? []
        let reasons = Array(Set(missing.map(\.reason))).sorted().joined(separator: ", ")
        return "Partial result: \(missing.count) of \(missing.count + result.runs.count) runs missing"
            + (reasons.isEmpty ? "" : " — \(reasons)")
    }

    static func missingRunRows(_ result: ExperimentResult) -> [MissingRunRow] {
        (result.missingRuns ?? []).map { MissingRunRow(id: $0.id, progress: $0.progress, reason: $0.reason) }
    }
}
