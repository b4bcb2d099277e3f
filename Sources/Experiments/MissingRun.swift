/// A planned run that is not in a result, and why: the suite was interrupted (Ctrl-C,
/// SIGTERM) before it finished. Its partial numbers are not kept — a run cut short is not
/// comparable with finished ones.
public struct MissingRun: Sendable, Codable, Equatable {
    /// The planned run's id, e.g. "he_normal@bn#seed1".
    public var id: String
    /// Why it is missing, e.g. "interrupted (SIGINT)".
    public var reason: String
    /// Optimizer steps it had taken when it was abandoned; 0 when it never started.
    public var stepsTrained: Int
    public var totalSteps: Int

    public init(id: String, reason: String, stepsTrained: Int, totalSteps: Int) {
        self.id = id
        self.reason = reason
        self.stepsTrained = stepsTrained
        self.totalSteps = totalSteps
    }

    /// "stopped at step 120 of 938" or "not started".
    public var progress: String {
        stepsTrained > 0 ? "stopped at step \(stepsTrained) of \(totalSteps)" : "not started"
    }

    /// "he_normal#seed0 (stopped at step 120 of 938)".
    public var description: String { "\(id) (\(progress))" }
}

extension ExperimentResult {
    /// True when planned runs are missing (an interrupted suite): `runs` holds only the
    /// finished ones, `missingRuns` the others.
    public var isPartial: Bool { partial == true }

    /// "interrupted (SIGINT): 2 of 5 runs finished; missing he_normal#seed0 (stopped at
    /// step 120 of 938), xavier_uniform#seed0 (not started)", or nil for a complete result.
    public var partialSummary: String? {
        guard isPartial else { return nil }
        let missing = missingRuns ?? []
        let reasons = Array(Set(missing.map(\.reason))).sorted()
        return "\(reasons.isEmpty ? "incomplete" : reasons.joined(separator: ", ")): \(runs.count) of \(runs.count + missing.count) runs finished; "
            + "missing \(missing.map(\.description).joined(separator: ", "))"
    }
}
