/// How bad a finding is. `error`: the run cannot learn as configured (identical units,
/// divergence); `warning`: it learns badly or is on its way there; `info`: worth a look.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info
    case warning
    case error

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }
}

/// One named number behind a finding, e.g. ("identical units", 256).
public struct Evidence: Sendable, Codable, Equatable {
    public var name: String
    public var value: Double

    public init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }
}

/// What a rule found in one run: like a linter's message, with the numbers that prove it,
/// the threshold that fired and a sentence a student would understand.
public struct Finding: Sendable, Codable, Equatable {
    /// The rule's id, e.g. "symmetry".
    public var rule: String
    public var severity: Severity
    /// The run's id ("zeros#seed0") and its initializer's name ("zeros").
    public var runID: String
    public var initializer: String
    /// 1-based layer; nil when the finding is about the whole network (loss, depth).
    public var layer: Int?
    /// Optimizer steps over which the evidence holds (0 = as initialized); nil for findings
    /// made before training (the static forecast).
    public var firstStep: Int?
    public var lastStep: Int?
    public var evidence: [Evidence]
    /// The threshold that fired, as `rule.key` and its value.
    public var threshold: Threshold
    /// One or two sentences: what is wrong and why it matters.
    public var explanation: String
    /// True when the config expects this run to fail (`expect: failure`): the finding is
    /// shown but does not fail CI.
    public var expected: Bool

    public init(rule: String, severity: Severity, runID: String, initializer: String, layer: Int? = nil,
                firstStep: Int? = nil, lastStep: Int? = nil, evidence: [Evidence], threshold: Threshold,
                explanation: String, expected: Bool = false) {
        self.rule = rule; self.severity = severity; self.runID = runID; self.initializer = initializer
        self.layer = layer; self.firstStep = firstStep; self.lastStep = lastStep; self.evidence = evidence
        self.threshold = threshold; self.explanation = explanation; self.expected = expected
    }

    /// "steps 0–938", "step 0", or "before training".
    public var stepRange: String {
        guard let first = firstStep else { return "before training" }
        guard let last = lastStep, last != first else { return "step \(first)" }
        return "steps \(first)–\(last)"
    }
}

/// A threshold as it fired: its key (`rule.key`) and value.
public struct Threshold: Sendable, Codable, Equatable {
    public var key: String
    public var value: Double

    public init(key: String, value: Double) {
        self.key = key
        self.value = value
    }
}

extension Finding {
    /// Whether this finding continues `previous` into the next layer: the same run, rule,
    /// severity and steps, one layer further. Consecutive ones are shown as one line or row
    /// ("layers 1–30"), so a deep net overflowing everywhere at once does not list 30.
    public func continuesLayerSpan(of previous: Finding) -> Bool {
        guard let layer, let previousLayer = previous.layer else { return false }
        return layer == previousLayer + 1 && runID == previous.runID && rule == previous.rule
            && severity == previous.severity && firstStep == previous.firstStep && lastStep == previous.lastStep
    }
}
