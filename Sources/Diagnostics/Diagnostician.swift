/// Runs every rule over every run and orders the findings as a reader triages them: runs
/// not expected to fail first, then most severe first, then in the config's run order, then
/// by layer.
public struct Diagnostician: Sendable {
    public static let rules: [any Rule] = [
        SymmetryRule(), VanishingGradientRule(), ExplodingGradientRule(), DeadUnitsRule(), SaturationRule(),
        FlatLossRule(), DivergenceRule(), UpdateRatioRule(), ActivationScaleRule(), ForecastRule(),
    ]

    public let thresholds: Thresholds

    public init(thresholds: Thresholds = .defaults) { self.thresholds = thresholds }

    public func findings(in runs: [RunEvidence]) -> [Finding] {
        let order = Dictionary(runs.enumerated().map { ($1.runID, $0) }, uniquingKeysWith: { a, _ in a })
        let all = runs.flatMap { run in Self.rules.flatMap { $0.findings(in: run, thresholds: thresholds) } }
        return all.enumerated().sorted { x, y in
            let (a, b) = (x.element, y.element)
            if a.expected != b.expected { return !a.expected }
            if a.severity != b.severity { return a.severity > b.severity }
            if order[a.runID] != order[b.runID] { return (order[a.runID] ?? 0) < (order[b.runID] ?? 0) }
            if a.layer != b.layer { return (a.layer ?? 0) < (b.layer ?? 0) }
            return x.offset < y.offset
        }.map(\.element)
    }
}

/// When `initscope run` exits non-zero because of findings.
public enum FailOn: String, Sendable, Codable, CaseIterable {
    case error
    case warning
    case never

    /// Findings that fail the run: at or above the level, in runs not expected to fail.
    public func failing(_ findings: [Finding]) -> [Finding] {
        switch self {
        case .never: return []
        case .error: return findings.filter { !$0.expected && $0.severity >= .error }
        case .warning: return findings.filter { !$0.expected && $0.severity >= .warning }
        }
    }
}
