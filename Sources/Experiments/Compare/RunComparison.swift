import Diagnostics

/// One run on both sides: final numbers, their change, the findings that appeared or went,
/// and how each layer's final gradient norm moved.
public struct RunComparison: Sendable {
    public var run: RunIdentity
    /// The head config expects this initializer to fail (`expect: failure`): its regressions
    /// are shown but do not fail the comparison.
    public var expectsFailure: Bool
    public var base: RunOutcome
    public var head: RunOutcome
    /// Findings in head with no base finding of the same rule, layer and severity; and the
    /// other way round.
    public var newFindings: [Finding]
    public var resolvedFindings: [Finding]
    /// Per layer, the final probe's ‖∂L/∂W‖₂ on both sides (empty without probes).
    public var gradientShifts: [GradientShift]
    /// What got worse, in the order checked (empty: no regression).
    public var regressions: [Regression]

    /// Whether this run fails the comparison: it regressed and is not expected to fail.
    public var fails: Bool { !expectsFailure && !regressions.isEmpty }

    /// Head minus base final accuracy, as a fraction (nil when either has none).
    public var accuracyDelta: Double? {
        guard let b = base.accuracy, let h = head.accuracy, b.isFinite, h.isFinite else { return nil }
        return h - b
    }

    /// Head minus base final evaluation loss (nil when either has none; may be NaN).
    public var lossDelta: Double? {
        guard let b = base.loss, let h = head.loss else { return nil }
        return h - b
    }

    public var secondsDelta: Double { head.seconds - base.seconds }
    /// Head time over base time (nil when base took no measurable time).
    public var secondsRatio: Double? { base.seconds > 0 ? head.seconds / base.seconds : nil }

    public var flaggedShifts: [GradientShift] { gradientShifts.filter(\.flagged) }
}

/// A run's final numbers on one side.
public struct RunOutcome: Sendable, Equatable {
    /// Final evaluation accuracy (fraction) and loss; nil when no epoch finished.
    public var accuracy: Double?
    public var loss: Double?
    /// Wall time of the run.
    public var seconds: Double
    /// The step whose loss went non-finite (nil: it did not diverge).
    public var divergedAtStep: Int?

    public init(_ run: RunResult) {
        accuracy = run.history.finalTestAccuracy; loss = run.history.finalTestLoss
        seconds = run.seconds; divergedAtStep = run.history.divergedAtStep
    }
}

/// How one layer's final weight-gradient L2 norm moved from base to head.
public struct GradientShift: Sendable, Equatable {
    /// 1-based, like findings.
    public var layer: Int
    /// "layer 2 (256→128)".
    public var name: String
    public var base: Double
    public var head: Double
    /// head / base; 1 when both are 0, +∞ when only base is 0; nil when either is not finite.
    public var ratio: Double?
    /// Beyond the shift factor either way, or finite on one side only.
    public var flagged: Bool

    public init(layer: Int, name: String, base: Double, head: Double, factor: Double) {
        self.layer = layer; self.name = name; self.base = base; self.head = head
        if base.isFinite, head.isFinite {
            let ratio = base == 0 ? (head == 0 ? 1 : .infinity) : head / base
            self.ratio = ratio
            flagged = ratio > factor || ratio < 1 / factor
        } else {
            ratio = nil
            flagged = base.isFinite != head.isFinite
        }
    }
}

/// One way a run got worse from base to head.
public enum Regression: Sendable, Equatable, CustomStringConvertible {
    /// Final accuracy fell by more than the tolerance (both as fractions).
    case accuracyDrop(from: Double, to: Double, tolerance: Double)
    /// Base finished with an accuracy, head with none (or a non-finite one).
    case accuracyLost(from: Double)
    /// Head diverged at this step; base did not diverge.
    case diverged(atStep: Int)
    /// An error-severity finding that base did not have.
    case newError(rule: String, place: String)

    public var description: String {
        switch self {
        case let .accuracyDrop(from, to, tolerance):
            return "accuracy \(ComparisonFormat.signedPoints(to - from)) points (tolerance \(ComparisonFormat.points(tolerance)))"
        case let .accuracyLost(from):
            return "no final accuracy (base \(ComparisonFormat.points(from))%)"
        case let .diverged(step):
            return "diverged at step \(step)"
        case let .newError(rule, place):
            return "new error \(rule) at \(place)"
        }
    }
}
