import Network
import Training
import Probes
import Tensor

/// What the rules read about one finished run: its losses and its probes. Built by the
/// experiment runner; the rules never see networks or data.
public struct RunEvidence: Sendable {
    public let runID: String
    public let initializer: String
    /// The config marks this run `expect: failure`.
    public let expectsFailure: Bool
    public let history: TrainingHistory
    public let probes: RunProbes?
    public let classes: Int
    public let activation: Activation
    /// The static variance forecast made before training (nil in older files).
    public let forecast: VarianceForecast?

    public init(runID: String, initializer: String, expectsFailure: Bool, history: TrainingHistory,
                probes: RunProbes?, classes: Int, activation: Activation, forecast: VarianceForecast? = nil) {
        self.runID = runID; self.initializer = initializer; self.expectsFailure = expectsFailure
        self.history = history; self.probes = probes; self.classes = classes; self.activation = activation
        self.forecast = forecast
    }

    /// Hidden layers (all but the output layer) of the probes; empty without probes.
    var hiddenLayers: [LayerTrace] { Array((probes?.layers ?? []).dropLast()) }

    /// A finding about this run with its id, initializer and expectation filled in.
    func finding(_ rule: String, _ severity: Severity, layer: Int? = nil, steps: ClosedRange<Int>? = nil,
                 evidence: [Evidence], threshold: Threshold, explanation: String) -> Finding {
        Finding(rule: rule, severity: severity, runID: runID, initializer: initializer, layer: layer,
                firstStep: steps?.lowerBound, lastStep: steps?.upperBound, evidence: evidence, threshold: threshold,
                explanation: explanation, expected: expectsFailure)
    }
}

/// A check over one run's statistics; one file per rule.
public protocol Rule: Sendable {
    /// Stable id used in findings, thresholds (`id.key`) and docs, e.g. "dead-units".
    var id: String { get }
    /// One line for `--help` and the docs.
    var summary: String { get }
    func findings(in run: RunEvidence, thresholds: Thresholds) -> [Finding]
}

extension LayerTrace {
    /// Every hidden unit has the same incoming weights at this snapshot: the layer computes
    /// one function, and rules about its units (dead, vanishing) would only repeat that.
    func isCollapsed(_ snapshot: LayerSnapshot) -> Bool {
        fanOut > 1 && snapshot.symmetry.identicalUnits == fanOut
    }
}

extension Summary {
    /// Root mean square of the finite values: √(Σx² / n).
    var rms: Double {
        let finite = count - nonFinite
        return finite > 0 ? l2 / Double(finite).squareRoot() : 0
    }
}
