import Foundation

/// Two results of the same experiment, run by run: what `initscope compare BASE HEAD` reports
/// for a pull request. Runs are matched by id — initializer, variant and seed — so a change
/// to the code can be judged on the very runs it changed. Built by
/// `ResultComparison.compare(base:head:options:)`.
public struct ResultComparison: Sendable {
    public var base: ComparisonSide
    public var head: ComparisonSide
    public var options: ComparisonOptions
    /// Runs present on both sides, in head's order.
    public var runs: [RunComparison]
    /// Runs only in head (added) and only in base (removed): listed, never failing.
    public var added: [RunIdentity]
    public var removed: [RunIdentity]
    /// Things the reader should know about the inputs (older files, a forced comparison).
    public var notes: [String]
    /// Differences that change the last bits of every number (BLAS kernel, thread count).
    public var warnings: [String]
    /// The experiment's name (head's config).
    public var experimentName: String

    /// Runs that regressed and are not expected to fail: these make the comparison fail.
    public var failing: [RunComparison] { runs.filter(\.fails) }

    /// Whether the head may merge: no run that is not expected to fail regressed.
    public var passes: Bool { failing.isEmpty }

    /// Layers whose final gradient norm moved beyond the shift factor, over every run.
    public var flaggedShiftCount: Int { runs.reduce(0) { $0 + $1.flaggedShifts.count } }

    /// One line for a PR comment or a terminal: "✖ 2 of 12 runs regressed" or
    /// "✔ No regression in 12 runs".
    public var verdict: String {
        let tolerance = ComparisonFormat.points(options.maxAccuracyDrop)
        if passes {
            return "✔ No regression in \(runs.count) matched run(s): accuracy within \(tolerance) point(s), "
                + "no new divergence, no new error finding."
        }
        return "✖ \(failing.count) of \(runs.count) matched run(s) regressed "
            + "(accuracy drop over \(tolerance) point(s), a new divergence or a new error finding)."
    }
}

/// Which run: the key runs are matched by, and its label for people.
public struct RunIdentity: Sendable, Equatable {
    /// "he_normal#seed0", "he_normal@bn#seed1".
    public var id: String
    public var initializer: String
    public var variant: String?
    public var seed: UInt64
    public var label: String

    init(_ run: RunResult) {
        id = run.id; initializer = run.initializer; variant = run.variant; seed = run.seed; label = run.label
    }
}

/// How strict the comparison is.
public struct ComparisonOptions: Sendable, Equatable {
    /// Largest allowed drop of final accuracy, as a fraction (0.01 = one percentage point).
    public var maxAccuracyDrop: Double
    /// A layer's final weight-gradient norm is flagged when head/base is beyond this factor
    /// either way (2: above ×2 or below ×½).
    public var gradientShiftFactor: Double
    /// Compare even when the config hash or the dataset fingerprint differ.
    public var force: Bool

    public init(maxAccuracyDrop: Double = 0.01, gradientShiftFactor: Double = 2, force: Bool = false) {
        self.maxAccuracyDrop = maxAccuracyDrop; self.gradientShiftFactor = gradientShiftFactor; self.force = force
    }
}

/// Where one side of a comparison came from: enough to say which commit, tool and BLAS made it.
public struct ComparisonSide: Sendable, Equatable {
    /// The metrics.json as given on the command line.
    public var path: String
    public var gitCommit: String?
    public var toolVersion: String
    public var blasCore: String
    public var blasThreadsPerRun: Int
    public var configHash: String?
    public var datasetFingerprint: String?
    public var createdAt: String

    public init(_ result: ExperimentResult, path: String) {
        self.path = path; gitCommit = result.gitCommit; toolVersion = result.tool.version
        blasCore = result.machine.blasCore; blasThreadsPerRun = result.machine.blasThreadsPerRun
        configHash = result.configHash; datasetFingerprint = result.dataset.fingerprint; createdAt = result.createdAt
    }

    /// "commit abc123 · initscope 0.1.0 · BLAS Haswell, 1 thread(s) per run".
    public var provenance: String {
        "commit \(gitCommit ?? "not recorded") · initscope \(toolVersion) · BLAS \(blasCore), \(blasThreadsPerRun) thread(s) per run"
    }
}

/// Number formats shared by the comparison's messages and renderers.
public enum ComparisonFormat {
    /// A fraction as percentage points: 0.0123 → "1.23".
    public static func points(_ fraction: Double) -> String { String(format: "%.2f", fraction * 100) }

    /// A signed fraction in points: −0.0123 → "−1.23", 0.004 → "+0.40".
    public static func signedPoints(_ fraction: Double) -> String { signed(fraction * 100, format: "%.2f") }

    /// "+0.0123", "−0.4500", with a real minus sign.
    public static func signed(_ value: Double, format: String = "%.4f") -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "+∞" : "−∞") }
        let text = String(format: format, abs(value))
        if Double(text) == 0 { return "±" + text }
        return (value < 0 ? "−" : "+") + text
    }

    /// A ratio: "×1.12", "×0.031", "×∞".
    public static func ratio(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "×?" : "×∞" }
        return value >= 0.1 ? String(format: "×%.2f", value) : String(format: "×%.2g", value)
    }
}
